// Recognises the kiosk's own app:// URLs; the Electron shell trusts IPC and navigation only from these.

export const APP_SCHEME = 'app';
export const UI_HOST = 'ui';
export const PACK_HOST = 'pack';
export const UI_ORIGIN = `${APP_SCHEME}://${UI_HOST}`;

/**
 * True for `app://ui/...` only. Compares scheme and host rather than `URL.origin`: Node's WHATWG URL
 * reports the origin of a non-special scheme such as `app:` as the string "null", so an origin
 * comparison in the main process would refuse (or, compared with "null", accept) everything.
 */
export function isUiUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === UI_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
