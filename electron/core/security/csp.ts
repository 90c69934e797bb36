// The Content-Security-Policy both hosts send with the renderer (renderer/index.html carries the same as a meta tag).

/**
 * `'self'` is `app://ui` under Electron and the web host's origin in a browser; pack files come from
 * `app://pack` (Electron) or the same origin (`/pack/`, web host). No `'unsafe-inline'`, no
 * `'unsafe-eval'`: Svelte 5 needs neither, and WebAssembly decoders only need `'wasm-unsafe-eval'`.
 * `frame-ancestors` works only as a header, which is why hosts send it in addition to the meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' app://pack blob: data:",
  "img-src 'self' app://pack blob: data:",
  "media-src 'self' app://pack blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response of either host. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};
