// How much disk a pack import must leave free, so an import that cannot fit is refused before it starts.

/** Space kept free for settings, logs and analytics whatever a pack needs (reliability.md B6). */
export const DEFAULT_DISK_RESERVE_BYTES = 2 * 1024 ** 3;
