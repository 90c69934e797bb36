// Rules for file paths inside a content pack, shared by the manifest schema, the importer and the servers.

export type PackPathProblem = { readonly code: 'PACK_E_PATH' | 'PACK_E_NAME'; readonly message: string };

/** Longest path a pack may use, in characters: stays under Windows' MAX_PATH once placed under the data folder. */
export const MAX_PACK_PATH_CHARS = 180;
/** Longest single name, in UTF-8 bytes (most file systems allow 255). */
export const MAX_PACK_NAME_BYTES = 200;
/** Most `/`-separated segments (folders plus the file name) a pack path may have. */
export const MAX_PACK_DEPTH = 8;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i;
// Characters Windows refuses in names, plus control characters (C0, DEL, C1).
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[<>:"|?*\u0000-\u001f\u007f-\u009f]/;

/**
 * Checks one pack path (`/`-separated, relative). Returns the first problem, or null when the path is
 * safe to create on Windows, macOS and Linux alike. Non-ASCII names (Chinese file names from a
 * Windows PC, say) are fine; they must be NFC so that one name has one spelling.
 */
export function checkPackPath(path: string): PackPathProblem | null {
  const show = JSON.stringify(path);
  if (path.length === 0) return { code: 'PACK_E_PATH', message: 'An entry has an empty name.' };
  if (path.startsWith('/') || path.startsWith('\\')) return { code: 'PACK_E_PATH', message: `Entry ${show} is an absolute path.` };
  if (/^[A-Za-z]:/.test(path)) return { code: 'PACK_E_PATH', message: `Entry ${show} starts with a drive letter.` };
  if (path.includes('\\')) return { code: 'PACK_E_PATH', message: `Entry ${show} contains a backslash, which Windows reads as a folder separator.` };
  const segments = path.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return { code: 'PACK_E_PATH', message: `Entry ${show} escapes the pack folder with "." or "..".` };
  if (segments.some((segment) => segment === '')) return { code: 'PACK_E_PATH', message: `Entry ${show} has an empty folder name ("//" or a trailing "/").` };
  if (segments.length > MAX_PACK_DEPTH) return { code: 'PACK_E_PATH', message: `Entry ${show} is nested in more than ${MAX_PACK_DEPTH - 1} folders.` };
  if (path.length > MAX_PACK_PATH_CHARS) return { code: 'PACK_E_NAME', message: `Entry ${show} is longer than ${MAX_PACK_PATH_CHARS} characters.` };
  if (path.normalize('NFC') !== path) return { code: 'PACK_E_NAME', message: `Entry ${show} is not in Unicode NFC form; re-save it from a tool that writes NFC names.` };
  for (const segment of segments) {
    if (FORBIDDEN_CHARS.test(segment)) return { code: 'PACK_E_NAME', message: `Entry ${show} has a control character or one of < > : " | ? * in its name.` };
    if (/[. ]$/.test(segment)) return { code: 'PACK_E_NAME', message: `Entry ${show} has a name ending in a dot or a space, which Windows cannot store.` };
    if (WINDOWS_RESERVED.test(segment)) return { code: 'PACK_E_NAME', message: `Entry ${show} uses the Windows device name "${segment.split('.')[0]}".` };
    if (new TextEncoder().encode(segment).length > MAX_PACK_NAME_BYTES) return { code: 'PACK_E_NAME', message: `Entry ${show} has a name longer than ${MAX_PACK_NAME_BYTES} bytes.` };
  }
  return null;
}

/** The key two names collide under on case-insensitive, normalising file systems (NTFS, APFS). */
export function collisionKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

/** Media types a pack may contain, by extension. No html, js, svg, wasm or archives, ever. */
export const PACK_MEDIA_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  ktx2: 'image/ktx2',
  glb: 'model/gltf-binary',
  gltf: 'model/gltf+json',
  bin: 'application/octet-stream',
  mp4: 'video/mp4',
  webm: 'video/webm',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  woff2: 'font/woff2',
  json: 'application/json',
  vtt: 'text/vtt',
  // Word lists of pledge walls: read by the kiosk itself, never shown to visitors as a page.
  txt: 'text/plain',
} as const;

export type PackMediaType = (typeof PACK_MEDIA_TYPES)[keyof typeof PACK_MEDIA_TYPES];

/** The media type for a pack path by its extension, or null when the extension is not allowed. */
export function packMediaTypeFor(path: string): PackMediaType | null {
  const dot = path.lastIndexOf('.');
  if (dot < 0 || dot < path.lastIndexOf('/')) return null;
  const ext = path.slice(dot + 1).toLowerCase();
  return Object.hasOwn(PACK_MEDIA_TYPES, ext) ? PACK_MEDIA_TYPES[ext as keyof typeof PACK_MEDIA_TYPES] : null;
}
