// Small operations on mono 16-bit PCM: trimming espeak-ng's silences, joining clips with pauses, levelling.

/** Below this a sample counts as silence (about −44 dBFS). */
const SILENCE = 200;

/** The clip without its leading and trailing silence, keeping `marginSamples` so consonants are not clipped. */
export function trimSilence(samples: Int16Array, marginSamples: number): Int16Array {
  let start = 0;
  let end = samples.length;
  while (start < end && Math.abs(samples[start] ?? 0) < SILENCE) start++;
  while (end > start && Math.abs(samples[end - 1] ?? 0) < SILENCE) end--;
  if (start === end) return samples.subarray(0, 0);
  return samples.subarray(Math.max(0, start - marginSamples), Math.min(samples.length, end + marginSamples));
}

/** One buffer from clips and silences given as sample counts. */
export function concatPcm(parts: ReadonlyArray<Int16Array | number>): Int16Array {
  const length = parts.reduce<number>((sum, part) => sum + (typeof part === 'number' ? part : part.length), 0);
  const out = new Int16Array(length);
  let at = 0;
  for (const part of parts) {
    if (typeof part !== 'number') out.set(part, at);
    at += typeof part === 'number' ? part : part.length;
  }
  return out;
}

/** Scales the clip so its peak is at `peakDbfs`, so every narration in a pack is about as loud as the next. */
export function normalizePeak(samples: Int16Array, peakDbfs: number): Int16Array {
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  if (peak === 0) return samples;
  const gain = (32767 * 10 ** (peakDbfs / 20)) / peak;
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = Math.round((samples[i] ?? 0) * gain);
  return out;
}
