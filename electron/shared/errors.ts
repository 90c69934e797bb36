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
  /** Not a zip, truncated, or a corrupt central directory. */
  'PACK_E_ZIP',
  /** An entry path that is absolute, has `..`, a drive letter, or backslashes escaping the root. */
  'PACK_E_PATH',
  /** A file name Windows or FAT cannot hold: reserved names, control characters, trailing dot or space, too long. */
  'PACK_E_NAME',
  /** The same name twice, or two names equal after case folding or Unicode normalisation. */
  'PACK_E_DUPLICATE',
  /** A symbolic link (zip symlink entry, or a symlink or junction in a folder pack). */
  'PACK_E_SYMLINK',
  /** Too many entries, too many bytes, a file too large, or a suspicious compression ratio. */
  'PACK_E_LIMIT',
  /** Zip entries whose data overlap (a non-recursive zip bomb). */
  'PACK_E_OVERLAP',
  /** A file type the kiosk does not accept, or an extension its content contradicts. */
  'PACK_E_TYPE',
  /** Not enough free disk space to install the pack. */
  'PACK_E_SPACE',
  /** manifest.json is missing, not JSON, or fails the schema. */
  'PACK_E_MANIFEST',
  /** The signature is missing when required, from an untrusted key, or does not match. */
  'PACK_E_SIGNATURE',
  /** A file's bytes do not match the sha256 or size the manifest lists. */
  'PACK_E_HASH',
  /** A file the manifest lists is not in the pack. */
  'PACK_E_MISSING',
  /** A file in the pack that the manifest does not list. */
  'PACK_E_UNLISTED',
  /** Older than (or the same as) the highest version of this pack ever installed here. */
  'PACK_E_DOWNGRADE',
  /** The source could not be read (the USB stick was pulled, a read error). */
  'PACK_E_IO',
  /** The import was cancelled; nothing changed. */
  'PACK_E_CANCELLED',
  /** No installed pack matches the requested id@version, or nothing to roll back to. */
  'PACK_E_NOT_FOUND',
  /** Another import is already running. */
  'PACK_E_BUSY',
  /** An analytics event was not recorded: too many are waiting for a disk that is not keeping up. Details are in the log. */
  'ANALYTICS_E_NOT_SAVED',
  /** The exhibit is not a pledge wall of the active pack (or does not exist in it). */
  'PLEDGE_E_NOT_A_WALL',
  /** The message is empty once spaces and invisible characters are taken out. */
  'PLEDGE_E_EMPTY',
  /** The message is longer than a pledge may be (80 characters). */
  'PLEDGE_E_TOO_LONG',
  /** The message has a character a pledge may not hold (markup, or outside letters, digits, CJK, punctuation and common emoji). */
  'PLEDGE_E_CHARS',
  /** The message looks like personal contact data (a phone number, e-mail or web address), which a public wall must not show. */
  'PLEDGE_E_PERSONAL',
  /** The message contains a word or phrase on the wall's blocked list. */
  'PLEDGE_E_BLOCKED',
  /** More pledges in the last minute than this kiosk accepts; try again shortly. */
  'PLEDGE_E_RATE',
  /** The pledge was not stored because of a problem on the kiosk (the disk refused the write, or the wall's word list could not be read). Details are in the log. */
  'PLEDGE_E_NOT_SAVED',
  /** No pledge with that id (staff CLI). */
  'PLEDGE_E_NOT_FOUND',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
