// Error codes shared by hosts, core and renderer; each names a kind of failure staff can look up.
export const ERROR_CODES = [
  /** The request's arguments did not match the channel's schema. */
  'API_E_BAD_REQUEST',
  /** No such channel. */
  'API_E_UNKNOWN_CHANNEL',
  /** The caller is not the app's own page (wrong frame, origin, token or Host). */
  'API_E_FORBIDDEN',
  /** An unexpected failure inside the core; details are in the log. */
  'API_E_INTERNAL',
  /** A settings key that does not exist. */
  'SETTINGS_E_UNKNOWN_KEY',
  /** A settings value that the schema refuses. */
  'SETTINGS_E_BAD_VALUE',
  /** The settings file could not be written (disk full, read-only, permissions); nothing changed. Details are in the log. */
  'SETTINGS_E_NOT_SAVED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
