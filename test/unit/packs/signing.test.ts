// Ed25519 pack signatures: RFC 8032 vectors, key ids, and every way a signature check must refuse.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, keyIdOf, parsePublicKey, publicKeyPemFor, signManifest, verifyManifestSignature } from '../../../electron/core/packs/signing';
import type { TrustedKey } from '../../../electron/core/packs/signing';

/** RFC 8032 §7.1, TEST 1–3: secret key, public key, message, signature (hex). */
const RFC8032 = [
  {
    name: 'TEST 1 (empty message)',
    secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2 (one byte)',
    secret: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    public: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3 (two bytes)',
    secret: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
    public: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
];

const b64url = (hex: string): string => Buffer.from(hex, 'hex').toString('base64url');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const sigJson = (bytes: Uint8Array): { algorithm: string; keyId: string; signature: string } => JSON.parse(new TextDecoder().decode(bytes));

function trustedKey(publicKeyPem: string, name = 'organizer'): TrustedKey {
  return { keyId: keyIdOf(publicKeyPem), name, publicKeyPem, addedAt: '2031-01-01T00:00:00.000Z' };
}

const MANIFEST = encode('{\n  "schemaVersion": 1,\n  "id": "expo",\n  "version": "1.0.0"\n}\n');
const ORGANIZER = generateSigningKeyPair();
const STRANGER = generateSigningKeyPair();
const TRUSTED = [trustedKey(ORGANIZER.publicKeyPem)];

function expectRefusal(result: ReturnType<typeof verifyManifestSignature>, message: RegExp): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problem.code).toBe('PACK_E_SIGNATURE');
  expect(result.problem.path).toBe('manifest.sig');
  expect(result.problem.message).toMatch(message);
}

describe('RFC 8032 test vectors', () => {
  it.each(RFC8032)('$name: signs to the published signature, and verifies', (vector) => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: b64url(vector.public), d: b64url(vector.secret) };
    const privateKeyPem = createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' }).toString();
    const publicKeyPem = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
    expect(publicKeyPemFor(privateKeyPem)).toBe(publicKeyPem);

    const message = Buffer.from(vector.message, 'hex');
    const sig = signManifest(message, privateKeyPem);
    const parsed = sigJson(sig);
    expect(Buffer.from(parsed.signature, 'base64').toString('hex')).toBe(vector.signature);
    expect(parsed.algorithm).toBe('ed25519');
    expect(parsed.keyId).toBe(createHash('sha256').update(Buffer.from(vector.public, 'hex')).digest('hex').slice(0, 16));
    expect(verifyManifestSignature(message, sig, [trustedKey(publicKeyPem)], { allowUnsigned: false })).toEqual({ ok: true, keyId: parsed.keyId });
  });
});

describe('keys', () => {
  it('generates PKCS#8 and SPKI PEM', () => {
    expect(ORGANIZER.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(ORGANIZER.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keyIdOf(ORGANIZER.publicKeyPem)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(ORGANIZER.publicKeyPem)).not.toBe(keyIdOf(STRANGER.publicKeyPem));
  });

  it('gives the same key id however the PEM is laid out', () => {
    const id = keyIdOf(ORGANIZER.publicKeyPem);
    expect(keyIdOf(ORGANIZER.publicKeyPem.replace(/\n/g, '\r\n'))).toBe(id);
    expect(keyIdOf(`\n\n${ORGANIZER.publicKeyPem}\n  \n`)).toBe(id);
    expect(keyIdOf(publicKeyPemFor(ORGANIZER.privateKeyPem))).toBe(id);
  });

  it('refuses private keys, non-keys and other algorithms where a public key is expected', () => {
    expect(() => parsePublicKey(ORGANIZER.privateKeyPem)).toThrow(/private key/);
    expect(() => parsePublicKey('hello')).toThrow(/not a public key/);
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => keyIdOf(publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(/ec key; packs are signed with Ed25519/);
  });

  it('writes manifest.sig as one line of JSON with exactly three fields', () => {
    const text = new TextDecoder().decode(signManifest(MANIFEST, ORGANIZER.privateKeyPem));
    expect(text).toMatch(/^\{"algorithm":"ed25519","keyId":"[0-9a-f]{16}","signature":"[A-Za-z0-9+/]{86}=="\}\n$/);
  });
});

describe('verifyManifestSignature', () => {
  const signed = signManifest(MANIFEST, ORGANIZER.privateKeyPem);

  it('accepts a signature by a trusted key over the exact bytes', () => {
    expect(verifyManifestSignature(MANIFEST, signed, TRUSTED, { allowUnsigned: false })).toEqual({ ok: true, keyId: keyIdOf(ORGANIZER.publicKeyPem) });
  });

  it('refuses a missing signature unless unsigned packs are allowed, saying how to fix it', () => {
    const result = verifyManifestSignature(MANIFEST, null, TRUSTED, { allowUnsigned: false });
    expectRefusal(result, /not signed/);
    expectRefusal(result, /sunrise-hall pack build .*--key NAME\.key/);
    expectRefusal(result, /sunrise-hall settings set packs\.acceptUnsigned true --data DIR/);
    expect(verifyManifestSignature(MANIFEST, null, TRUSTED, { allowUnsigned: true })).toEqual({ ok: true, keyId: null });
    expect(verifyManifestSignature(MANIFEST, null, [], { allowUnsigned: true })).toEqual({ ok: true, keyId: null });
  });

  it('refuses a key the kiosk does not trust, naming it and how to trust one', () => {
    const id = keyIdOf(ORGANIZER.publicKeyPem);
    const result = verifyManifestSignature(MANIFEST, signed, [], { allowUnsigned: false });
    expectRefusal(result, new RegExp(`key ${id}, which this kiosk does not trust \\(this kiosk trusts no keys yet\\)`));
    expectRefusal(result, /sunrise-hall pack trust add NAME\.pub --data DIR/);
  });

  it('refuses a second key that is not on the trust list, even when unsigned packs are allowed', () => {
    const bySecond = signManifest(MANIFEST, STRANGER.privateKeyPem);
    const result = verifyManifestSignature(MANIFEST, bySecond, TRUSTED, { allowUnsigned: true });
    expectRefusal(result, new RegExp(`signed with key ${keyIdOf(STRANGER.publicKeyPem)}.*trusts ${keyIdOf(ORGANIZER.publicKeyPem)} \\(organizer\\)`));
  });

  it('accepts either of two trusted keys', () => {
    const both = [...TRUSTED, trustedKey(STRANGER.publicKeyPem, 'agency')];
    expect(verifyManifestSignature(MANIFEST, signManifest(MANIFEST, STRANGER.privateKeyPem), both, { allowUnsigned: false }).ok).toBe(true);
  });

  it.each([
    ['one byte of the manifest changed', (bytes: Uint8Array) => bytes.map((b, i) => (i === 20 ? b ^ 1 : b))],
    ['the manifest re-formatted (same JSON, other whitespace)', (bytes: Uint8Array) => encode(JSON.stringify(JSON.parse(new TextDecoder().decode(bytes))))],
    ['a trailing newline removed', (bytes: Uint8Array) => bytes.subarray(0, bytes.length - 1)],
    ['a byte-order mark added', (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])],
  ])('refuses a good signature when %s', (_label, change) => {
    for (const allowUnsigned of [false, true]) {
      expectRefusal(verifyManifestSignature(change(MANIFEST), signed, TRUSTED, { allowUnsigned }), /does not match manifest\.json: the manifest was changed after signing/);
    }
  });

  it("refuses a trusted key's signature that belongs to another pack", () => {
    const other = signManifest(encode('{"id":"other"}\n'), ORGANIZER.privateKeyPem);
    expectRefusal(verifyManifestSignature(MANIFEST, other, TRUSTED, { allowUnsigned: false }), /signature belongs to another pack/);
  });

  it('refuses a signature that is not 64 bytes', () => {
    const parsed = sigJson(signed);
    for (const length of [63, 65, 0]) {
      const sig = encode(JSON.stringify({ ...parsed, signature: randomBytes(length).toString('base64') }));
      expectRefusal(verifyManifestSignature(MANIFEST, sig, TRUSTED, { allowUnsigned: true }), new RegExp(`is ${length} bytes; an Ed25519 signature is 64 bytes`));
    }
  });

  it.each([
    ['random bytes', randomBytes(100)],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ['truncated JSON', null],
    ['an empty file', new Uint8Array(0)],
  ])('refuses a garbage manifest.sig (%s), even when unsigned packs are allowed', (_label, bytes) => {
    const garbage = bytes ?? signed.subarray(0, 30);
    expectRefusal(verifyManifestSignature(MANIFEST, garbage, TRUSTED, { allowUnsigned: true }), /manifest\.sig is not valid JSON/);
  });

  it.each([
    ['another algorithm', { algorithm: 'rsa' }],
    ['an extra field', { note: 'hi' }],
    ['an upper-case key id', { keyId: 'ABCDEF0123456789' }],
    ['a short key id', { keyId: 'abc' }],
    ['a signature that is not base64', { signature: '!!!!' }],
  ])('refuses manifest.sig with %s', (_label, change) => {
    const sig = encode(JSON.stringify({ ...sigJson(signed), ...change }));
    expectRefusal(verifyManifestSignature(MANIFEST, sig, TRUSTED, { allowUnsigned: true }), /does not have the expected fields/);
  });

  it('refuses a JSON array or string as manifest.sig', () => {
    expectRefusal(verifyManifestSignature(MANIFEST, encode('[1,2]'), TRUSTED, { allowUnsigned: false }), /expected fields/);
    expectRefusal(verifyManifestSignature(MANIFEST, encode('"sig"'), TRUSTED, { allowUnsigned: false }), /expected fields/);
  });

  it('refuses an oversized manifest.sig without parsing it', () => {
    const big = encode(`${new TextDecoder().decode(signed).trim()}${' '.repeat(5000)}`);
    expectRefusal(verifyManifestSignature(MANIFEST, big, TRUSTED, { allowUnsigned: true }), /more than the 4096 a signature file can be/);
  });

  it('does not take a trust entry\'s stored key id on trust: it is recomputed from the key', () => {
    const forged = [{ ...trustedKey(STRANGER.publicKeyPem), keyId: keyIdOf(ORGANIZER.publicKeyPem) }];
    expectRefusal(verifyManifestSignature(MANIFEST, signed, forged, { allowUnsigned: false }), /does not trust/);
  });
});
