// Ed25519 pack signatures: key pairs, key ids, and signing and checking the exact bytes of manifest.json.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { problem } from './problems';
import type { PackProblem } from './problems';

/** Largest `manifest.sig` read: the real one is about 140 bytes. */
export const MAX_SIGNATURE_FILE_BYTES = 4096;
/** The DER prefix of every Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIG = 'manifest.sig';

export const SIGN_HINT = 'sign the pack with "sunrise-hall pack build DIR -o OUT.zip --key NAME.key"';
export const ALLOW_UNSIGNED_HINT = 'allow unsigned packs with "sunrise-hall settings set packs.acceptUnsigned true --data DIR"';
export const TRUST_HINT = '"sunrise-hall pack trust add NAME.pub --data DIR" trusts a key';

/** What `manifest.sig` holds. Exactly these three fields; anything else is refused. */
const signatureFileSchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/),
});

/** A key the kiosk trusts (an entry of `<dataDir>/trust.json`, see trust-store.ts). */
export interface TrustedKey {
  /** First 16 hex digits of sha256 of the raw public key (see `keyIdOf`). */
  readonly keyId: string;
  /** A label for people: who signs with this key (the organizer, an agency). */
  readonly name: string;
  /** The public key, SPKI PEM. */
  readonly publicKeyPem: string;
  /** When it was added, ISO 8601. */
  readonly addedAt: string;
}

export type VerifyResult = { readonly ok: true; readonly keyId: string | null } | { readonly ok: false; readonly problem: PackProblem };

/** A fresh Ed25519 key pair: the private key as PKCS#8 PEM, the public key as SPKI PEM. */
export function generateSigningKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/**
 * Parses an Ed25519 public key (SPKI PEM). Throws a readable Error for anything else, including a private key,
 * which `createPublicKey` would otherwise silently accept and derive a public key from.
 */
export function parsePublicKey(publicKeyPem: string): KeyObject {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(publicKeyPem)) {
    throw new Error('This is a private key; use the public half (the NAME.pub file), and keep the private key secret.');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: publicKeyPem, format: 'pem' });
  } catch {
    throw new Error('This is not a public key in PEM form (expected "-----BEGIN PUBLIC KEY-----", as written by "sunrise-hall pack keygen").');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`This is a ${key.asymmetricKeyType ?? 'unknown'} key; packs are signed with Ed25519 keys only.`);
  return key;
}

/** Parses an Ed25519 private key (PKCS#8 PEM); throws a readable Error for anything else. */
export function parsePrivateKey(privateKeyPem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch {
    throw new Error('This is not a private key in PEM form (expected "-----BEGIN PRIVATE KEY-----", as written by "sunrise-hall pack keygen").');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`This is a ${key.asymmetricKeyType ?? 'unknown'} key; packs are signed with Ed25519 keys only.`);
  return key;
}

/** The public half (SPKI PEM) of an Ed25519 private key; throws a readable Error for anything else. */
export function publicKeyPemFor(privateKeyPem: string): string {
  return createPublicKey(parsePrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

/** The raw 32-byte Ed25519 public key. */
function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  if (der.length !== ED25519_SPKI_PREFIX.length + 32 || !der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
    throw new Error('Unexpected Ed25519 public key encoding.');
  }
  return der.subarray(ED25519_SPKI_PREFIX.length);
}

/** First 16 hex digits of sha256(raw 32-byte key): the same for any PEM spelling of the key. Throws for a non-Ed25519 key. */
export function keyIdOf(publicKeyPem: string): string {
  return keyIdOfKey(parsePublicKey(publicKeyPem));
}

function keyIdOfKey(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest('hex').slice(0, 16);
}

/**
 * The bytes of `manifest.sig` for `manifestBytes` (signed exactly as given, no re-encoding):
 * `{"algorithm":"ed25519","keyId":"…","signature":"<base64 of 64 bytes>"}` and a newline.
 */
export function signManifest(manifestBytes: Uint8Array, privateKeyPem: string): Uint8Array {
  const privateKey = parsePrivateKey(privateKeyPem);
  // Ed25519 hashes internally: the digest algorithm must be null.
  const signature = sign(null, manifestBytes, privateKey);
  const keyId = keyIdOfKey(createPublicKey(privateKey));
  const text = `${JSON.stringify({ algorithm: 'ed25519', keyId, signature: signature.toString('base64') })}\n`;
  return new TextEncoder().encode(text);
}

/**
 * Checks `manifest.sig` (`sigBytes`, null when the pack has none) against the exact `manifestBytes`.
 * A missing signature passes only with `allowUnsigned`; a signature that is present is always checked,
 * so a bad one is never ignored. Every refusal is PACK_E_SIGNATURE with a message saying what to do.
 */
export function verifyManifestSignature(
  manifestBytes: Uint8Array,
  sigBytes: Uint8Array | null,
  trusted: readonly TrustedKey[],
  options: { allowUnsigned: boolean },
): VerifyResult {
  const refuse = (message: string): VerifyResult => ({ ok: false, problem: problem('PACK_E_SIGNATURE', SIG, message) });
  if (sigBytes === null) {
    if (options.allowUnsigned) return { ok: true, keyId: null };
    return refuse(`The pack is not signed (no manifest.sig) and this kiosk accepts only signed packs: ${SIGN_HINT}, or ${ALLOW_UNSIGNED_HINT}.`);
  }
  if (sigBytes.length > MAX_SIGNATURE_FILE_BYTES) {
    return refuse(`manifest.sig is ${sigBytes.length} bytes, more than the ${MAX_SIGNATURE_FILE_BYTES} a signature file can be; it is not a pack signature.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(sigBytes));
  } catch {
    return refuse(`manifest.sig is not valid JSON; it is damaged or not a pack signature: ${SIGN_HINT}.`);
  }
  const parsed = signatureFileSchema.safeParse(json);
  if (!parsed.success) {
    return refuse(`manifest.sig does not have the expected fields (algorithm "ed25519", a 16-digit hex keyId, a base64 signature): ${SIGN_HINT}.`);
  }
  const { keyId, signature: base64 } = parsed.data;
  const signature = Buffer.from(base64, 'base64');
  if (signature.length !== 64) return refuse(`The signature in manifest.sig is ${signature.length} bytes; an Ed25519 signature is 64 bytes.`);

  const candidates = trusted.flatMap((entry) => {
    try {
      const key = parsePublicKey(entry.publicKeyPem);
      // The id is recomputed from the key itself: a stored id is never taken on trust.
      return keyIdOfKey(key) === keyId ? [{ entry, key }] : [];
    } catch {
      return [];
    }
  });
  if (candidates.length === 0) {
    const known = trusted.length === 0 ? 'this kiosk trusts no keys yet' : `this kiosk trusts ${trusted.map((t) => `${t.keyId} (${t.name})`).join(', ')}`;
    return refuse(`The pack is signed with key ${keyId}, which this kiosk does not trust (${known}); ${TRUST_HINT}.`);
  }
  for (const { key } of candidates) {
    if (verifies(manifestBytes, key, signature)) return { ok: true, keyId };
  }
  const name = candidates[0]?.entry.name ?? keyId;
  return refuse(
    `The signature by trusted key ${keyId} (${name}) does not match manifest.json: the manifest was changed after signing ` +
      '(even re-formatting counts), or the signature belongs to another pack. Build and sign the pack again.',
  );
}

/** Ed25519 verification (digest algorithm null); false, never a throw, for a signature that does not verify. */
function verifies(bytes: Uint8Array, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, bytes, key, signature);
  } catch {
    return false;
  }
}
