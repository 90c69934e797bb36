// Zip entry names: the UTF-8 flag, GBK from Chinese-locale Windows, the CP437 fallback, and NFC.
import { TextDecoder } from 'node:util';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { getFileNameLowLevel } from 'yauzl';
import { decodeCp437, decodeZipName } from '../../../../electron/core/packs/source/zip-names';
import { cleanUp, openOk, problemsOf, readAll, writeZip } from './source-fixtures';

afterEach(cleanUp);

// Node cannot encode GBK, so these are the CP936 bytes, checked against the decoder below.
const GBK = { 展: [0xd5, 0xb9], 板: [0xb0, 0xe5], 图: [0xcd, 0xbc], 片: [0xc6, 0xac], 中: [0xd6, 0xd0], 文: [0xce, 0xc4], 診: [0xd4, 0x5c] };
const gbkBytes = (...parts: (keyof typeof GBK | string)[]): Buffer =>
  Buffer.concat(parts.map((part) => (part in GBK ? Buffer.from(GBK[part as keyof typeof GBK]) : Buffer.from(part, 'latin1'))));

describe('decodeZipName', () => {
  it('runs on a Node with full ICU, where TextDecoder knows GBK', () => {
    expect(new TextDecoder('gbk', { fatal: true }).decode(Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]))).toBe('中文');
  });

  it('decodes names without the UTF-8 flag that are not UTF-8 as GBK', () => {
    expect(decodeZipName(gbkBytes('展', '板', '/', '图', '片', '.png'), 0)).toEqual({ name: '展板/图片.png', encoding: 'gbk' });
    expect(decodeZipName(gbkBytes('中', '文', '.mp4'), 0)).toEqual({ name: '中文.mp4', encoding: 'gbk' });
  });

  it('keeps a GBK trail byte 0x5C inside its character instead of reading it as a backslash', () => {
    expect(decodeZipName(gbkBytes('診', '.png'), 0)?.name).toBe('診.png');
  });

  it('falls back to CP437 when the bytes are neither UTF-8 nor GBK', () => {
    // 0x82 followed by '.' is not a GBK pair; in CP437 it is é.
    expect(decodeZipName(Buffer.from([0x63, 0x61, 0x66, 0x82, 0x2e, 0x70, 0x6e, 0x67]), 0)).toEqual({ name: 'café.png', encoding: 'cp437' });
  });

  it('has the same CP437 table as yauzl (the reference), with 0xFF as a no-break space', () => {
    const high = Buffer.from(Array.from({ length: 127 }, (_, i) => 0x80 + i));
    expect(decodeCp437(high)).toBe(getFileNameLowLevel(0, high, [], true));
    expect(decodeCp437(Uint8Array.from([0xff]))).toBe('\u00a0');
  });

  it('honours the UTF-8 flag, and treats unflagged valid UTF-8 and plain ASCII as themselves', () => {
    expect(decodeZipName(Buffer.from('展板/a.png'), 0x800)).toEqual({ name: '展板/a.png', encoding: 'utf-8' });
    expect(decodeZipName(Buffer.from('展板/a.png'), 0)).toEqual({ name: '展板/a.png', encoding: 'utf-8' });
    expect(decodeZipName(Buffer.from('images/a.png'), 0)).toEqual({ name: 'images/a.png', encoding: 'ascii' });
    expect(decodeZipName(Buffer.from([0x61, 0xff]), 0x800)).toBeNull();
  });

  it('normalises to NFC (macOS writes NFD)', () => {
    expect(decodeZipName(Buffer.from('cafe\u0301.png'), 0x800)?.name).toBe('caf\u00e9.png');
  });

  it('uses an Info-ZIP Unicode Path field when its CRC matches the raw name, and ignores a stale one', () => {
    const raw = gbkBytes('中', '文', '.png');
    const field = (crc: number): { id: number; data: Uint8Array } => {
      const data = Buffer.alloc(5);
      data[0] = 1;
      data.writeUInt32LE(crc, 1);
      return { id: 0x7075, data: Buffer.concat([data, Buffer.from('統一.png')]) };
    };
    expect(decodeZipName(raw, 0, [field(crc32(raw))])).toEqual({ name: '統一.png', encoding: 'unicode-path' });
    expect(decodeZipName(raw, 0, [field(crc32(raw) ^ 1)])).toEqual({ name: '中文.png', encoding: 'gbk' });
  });
});

describe('names through a zip source', () => {
  it('opens a pack made on Chinese-locale Windows (GBK names, no UTF-8 flag) and reads entries by their Unicode path', async () => {
    const source = await openOk(
      await writeZip([
        { name: 'manifest.json', data: '{}' },
        { name: gbkBytes('展', '板', '/'), utf8: false, method: 0 },
        { name: gbkBytes('展', '板', '/', '图', '片', '.png'), utf8: false, data: 'picture' },
        { name: gbkBytes('中', '文', '.mp4'), utf8: false, data: 'video' },
      ]),
    );
    expect(source.entries.map((e) => e.path)).toEqual(['manifest.json', '展板/图片.png', '中文.mp4']);
    expect((await readAll(await source.openEntry('展板/图片.png'))).toString()).toBe('picture');
  });

  it('finds a duplicate between a GBK name and the same name in UTF-8', async () => {
    const problems = await problemsOf(await writeZip([{ name: gbkBytes('中', '文', '.png'), utf8: false }, { name: '中文.png' }]));
    expect(problems).toEqual([expect.objectContaining({ code: 'PACK_E_DUPLICATE', path: '中文.png' })]);
  });

  it('applies the name checks after decoding', async () => {
    const problems = await problemsOf(await writeZip([{ name: Buffer.concat([gbkBytes('中', '文'), Buffer.from('\\..\\x.png')]), utf8: false }]));
    expect(problems).toEqual([expect.objectContaining({ code: 'PACK_E_PATH', path: '中文\\..\\x.png' })]);
  });
});
