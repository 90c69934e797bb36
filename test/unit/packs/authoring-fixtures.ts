// Generated pack folders (tiny but real PNG/OGG/GLB/VTT bytes) and a yauzl reader for checking built zips.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { ManifestInput } from '../../../electron/shared/manifest';

/** A real 1×1 orange PNG: signature, IHDR, IDAT, IEND with correct CRCs. */
export function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const pixels = deflateSync(Buffer.from([0, 0xff, 0x7a, 0x1a]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** An Ogg page header ("OggS", version 0, beginning of stream) followed by an Opus head. */
export function tinyOgg(): Buffer {
  const header = Buffer.alloc(28);
  header.write('OggS', 0, 'latin1');
  header[5] = 0x02;
  header[26] = 1;
  header[27] = 19;
  return Buffer.concat([header, Buffer.from('OpusHead', 'latin1'), Buffer.from([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0])]);
}

/** A minimal valid GLB: 12-byte header and one JSON chunk. */
export function tinyGlb(): Buffer {
  const json = Buffer.from('{"asset":{"version":"2.0"}}'.padEnd(28, ' '), 'utf8');
  const out = Buffer.alloc(12 + 8 + json.length);
  out.write('glTF', 0, 'latin1');
  out.writeUInt32LE(2, 4);
  out.writeUInt32LE(out.length, 8);
  out.writeUInt32LE(json.length, 12);
  out.write('JSON', 16, 'latin1');
  json.copy(out, 20);
  return out;
}

/** The author's manifest: no `files`; one zone, two exhibits, a mascot, an attract step. */
export function authorManifest(): ManifestInput & Record<string, unknown> {
  return {
    $schema: '../schema/manifest.schema.json',
    schemaVersion: 1,
    id: 'expo-test',
    version: '1.2.0',
    title: { 'zh-CN': '测试展', en: 'Test expo' },
    description: { 'zh-CN': '测试', en: 'A test' },
    locales: ['zh-CN', 'en'],
    defaultLocale: 'zh-CN',
    hall: {
      size: { width: 20, depth: 20 },
      zones: [{ id: 'hall-a', title: { 'zh-CN': '甲厅' }, position: { x: 0, z: 0 }, size: { width: 10, depth: 10 }, color: '#FF7A1A' }],
      exhibits: [
        {
          id: 'board',
          zone: 'hall-a',
          title: { 'zh-CN': '展板', en: 'Board' },
          media: [{ type: 'image', file: 'images/展板.png', alt: { 'zh-CN': '展板', en: 'Board' } }],
          narration: { 'zh-CN': 'audio/narration.zh.ogg' },
          narrationCaptions: { 'zh-CN': 'captions/narration.zh.vtt' },
          position: { x: 1, z: 1 },
          facing: 0,
        },
        { id: 'plain', zone: 'hall-a', title: { 'zh-CN': '简单', en: 'Plain' }, position: { x: 2, z: 1 }, facing: 90 },
      ],
      mascots: [
        {
          id: 'sunny',
          name: { 'zh-CN': '小阳', en: 'Sunny' },
          role: { 'zh-CN': '向导', en: 'Guide' },
          color: '#FFB547',
          model: 'models/sunny.glb',
          zone: 'hall-a',
          home: { x: 0, z: 3 },
          facing: 180,
          greeting: { 'zh-CN': '你好', en: 'Hello' },
        },
      ],
    },
    attract: { playlist: [{ target: 'board', kind: 'exhibit', dwellSeconds: 8 }] },
  };
}

/** The asset files of `authorManifest()`, plus data the manifest does not reference. */
export function assetFiles(): Record<string, Buffer> {
  return {
    'images/展板.png': tinyPng(),
    'audio/narration.zh.ogg': tinyOgg(),
    'captions/narration.zh.vtt': Buffer.from('WEBVTT\n\n00:00.000 --> 00:02.000\n你好\n', 'utf8'),
    'models/sunny.glb': tinyGlb(),
    'data/facts.json': Buffer.from(`${JSON.stringify({ facts: Array.from({ length: 50 }, (_, i) => `fact ${i}`) })}\n`),
  };
}

/** Junk a Mac, a Windows PC or an editor leaves in a folder: never packed. */
export const JUNK: Record<string, Buffer> = {
  '.DS_Store': Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]),
  'images/Thumbs.db': Buffer.from('thumbs'),
  'desktop.ini': Buffer.from('[.ShellClassInfo]\r\n'),
  '__MACOSX/images/._展板.png': Buffer.from('apple double'),
  '.git/HEAD': Buffer.from('ref: refs/heads/main\n'),
  'images/.~lock.png#': Buffer.from('lock'),
};

/** Writes a pack folder: manifest.json (2-space JSON) and the given files. */
export async function writePackFolder(dir: string, manifest: unknown, files: Record<string, Buffer | string>): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [path, data] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), data);
  }
  return dir;
}

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly mode: number;
  readonly dosDate: number;
  readonly dosTime: number;
  readonly extraFields: number;
  readonly data: Buffer;
}

/** Every entry of a zip, in central-directory order, with its uncompressed bytes. */
export function readZip(file: string): Promise<ZipEntryInfo[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, strictFileNames: true }, (error, zip) => {
      if (error) return reject(error);
      const entries: ZipEntryInfo[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({
              name: entry.fileName,
              method: entry.compressionMethod,
              flags: entry.generalPurposeBitFlag,
              mode: entry.externalFileAttributes >>> 16,
              dosDate: entry.lastModFileDate,
              dosTime: entry.lastModFileTime,
              extraFields: entry.extraFields.length,
              data: Buffer.concat(chunks),
            });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
