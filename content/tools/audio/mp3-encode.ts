// Encodes mono 16-bit PCM to a compact constant-bitrate MP3 with lamejs (pure JS, so the same input gives the same
// bytes) on this thread; mp3-pool.ts does the same on worker threads for many files.
import { Mp3Encoder } from '@breezystack/lamejs';
import { LAME_ENCODER_DELAY, withInfoTag } from './mp3-info-tag';

const CHUNK = 1152 * 16;

/**
 * MP3 bytes: no ID3 tag (nothing dated), an Info tag frame with the gapless trims, then CBR audio frames.
 * Encoding is the slow part of a content build, so it yields between chunks: espeak-ng processes that finish
 * meanwhile are collected and the next ones started, keeping both cores busy.
 */
export async function encodeMp3(samples: Int16Array, sampleRate: number, kbps: number): Promise<Uint8Array> {
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  const parts: Uint8Array[] = [];
  for (let at = 0; at < samples.length; at += CHUNK) {
    parts.push(encoder.encodeBuffer(samples.subarray(at, at + CHUNK)));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  parts.push(encoder.flush());
  const audio = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    audio.set(part, at);
    at += part.length;
  }
  return withInfoTag(audio, samples.length, LAME_ENCODER_DELAY);
}
