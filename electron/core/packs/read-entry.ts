// Reads one small pack entry (manifest, signature) fully into memory, refusing anything over a cap.
import type { PackSource } from './source/pack-source';

export class EntryTooLargeError extends Error {}

/** Reads `path` from `source`; rejects with EntryTooLargeError past `maxBytes` without reading further. */
export async function readSmallEntry(source: PackSource, path: string, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
  const entry = source.entries.find((e) => e.path === path);
  if (entry && entry.size > maxBytes) throw new EntryTooLargeError(`${path} is ${entry.size} bytes; the limit is ${maxBytes}.`);
  const stream = await source.openEntry(path, signal);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new EntryTooLargeError(`${path} is larger than ${maxBytes} bytes.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
