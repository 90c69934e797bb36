// Free disk space in the data folder's file system, for writers that must leave room for the rest.
import { statfs } from 'node:fs/promises';

export async function freeBytes(dir: string): Promise<number> {
  const info = await statfs(dir);
  return info.bavail * info.bsize;
}
