// Magic bytes: each media type's real signature passes; HTML, zips and empty files dressed up as media fail.
import { describe, expect, it } from 'vitest';
import { PACK_MEDIA_TYPES } from '../../../../electron/shared/pack-paths';
import type { PackMediaType } from '../../../../electron/shared/pack-paths';
import { contentMatchesType, MAGIC_HEAD_BYTES } from '../../../../electron/core/packs/source/magic';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** A genuine-looking head for every media type. */
const GOOD: Record<PackMediaType, Uint8Array[]> = {
  'image/png': [bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR')],
  'image/jpeg': [bytes([0xff, 0xd8, 0xff, 0xe0], '\0\x10JFIF')],
  'image/webp': [bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
  'image/ktx2': [bytes([0xab], 'KTX 20', [0xbb], '\r\n\x1a\n', [0, 0, 0, 0])],
  'model/gltf-binary': [bytes('glTF', [2, 0, 0, 0], [0x10, 0, 0, 0])],
  'model/gltf+json': [bytes('{"asset":{"version":"2.0"}}'), bytes([0xef, 0xbb, 0xbf], ' \r\n\t{')],
  'application/octet-stream': [bytes([1, 2, 3]), bytes('<html>'), new Uint8Array(0)],
  'video/mp4': [bytes([0, 0, 0, 0x20], 'ftypisom')],
  'video/webm': [bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f])],
  'audio/ogg': [bytes('OggS', [0, 2])],
  'audio/mpeg': [bytes('ID3', [4, 0]), bytes([0xff, 0xfb, 0x90, 0x64]), bytes([0xff, 0xf3, 0x40])],
  'audio/wav': [bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt ')],
  'font/woff2': [bytes('wOF2', [0, 1, 0, 0])],
  'application/json': [bytes('{"id":"x"}'), bytes('[1,2]'), bytes([0xef, 0xbb, 0xbf], '\n  {')],
  'text/vtt': [bytes('WEBVTT\n\n00:00.000 --> 00:01.000\nHi'), bytes([0xef, 0xbb, 0xbf], 'WEBVTT - captions\n'), bytes('WEBVTT')],
  'text/plain': [bytes('# blocked words\nfoo\r\n'), Buffer.from('\uFEFF傻瓜\n坏话', 'utf8'), Buffer.from('词'.repeat(30), 'utf8').subarray(0, MAGIC_HEAD_BYTES)],
};

const HTML = bytes('<!DOCTYPE html><html><script>alert(1)</script>');
const ZIP = bytes('PK\x03\x04', [20, 0, 0, 0, 8, 0]);

describe('contentMatchesType', () => {
  it('covers every media type a pack may hold', () => {
    expect(Object.keys(GOOD).sort()).toEqual([...new Set(Object.values(PACK_MEDIA_TYPES))].sort());
  });

  for (const [type, heads] of Object.entries(GOOD) as [PackMediaType, Uint8Array[]][]) {
    it(`accepts real ${type} and refuses an HTML page or a zip renamed to it`, () => {
      for (const head of heads) expect(contentMatchesType(head, type)).toBe(true);
      if (type === 'application/octet-stream') return;
      expect(contentMatchesType(HTML, type)).toBe(false);
      expect(contentMatchesType(ZIP, type)).toBe(false);
      expect(contentMatchesType(new Uint8Array(0), type)).toBe(false);
    });
  }

  it('tells apart types that share a container or a first byte', () => {
    expect(contentMatchesType(GOOD['audio/wav'][0] ?? new Uint8Array(), 'image/webp')).toBe(false);
    expect(contentMatchesType(GOOD['image/webp'][0] ?? new Uint8Array(), 'audio/wav')).toBe(false);
    expect(contentMatchesType(GOOD['image/jpeg'][0] ?? new Uint8Array(), 'audio/mpeg')).toBe(false);
    expect(contentMatchesType(GOOD['image/png'][0] ?? new Uint8Array(), 'image/jpeg')).toBe(false);
  });

  it('refuses near misses', () => {
    expect(contentMatchesType(bytes('glTF', [1, 0, 0, 0]), 'model/gltf-binary')).toBe(false);
    expect(contentMatchesType(bytes('WEBVTTX'), 'text/vtt')).toBe(false);
    expect(contentMatchesType(bytes([0xff, 0xf1, 0x50]), 'audio/mpeg')).toBe(false); // AAC ADTS (layer bits 00)
    expect(contentMatchesType(bytes('"just a string"'), 'application/json')).toBe(false);
    expect(contentMatchesType(bytes(' '.repeat(MAGIC_HEAD_BYTES)), 'application/json')).toBe(false);
    expect(contentMatchesType(bytes([0x89], 'PNG'), 'image/png')).toBe(false); // cut short
    expect(contentMatchesType(bytes('  <p>words</p>'), 'text/plain')).toBe(false); // markup renamed .txt
    expect(contentMatchesType(bytes('word\0list'), 'text/plain')).toBe(false); // binary
    expect(contentMatchesType(bytes([0x77, 0xff, 0xfe, 0x0a]), 'text/plain')).toBe(false); // not UTF-8
  });

  it('asks callers for enough bytes to see every signature', () => {
    expect(MAGIC_HEAD_BYTES).toBeGreaterThanOrEqual(16);
  });
});
