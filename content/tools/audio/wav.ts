// Reads the 16-bit PCM WAV that `espeak-ng --stdout` writes (its data size may be a placeholder when streaming).

export interface Pcm16 {
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

/** Mono 16-bit PCM from a RIFF/WAVE buffer; the data chunk runs to the end when its size is unset. */
export function parseWav(buf: Uint8Array): Pcm16 {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const tag = (at: number): string => String.fromCharCode(...buf.subarray(at, at + 4));
  if (buf.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('espeak-ng did not write a WAV file');
  let sampleRate = 0;
  for (let at = 12; at + 8 <= buf.byteLength; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') {
      const format = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const bits = view.getUint16(body + 14, true);
      if (format !== 1 || channels !== 1 || bits !== 16) throw new Error(`expected mono 16-bit PCM WAV, got format ${format}, ${channels} channels, ${bits} bits`);
      sampleRate = view.getUint32(body + 4, true);
    } else if (id === 'data') {
      if (!sampleRate) throw new Error('WAV data chunk before its fmt chunk');
      const end = size === 0 || body + size > buf.byteLength ? buf.byteLength : body + size;
      const count = Math.floor((end - body) / 2);
      const samples = new Int16Array(count);
      for (let i = 0; i < count; i++) samples[i] = view.getInt16(body + 2 * i, true);
      return { sampleRate, samples };
    }
    at = body + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}
