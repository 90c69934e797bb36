// Streaming zip entries: declared sizes and CRC enforced, bounded memory, abort, close, and error codes.
import { readdir, truncate } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { toPackStreamError } from '../../../../electron/core/packs/source/entry-stream';
import { buildZip, deflatedZeros } from './raw-zip';
import { cleanUp, limits, openOk, problemsOf, readAll, rejection, streamFailure, writeZip } from './source-fixtures';

afterEach(cleanUp);

describe('openEntry on a zip', () => {
  it('opens entries one at a time in any order, again, and side by side', async () => {
    const source = await openOk(await writeZip([
      { name: 'a.json', data: '{"a":1}' },
      { name: 'b.bin', data: Buffer.alloc(200_000, 7), method: 0 },
      { name: 'c.json', data: '[]' },
    ]));
    expect((await readAll(await source.openEntry('c.json'))).toString()).toBe('[]');
    expect((await readAll(await source.openEntry('a.json'))).toString()).toBe('{"a":1}');
    const [a, b] = await Promise.all([source.openEntry('a.json'), source.openEntry('b.bin')]);
    const [aBytes, bBytes] = await Promise.all([readAll(a), readAll(b)]);
    expect(aBytes.toString()).toBe('{"a":1}');
    expect(bBytes.equals(Buffer.alloc(200_000, 7))).toBe(true);
  });

  it('refuses a path that is not an entry, including junk and folders', async () => {
    const source = await openOk(await writeZip([{ name: 'a.png', data: 'x' }, { name: '__MACOSX/._a.png', data: 'x' }]));
    expect((await rejection(source.openEntry('b.png'))).problem.code).toBe('PACK_E_MISSING');
    expect((await rejection(source.openEntry('__MACOSX/._a.png'))).problem.code).toBe('PACK_E_MISSING');
  });

  it('fails with PACK_E_LIMIT when the data inflates to more than the declared size (a lying header)', async () => {
    const source = await openOk(await writeZip([{ name: 'a.bin', data: Buffer.alloc(100_000), uncompressedSize: 1000 }]));
    const error = await streamFailure(await source.openEntry('a.bin'));
    expect(error.problem).toMatchObject({ code: 'PACK_E_LIMIT', path: 'a.bin' });
  });

  it('fails with PACK_E_ZIP when the data is shorter than declared or fails its CRC', async () => {
    const source = await openOk(await writeZip([
      { name: 'short.bin', data: Buffer.alloc(1000), uncompressedSize: 2000 },
      { name: 'crc.bin', data: 'hello', crc: 1234 },
    ]));
    expect((await streamFailure(await source.openEntry('short.bin'))).problem).toMatchObject({ code: 'PACK_E_ZIP', path: 'short.bin' });
    expect((await streamFailure(await source.openEntry('crc.bin'))).problem).toMatchObject({ code: 'PACK_E_ZIP', path: 'crc.bin' });
  });

  it('fails with PACK_E_ZIP when deflate data is invalid', async () => {
    // Raw bytes under method 8: 0xff starts a block of the reserved type 3, which no inflater accepts.
    const zip = buildZip([{ name: 'bad.bin', data: Buffer.from([0xff, 0xff, 0xff]), method: 0, uncompressedSize: 10 }]);
    zip.writeUInt16LE(8, 8);
    zip.writeUInt16LE(8, zip.indexOf(Buffer.from('PK\x01\x02', 'latin1')) + 10);
    const source = await openOk(await writeZip(zip));
    expect((await streamFailure(await source.openEntry('bad.bin'))).problem).toMatchObject({ code: 'PACK_E_ZIP', path: 'bad.bin' });
  });

  it('fails with PACK_E_ZIP when the file is truncated after it was opened', async () => {
    const file = await writeZip([{ name: 'a.bin', data: Buffer.alloc(100_000, 1), method: 0 }]);
    const source = await openOk(file);
    await truncate(file, 50_000);
    expect((await streamFailure(await source.openEntry('a.bin'))).problem.code).toMatch(/PACK_E_ZIP|PACK_E_IO/);
  });

  it('streams a 200 MB entry with memory growth well under its size', async () => {
    // Bigger than the 100 MB bound, so buffering the entry anywhere would fail the test.
    const size = 200 * 1024 * 1024;
    const { compressed, crc } = await deflatedZeros(size);
    const file = await writeZip([{ name: 'zeros.bin', rawData: compressed, uncompressedSize: size, crc }]);
    const source = await openOk(file, limits({ maxCompressionRatio: 2000 }));
    const before = process.memoryUsage().rss;
    let peak = before;
    let total = 0;
    let nonZero = 0;
    for await (const chunk of (await source.openEntry('zeros.bin')) as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (chunk.some((b) => b !== 0)) nonZero++;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(total).toBe(size);
    expect(nonZero).toBe(0);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);

  it('stops and fails with PACK_E_CANCELLED when the signal aborts mid-stream', async () => {
    const source = await openOk(await writeZip([{ name: 'big.bin', data: Buffer.alloc(5_000_000, 3), method: 0 }]));
    const controller = new AbortController();
    const stream = await source.openEntry('big.bin', controller.signal);
    let read = 0;
    const error = await (async () => {
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          read += chunk.length;
          if (read > 100_000) controller.abort();
        }
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toMatchObject({ problem: { code: 'PACK_E_CANCELLED', path: 'big.bin' } });
    expect(read).toBeLessThan(5_000_000);
    expect(stream.destroyed).toBe(true);
  });

  it('rejects openEntry when the signal is already aborted', async () => {
    const source = await openOk(await writeZip([{ name: 'a.bin', data: 'x' }]));
    expect((await rejection(source.openEntry('a.bin', AbortSignal.abort()))).problem.code).toBe('PACK_E_CANCELLED');
  });

  it('close() ends open streams, refuses new ones and is safe to call twice', async () => {
    const source = await openOk(await writeZip([{ name: 'a.bin', data: Buffer.alloc(1_000_000), method: 0 }]));
    const stream = await source.openEntry('a.bin');
    await source.close();
    await source.close();
    expect(stream.destroyed).toBe(true);
    expect((await rejection(source.openEntry('a.bin'))).problem.code).toBe('PACK_E_IO');
  });
});

const hasProcFds = process.platform === 'linux';
(hasProcFds ? it : it.skip)('leaves no file open after close() (even with streams half read) or after a refusal', async () => {
  const openFds = async (): Promise<number> => (await readdir('/proc/self/fd')).length;
  const file = await writeZip([{ name: 'a.bin', data: Buffer.alloc(2_000_000, 1), method: 0 }, { name: 'b.bin', data: Buffer.alloc(2_000_000, 2) }]);
  const before = await openFds();
  const source = await openOk(file, limits({ maxCompressionRatio: 1e6 }));
  const [a, b] = await Promise.all([source.openEntry('a.bin'), source.openEntry('b.bin')]);
  // 'readable' (not 'data') so the streams stay paused with most of their bytes unread.
  await Promise.all([new Promise((resolve) => a.once('readable', resolve)), new Promise((resolve) => b.once('readable', resolve))]);
  await source.close();
  // A refused zip is closed before openPackSource returns.
  await problemsOf(await writeZip([{ name: 'page.html', data: 'x' }]));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await openFds()).toBe(before);
});

describe('toPackStreamError', () => {
  const sysError = (code: string): Error => Object.assign(new Error(code), { code });

  it('maps a pulled stick to PACK_E_IO, a link to PACK_E_SYMLINK and zlib errors to PACK_E_ZIP', () => {
    for (const code of ['EIO', 'ENOENT', 'ENXIO', 'EBADF', 'ENODEV']) expect(toPackStreamError(sysError(code), 'a.png', 'PACK_E_ZIP').problem).toMatchObject({ code: 'PACK_E_IO', path: 'a.png' });
    expect(toPackStreamError(sysError('ELOOP'), 'a.png', 'PACK_E_IO').problem.code).toBe('PACK_E_SYMLINK');
    expect(toPackStreamError(sysError('Z_DATA_ERROR'), 'a.png', 'PACK_E_IO').problem.code).toBe('PACK_E_ZIP');
  });

  it("maps yauzl's size checks and falls back to the given code", () => {
    expect(toPackStreamError(new Error('too many bytes in the stream. expected 1. got at least 2'), 'a', 'PACK_E_ZIP').problem.code).toBe('PACK_E_LIMIT');
    expect(toPackStreamError(new Error('not enough bytes in the stream. expected 2. got only 1'), 'a', 'PACK_E_IO').problem.code).toBe('PACK_E_ZIP');
    expect(toPackStreamError(new Error('something else'), 'a', 'PACK_E_IO').problem.code).toBe('PACK_E_IO');
  });
});
