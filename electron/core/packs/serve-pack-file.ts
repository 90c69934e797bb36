// Answers a request for a file of the active pack: manifest-listed paths only, with HTTP byte ranges.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join, relative, sep, isAbsolute } from 'node:path';
import type { Readable } from 'node:stream';
import type { PackFile } from '../../shared/manifest';
import { SECURITY_HEADERS } from '../security/csp';
import { refName } from './pack-store';
import type { ActiveInstalledPack } from './pack-store';

export interface PackFileResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Null for HEAD, errors and 416. */
  readonly body: Readable | null;
}

const filesByPath = new WeakMap<object, Map<string, PackFile>>();

function listedFiles(pack: ActiveInstalledPack): Map<string, PackFile> {
  let map = filesByPath.get(pack.manifest);
  if (!map) {
    map = new Map(pack.manifest.files.map((file) => [file.path, file]));
    filesByPath.set(pack.manifest, map);
  }
  return map;
}

const notFound = (): PackFileResponse => ({ status: 404, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }, body: null });

/**
 * `requestPath` is the URL path after the host's pack prefix, still percent-encoded:
 * `<id>@<version>/<file path>`. The version in the URL makes every URL immutable (a new pack has new
 * URLs), so responses can be cached forever. The file is looked up in the active manifest's list; the
 * URL text never becomes a file-system path, and realpath catches a file swapped for a symlink after
 * install (reliability.md A4).
 */
export async function servePackFile(
  pack: ActiveInstalledPack | null,
  requestPath: string,
  options: { method: string; range?: string | undefined },
): Promise<PackFileResponse> {
  if (pack === null) return notFound();
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath.replace(/^\/+/, ''));
  } catch {
    return notFound();
  }
  const prefix = `${refName(pack.ref)}/`;
  if (!decoded.startsWith(prefix)) return notFound();
  const file = listedFiles(pack).get(decoded.slice(prefix.length));
  // Plain-text files are pledge walls' blocked-word lists: read by the core, never served to a page.
  if (file === undefined || file.type === 'text/plain') return notFound();

  const onDisk = join(pack.dir, ...file.path.split('/'));
  let size: number;
  try {
    const [realDir, realFile] = await Promise.all([realpath(pack.dir), realpath(onDisk)]);
    const rel = relative(realDir, realFile);
    if (rel.startsWith('..' + sep) || isAbsolute(rel)) return notFound();
    const info = await stat(realFile);
    if (!info.isFile()) return notFound();
    size = info.size;
  } catch {
    return notFound();
  }

  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'content-type': file.type,
    'accept-ranges': 'bytes',
    'cache-control': 'public, max-age=31536000, immutable',
    etag: `"${file.sha256}"`,
  };
  const range = parseRange(options.range, size);
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'content-range': `bytes */${size}` }, body: null };
  }
  const head = options.method === 'HEAD';
  if (range === null) {
    return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: head ? null : createReadStream(onDisk) };
  }
  const { start, end } = range;
  return {
    status: 206,
    headers: { ...headers, 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${size}` },
    body: head ? null : createReadStream(onDisk, { start, end }),
  };
}

/**
 * Parses a single `bytes=` range (RFC 9110 §14.1.2). Multiple ranges are answered with the whole file,
 * which the RFC allows and media elements never need. Null means "send everything".
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  // An inverted range (5-3) is invalid, not unsatisfiable: RFC 9110 says to ignore it and send everything.
  if (to !== '' && Number(to) < start) return null;
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
