// Signal helpers for a seamless loop: everything wraps around the buffer's end, so the last sample leads into the first.

/** Adds `note(i)` for i in [0, length) into `out` from `start`, wrapping past the end to the beginning. */
export function addWrapped(out: Float32Array, start: number, length: number, note: (i: number) => number): void {
  const n = out.length;
  for (let i = 0; i < length; i++) {
    const at = (start + i) % n;
    out[at] = (out[at] ?? 0) + note(i);
  }
}

/** A one-cycle wavetable of harmonics with the given amplitudes (index 0 is the fundamental). */
export function wavetable(amplitudes: readonly number[], size = 4096): Float32Array {
  const table = new Float32Array(size + 1);
  for (let i = 0; i <= size; i++) {
    let v = 0;
    amplitudes.forEach((a, h) => (v += a * Math.sin((2 * Math.PI * (h + 1) * i) / size)));
    table[i] = v;
  }
  return table;
}

/** Reads `table` at `phase` cycles (any real number), linearly interpolated. */
export function readTable(table: Float32Array, phase: number): number {
  const size = table.length - 1;
  const x = (phase - Math.floor(phase)) * size;
  const i = Math.floor(x);
  const a = table[i] ?? 0;
  return a + ((table[i + 1] ?? 0) - a) * (x - i);
}

/**
 * A small Schroeder reverb (parallel combs into series all-passes) run twice around the loop: the second
 * lap starts from the tail the first left, so the reverb of the end rings on into the start.
 */
export function loopReverb(dry: Float32Array, sampleRate: number, wet: number): Float32Array {
  const combs = [0.0297, 0.0371, 0.0411, 0.0437].map((s) => ({ buf: new Float32Array(Math.round(s * sampleRate)), at: 0 }));
  const allpasses = [0.005, 0.0017].map((s) => ({ buf: new Float32Array(Math.round(s * sampleRate)), at: 0 }));
  const feedback = 0.84;
  const out = new Float32Array(dry.length);
  for (let lap = 0; lap < 2; lap++) {
    for (let i = 0; i < dry.length; i++) {
      const x = dry[i] ?? 0;
      let y = 0;
      for (const comb of combs) {
        const delayed = comb.buf[comb.at] ?? 0;
        comb.buf[comb.at] = x + delayed * feedback;
        comb.at = (comb.at + 1) % comb.buf.length;
        y += delayed;
      }
      y /= combs.length;
      for (const ap of allpasses) {
        const delayed = ap.buf[ap.at] ?? 0;
        ap.buf[ap.at] = y + delayed * 0.5;
        ap.at = (ap.at + 1) % ap.buf.length;
        y = delayed - y * 0.5;
      }
      if (lap === 1) out[i] = x * (1 - wet) + y * wet;
    }
  }
  return out;
}

/** Seeded PRNG (mulberry32): the same seed gives the same piece on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
