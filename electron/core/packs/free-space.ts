// Free disk space where packs are installed, so an import that cannot fit is refused before it starts.
import { statfs } from 'node:fs/promises';

/** Space kept free for settings, logs and analytics whatever a pack needs (reliability.md B6). */
export const DEFAULT_DISK_RESERVE_BYTES = 2 * 1024 ** 3;

export async function freeBytes(dir: string): Promise<number> {
  const info = await statfs(dir);
  return info.bavail * info.bsize;
}
