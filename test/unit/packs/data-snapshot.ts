// Snapshots a folder tree (every path with its bytes' hash) to prove a refused import changed nothing.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** path → sha256 (folders map to 'dir'); paths in `ignore` (relative, e.g. 'audit.log') are left out. */
export async function snapshot(root: string, ignore: readonly string[] = ['audit.log', 'logs']): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(root, full).split('\\').join('/');
      if (ignore.some((skip) => rel === skip || rel.startsWith(`${skip}/`))) continue;
      if (entry.isDirectory()) {
        out[rel] = 'dir';
        await walk(full);
      } else {
        out[rel] = createHash('sha256').update(await readFile(full)).digest('hex');
      }
    }
  };
  await walk(root);
  return out;
}
