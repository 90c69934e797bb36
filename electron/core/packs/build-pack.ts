// Builds a content pack from an author's folder: fills in `files`, validates, signs, and writes a deterministic zip.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw } from 'node:zlib';
import type { z } from 'zod';
import { manifestSchema, missingTranslations } from '../../shared/manifest';
import type { PackFile } from '../../shared/manifest';
import { checkPackPath, collisionKey, packMediaTypeFor, PACK_MEDIA_TYPES } from '../../shared/pack-paths';
import type { PackMediaType } from '../../shared/pack-paths';
import { describeError, errorCode } from '../store/fs-error';
import { ChangedFileError, writeDeterministicZip } from './deterministic-zip';
import { jsonPath } from './json-path';
import { problem } from './problems';
import type { PackProblem } from './problems';
import { MAX_MANIFEST_BYTES } from './read-manifest';
import { keyIdOf, publicKeyPemFor, signManifest } from './signing';
import { contentMatchesType, MAGIC_HEAD_BYTES } from './source/magic';
import { DEFAULT_PACK_LIMITS } from './source/pack-source';

export interface BuildPackOptions {
  /** The author's folder: `manifest.json` (without `files`, or with a stale list) and the assets. */
  readonly sourceDir: string;
  /** The zip to write; replaced only once the new one is complete. Must not be inside `sourceDir`. */
  readonly outFile: string;
  /** Ed25519 private key (PKCS#8 PEM); when given, `manifest.sig` is added. */
  readonly privateKeyPem?: string;
}

export type BuildPackResult =
  | {
      readonly ok: true;
      /** The exact bytes of the packed `manifest.json` (what the signature covers). */
      readonly manifestBytes: Uint8Array;
      readonly files: number;
      /** Total size of the listed files. */
      readonly bytes: number;
      /** Missing translations: the pack still imports; the UI falls back to the default locale. */
      readonly warnings: { path: string; message: string }[];
      /** The signing key's id, or null for an unsigned pack. */
      readonly keyId: string | null;
      /** Junk left out of the pack (`.DS_Store`, `Thumbs.db`, dot-files…). */
      readonly skipped: string[];
    }
  | { readonly ok: false; readonly problems: PackProblem[] };

/** Formats whose data is already compressed: stored as is, since deflate would only cost time. */
const STORED_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'webp', 'ktx2', 'mp4', 'webm', 'ogg', 'opus', 'mp3', 'woff2', 'glb']);
/** Names archivers and desktops leave behind (compared in lower case); dot-files are skipped too. */
const JUNK_NAMES = new Set(['.ds_store', 'thumbs.db', 'desktop.ini', '__macosx']);
const ROOT_METADATA = new Set(['manifest.json', 'manifest.sig']);
const ALLOWED_EXTENSIONS = Object.keys(PACK_MEDIA_TYPES).join(', ');

interface Found {
  readonly path: string;
  readonly diskPath: string;
  readonly type: PackMediaType;
}

/**
 * Builds `outFile` from `sourceDir`. Every problem found is returned (not just the first), each with a
 * PACK_E_* code and the entry name or JSON path; nothing is written unless there are none.
 *
 * What is serialised: the author's own manifest.json object (so optional fields stay as written, defaults
 * are not expanded), minus a top-level `$schema` editor hint, with `files` replaced by the computed list
 * (sorted by path, placed last), as `JSON.stringify(manifest, null, 2) + '\n'` in UTF-8. Those exact bytes
 * are validated, signed and zipped. Zip order: manifest.json, manifest.sig (if signed), then files by path.
 */
export async function buildPack(options: BuildPackOptions): Promise<BuildPackResult> {
  const problems: PackProblem[] = [];
  let signingKeyId: string | null = null;
  if (options.privateKeyPem !== undefined) {
    try {
      signingKeyId = keyIdOf(publicKeyPemFor(options.privateKeyPem));
    } catch (error) {
      problems.push(problem('PACK_E_SIGNATURE', '', `The signing key cannot be used: ${describeError(error)}`));
    }
  }
  let root: string;
  try {
    root = await realpath(options.sourceDir);
    if (!(await lstat(root)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    return { ok: false, problems: [...problems, problem('PACK_E_IO', '', `Cannot read the pack folder ${options.sourceDir}: ${describeError(error)}`)] };
  }
  const out = relative(root, resolve(options.outFile));
  if (out === '' || (out !== '..' && !out.startsWith(`..${sep}`) && !isAbsolute(out))) {
    problems.push(problem('PACK_E_PATH', out.split(sep).join('/'), 'The output zip would be inside the pack folder; write it somewhere else.'));
  }

  const input = await readAuthorManifest(root, problems);
  const skipped: string[] = [];
  const found: Found[] = [];
  await walk(root, '', found, skipped, problems);
  found.sort((a, b) => compare(a.path, b.path));
  const seen = new Set(ROOT_METADATA);
  const unique = found.filter((file) => {
    const key = collisionKey(file.path);
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    problems.push(problem('PACK_E_DUPLICATE', file.path, `${file.path} differs from another name only in letter case or Unicode form; rename one.`));
    return false;
  });
  const files = await describeFiles(unique, problems);
  if (input === undefined) return { ok: false, problems };

  const { $schema: _editorHint, files: _stale, ...authored } = input;
  const manifestText = `${JSON.stringify({ ...authored, files: files.map(({ entry }) => entry) }, null, 2)}\n`;
  const manifestBytes = new TextEncoder().encode(manifestText);
  if (manifestBytes.length > MAX_MANIFEST_BYTES) {
    problems.push(problem('PACK_E_LIMIT', 'manifest.json', `The manifest would be ${manifestBytes.length} bytes; kiosks read at most ${MAX_MANIFEST_BYTES}. Use fewer files or shorter texts.`));
  }
  const parsed = manifestSchema.safeParse(JSON.parse(manifestText));
  if (!parsed.success) problems.push(...parsed.error.issues.map(issueProblem));
  if (!parsed.success || problems.length > 0) return { ok: false, problems };

  const sig = options.privateKeyPem !== undefined ? signManifest(manifestBytes, options.privateKeyPem) : null;
  try {
    await writeDeterministicZip(options.outFile, [
      { name: 'manifest.json', data: manifestBytes, store: false },
      ...(sig ? [{ name: 'manifest.sig', data: sig, store: false }] : []),
      ...files.map(({ entry, diskPath, store }) => ({ name: entry.path, diskPath, size: entry.size, sha256: entry.sha256, store })),
    ]);
  } catch (error) {
    if (error instanceof ChangedFileError) return { ok: false, problems: [problem('PACK_E_IO', error.entryName, error.message)] };
    return { ok: false, problems: [problem('PACK_E_IO', '', `Cannot write ${options.outFile}: ${describeError(error)}`)] };
  }
  return {
    ok: true,
    manifestBytes,
    files: files.length,
    bytes: files.reduce((sum, { entry }) => sum + entry.size, 0),
    warnings: [...ignoredFields(JSON.parse(manifestText), parsed.data, '$'), ...missingTranslations(parsed.data)],
    keyId: signingKeyId,
    skipped,
  };
}

/** The author's manifest.json as a JSON object, or undefined (with a problem) when there is none. */
async function readAuthorManifest(root: string, problems: PackProblem[]): Promise<Record<string, unknown> | undefined> {
  const file = join(root, 'manifest.json');
  let text: string;
  try {
    if ((await lstat(file)).isSymbolicLink()) {
      problems.push(problem('PACK_E_SYMLINK', 'manifest.json', 'manifest.json is a symbolic link; put the real file in the pack folder.'));
      return undefined;
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    const message = errorCode(error) === 'ENOENT' ? 'The pack folder has no manifest.json.' : `Cannot read manifest.json: ${describeError(error)}`;
    problems.push(problem('PACK_E_MANIFEST', 'manifest.json', message));
    return undefined;
  }
  let json: unknown;
  try {
    // Windows Notepad adds a byte-order mark; the packed manifest is written without one.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.push(problem('PACK_E_MANIFEST', 'manifest.json', `manifest.json is not valid JSON: ${describeError(error)}`));
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.push(problem('PACK_E_MANIFEST', '$', 'manifest.json must hold a JSON object.'));
    return undefined;
  }
  return json as Record<string, unknown>;
}

/** Collects every file under `dir`; refuses links, odd file types, bad names and disallowed extensions. */
async function walk(dir: string, prefix: string, found: Found[], skipped: string[], problems: PackProblem[]): Promise<void> {
  let names;
  try {
    names = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(problem('PACK_E_IO', prefix, `Cannot list ${prefix || 'the pack folder'}: ${describeError(error)}`));
    return;
  }
  for (const dirent of names.sort((a, b) => compare(a.name, b.name))) {
    // Names are packed in NFC (macOS may hand back decomposed names); the disk name is kept for reading.
    const path = prefix + dirent.name.normalize('NFC');
    const diskPath = join(dir, dirent.name);
    if (prefix === '' && ROOT_METADATA.has(dirent.name)) continue;
    if (dirent.name.startsWith('.') || JUNK_NAMES.has(dirent.name.toLowerCase())) {
      skipped.push(path);
      continue;
    }
    if (dirent.isSymbolicLink()) {
      problems.push(problem('PACK_E_SYMLINK', path, `${path} is a symbolic link or junction; copy the real file or folder into the pack.`));
    } else if (dirent.isDirectory()) {
      await walk(diskPath, `${path}/`, found, skipped, problems);
    } else if (!dirent.isFile()) {
      problems.push(problem('PACK_E_TYPE', path, `${path} is not a regular file.`));
    } else {
      const pathProblem = checkPackPath(path);
      const type = packMediaTypeFor(path);
      if (pathProblem) problems.push(problem(pathProblem.code, path, pathProblem.message));
      else if (!type) problems.push(problem('PACK_E_TYPE', path, `${path} is not a file type a pack may contain (allowed: ${ALLOWED_EXTENSIONS}).`));
      else found.push({ path, diskPath, type });
    }
  }
}

/** Size, sha256 and media type of each file (streamed), within the importer's limits and matching its type. */
async function describeFiles(found: readonly Found[], problems: PackProblem[]): Promise<{ entry: PackFile; diskPath: string; store: boolean }[]> {
  const limits = DEFAULT_PACK_LIMITS;
  if (found.length + ROOT_METADATA.size > limits.maxEntries) {
    problems.push(problem('PACK_E_LIMIT', '', `The pack has ${found.length} files; at most ${limits.maxEntries - ROOT_METADATA.size} are allowed.`));
    return [];
  }
  const described: { entry: PackFile; diskPath: string; store: boolean }[] = [];
  let total = 0;
  for (const file of found) {
    const extension = file.path.slice(file.path.lastIndexOf('.') + 1).toLowerCase();
    let store = STORED_EXTENSIONS.has(extension);
    let digest: Awaited<ReturnType<typeof digestFile>>;
    try {
      const size = (await lstat(file.diskPath)).size;
      digest = await digestFile(file.diskPath, !store && size >= limits.ratioCheckMinBytes);
    } catch (error) {
      problems.push(problem('PACK_E_IO', file.path, `Cannot read ${file.path}: ${describeError(error)}`));
      continue;
    }
    // The importer checks the same magic bytes: a renamed HTML page or zip is caught here, not at the expo.
    if (!contentMatchesType(digest.head, file.type)) {
      problems.push(problem('PACK_E_TYPE', file.path, `${file.path} does not hold ${file.type} data, judging by its first bytes; re-export it, or give it the extension of what it really is.`));
      continue;
    }
    if (digest.size > limits.maxFileBytes) {
      problems.push(problem('PACK_E_LIMIT', file.path, `${file.path} is ${digest.size} bytes; one file may be at most ${limits.maxFileBytes} bytes.`));
      continue;
    }
    // The importer refuses entries that inflate too much (zip bombs). Silence in a WAV or zero padding in a
    // .bin compresses that well, so such files are stored uncompressed, with a safety margin of two.
    if (digest.deflated !== null && digest.size / Math.max(1, digest.deflated) > limits.maxCompressionRatio / 2) store = true;
    total += digest.size;
    described.push({ entry: { path: file.path, size: digest.size, sha256: digest.sha256, type: file.type }, diskPath: file.diskPath, store });
  }
  if (total > limits.maxTotalBytes) problems.push(problem('PACK_E_LIMIT', '', `The pack's files total ${total} bytes; at most ${limits.maxTotalBytes} are allowed.`));
  return described;
}

/** Streams a file once: its size, its sha256 and, when asked, the size deflate would make it. */
async function digestFile(diskPath: string, measureDeflate: boolean): Promise<{ size: number; sha256: string; deflated: number | null; head: Buffer }> {
  const hash = createHash('sha256');
  let size = 0;
  let deflated = 0;
  let head = Buffer.alloc(0);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (head.length < MAGIC_HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, MAGIC_HEAD_BYTES - head.length)]);
      size += chunk.length;
      hash.update(chunk);
      callback(null, measureDeflate ? chunk : undefined);
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      deflated += chunk.length;
      callback();
    },
  });
  if (measureDeflate) await pipeline(createReadStream(diskPath), tap, createDeflateRaw({ level: 6 }), sink);
  else await pipeline(createReadStream(diskPath), tap, sink);
  return { size, sha256: hash.digest('hex'), deflated: measureDeflate ? deflated : null, head };
}

/** One zod issue as a PACK_E_MANIFEST problem at its JSON path, e.g. `$.hall.exhibits[3].zone`. */
function issueProblem(issue: z.core.$ZodIssue): PackProblem {
  return problem('PACK_E_MANIFEST', jsonPath(issue.path), issue.message);
}

/** Fields the schema does not know (typos such as "narations"): zod drops them silently, so say so. */
function ignoredFields(input: unknown, output: unknown, at: string): { path: string; message: string }[] {
  if (Array.isArray(input) && Array.isArray(output)) return input.flatMap((item, i) => ignoredFields(item, output[i], `${at}[${i}]`));
  if (typeof input !== 'object' || input === null || typeof output !== 'object' || output === null || Array.isArray(output)) return [];
  return Object.entries(input).flatMap(([key, value]) => {
    const path = jsonPath([key]).replace(/^\$/, at);
    if (!Object.hasOwn(output, key)) return [{ path, message: `${path} is not a manifest field and is ignored; check its spelling.` }];
    return ignoredFields(value, (output as Record<string, unknown>)[key], path);
  });
}

/** Plain code-unit order, the same on every machine and locale (unlike localeCompare). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
