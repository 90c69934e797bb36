// Maps a request path to a file inside one root folder, refusing anything that could escape it.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { contentTypeFor } from './content-types';

export interface StaticFile {
  readonly path: string;
  readonly size: number;
  readonly contentType: string;
}

/** Each path segment must look like an ordinary file name: no dot-segments, no drive letters, no streams. */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/**
 * Resolves `pathname` (the URL path after the host's mount point, still percent-encoded) to a
 * regular file under `root`. Returns null for anything else. Decoding happens once, and every
 * decoded segment must match a strict allowlist, so `%2e%2e`, `..%2f`, backslashes, NUL, `C:` and
 * `a.png::$DATA` are refused lexically; `realpath` then catches a symlink planted inside the root.
 * An empty path or a trailing slash means `index.html` (the renderer's single page).
 */
export async function resolveStaticFile(root: string, pathname: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const trimmed = decoded.replace(/^\/+/, '');
  const segments = trimmed === '' || trimmed.endsWith('/') ? [...trimmed.split('/').filter(Boolean), 'index.html'] : trimmed.split('/');
  if (segments.length > 16 || !segments.every((segment) => SAFE_SEGMENT.test(segment))) return null;
  const contentType = contentTypeFor(segments.at(-1) ?? '');
  if (contentType === null) return null;
  try {
    const realRoot = await realpath(root);
    const realFile = await realpath(join(realRoot, ...segments));
    const rel = relative(realRoot, realFile);
    if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) return null;
    const info = await stat(realFile);
    if (!info.isFile()) return null;
    return { path: realFile, size: info.size, contentType };
  } catch {
    return null;
  }
}
