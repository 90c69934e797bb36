// The URL a host serves a pack file at: each path segment encoded, so Chinese or spaced names survive.

export function packFileUrl(baseUrl: string, path: string): string {
  return baseUrl + path.split('/').map(encodeURIComponent).join('/');
}
