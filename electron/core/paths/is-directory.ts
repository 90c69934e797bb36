// A folder check that answers false instead of throwing when the path is missing or unreadable.
import { stat } from 'node:fs/promises';

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}
