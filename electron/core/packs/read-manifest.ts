// Reads and checks a pack's manifest and signature before any file is copied: the gate of every import.
import { manifestSchema, missingTranslations } from '../../shared/manifest';
import { packMediaTypeFor } from '../../shared/pack-paths';
import type { Manifest } from '../../shared/manifest';
import { jsonPath } from './json-path';
import { problem } from './problems';
import type { PackProblem } from './problems';
import { EntryTooLargeError, readSmallEntry } from './read-entry';
import { verifyManifestSignature } from './signing';
import type { TrustedKey } from './signing';
import { PackStreamError } from './source/pack-source';
import type { PackSource } from './source/pack-source';
import type { PackWarning } from '../../shared/pack-types';

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
/** The manifest of even a large pack is a few hundred KiB; more is a mistake or an attack. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
const MAX_SIGNATURE_BYTES = 4096;


export type ReadManifestResult =
  | {
      readonly ok: true;
      readonly manifest: Manifest;
      /** The exact bytes that were verified, installed as they are. */
      readonly manifestBytes: Uint8Array;
      readonly signatureBytes: Uint8Array | null;
      readonly keyId: string | null;
      readonly warnings: PackWarning[];
    }
  | { readonly ok: false; readonly problems: PackProblem[] };

export interface ReadManifestOptions {
  readonly trusted: readonly TrustedKey[];
  readonly allowUnsigned: boolean;
  /**
   * The pack ships inside the app (its default content): the app's own integrity vouches for it, so
   * no trusted signature is required. Never set for anything read from outside the app.
   */
  readonly bundledWithApp?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Order matters: the signature is checked over the exact stored bytes before the manifest is even
 * parsed, so a tampered manifest never reaches the schema, and nothing is extracted until both pass.
 * Then the listed files are compared with the pack's entries (missing, unlisted, wrong size).
 */
export async function readPackManifest(source: PackSource, options: ReadManifestOptions): Promise<ReadManifestResult> {
  const has = (path: string) => source.entries.some((e) => e.path === path);
  if (!has(MANIFEST_FILE)) {
    return refuse(problem('PACK_E_MANIFEST', MANIFEST_FILE, `The pack has no ${MANIFEST_FILE} at its top level; build it with \`sunrise-hall pack build\`.`));
  }
  const manifestRead = await readCapped(source, MANIFEST_FILE, MAX_MANIFEST_BYTES, 'PACK_E_MANIFEST', options.signal);
  if (!manifestRead.ok) return refuse(manifestRead.problem);
  const manifestBytes = manifestRead.bytes;
  let sigBytes: Uint8Array | null = null;
  if (has(SIGNATURE_FILE)) {
    const sigRead = await readCapped(source, SIGNATURE_FILE, MAX_SIGNATURE_BYTES, 'PACK_E_SIGNATURE', options.signal);
    if (!sigRead.ok) return refuse(sigRead.problem);
    sigBytes = sigRead.bytes;
  }

  const signature = options.bundledWithApp
    ? ({ ok: true, keyId: null } as const)
    : verifyManifestSignature(manifestBytes, sigBytes, options.trusted, { allowUnsigned: options.allowUnsigned });
  if (!signature.ok) return refuse(signature.problem);

  let raw: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(manifestBytes);
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof TypeError ? 'is not valid UTF-8' : `is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    return refuse(problem('PACK_E_MANIFEST', MANIFEST_FILE, `${MANIFEST_FILE} ${reason}.`));
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => problem('PACK_E_MANIFEST', jsonPath(issue.path), `${jsonPath(issue.path)}: ${issue.message}`)) };
  }
  const manifest = parsed.data;

  const problems: PackProblem[] = [];
  const listed = new Map(manifest.files.map((file) => [file.path, file]));
  for (const entry of source.entries) {
    if (entry.path === MANIFEST_FILE || entry.path === SIGNATURE_FILE) continue;
    const file = listed.get(entry.path);
    if (file === undefined) problems.push(problem('PACK_E_UNLISTED', entry.path, `${entry.path} is in the pack but not listed in the manifest's files; rebuild the pack or remove it.`));
    else if (file.size !== entry.size) problems.push(problem('PACK_E_HASH', entry.path, `${entry.path} is ${entry.size} bytes but the manifest says ${file.size}.`));
  }
  for (const file of manifest.files) {
    const byExtension = packMediaTypeFor(file.path);
    if (byExtension !== file.type) problems.push(problem('PACK_E_TYPE', file.path, `${file.path} is listed as ${file.type}, which its extension does not allow.`));
  }
  const present = new Set(source.entries.map((e) => e.path));
  for (const file of manifest.files) {
    if (!present.has(file.path)) problems.push(problem('PACK_E_MISSING', file.path, `${file.path} is listed in the manifest but missing from the pack (a half-copied stick?).`));
  }
  if (problems.length > 0) return { ok: false, problems };

  return { ok: true, manifest, manifestBytes, signatureBytes: sigBytes, keyId: signature.keyId, warnings: missingTranslations(manifest) };
}

async function readCapped(
  source: PackSource,
  path: string,
  maxBytes: number,
  code: 'PACK_E_MANIFEST' | 'PACK_E_SIGNATURE',
  signal: AbortSignal | undefined,
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: PackProblem }> {
  try {
    return { ok: true, bytes: await readSmallEntry(source, path, maxBytes, signal) };
  } catch (error) {
    if (error instanceof EntryTooLargeError) return { ok: false, problem: problem(code, path, error.message) };
    if (error instanceof PackStreamError) return { ok: false, problem: error.problem };
    throw error;
  }
}

function refuse(p: PackProblem): ReadManifestResult {
  return { ok: false, problems: [p] };
}
