// Writes a short sine tone as a 16-bit mono PCM WAV file, so the audio spec needs no recorded media or encoder.

/** `seconds` of a `frequency` Hz sine at half scale, with 10 ms ramps so the ends do not click. */
export function sineWav(seconds: number, frequency: number, sampleRate = 22_050): Uint8Array {
  const samples = Math.round(seconds * sampleRate);
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // PCM format chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  const ramp = Math.round(0.01 * sampleRate);
  for (let i = 0; i < samples; i++) {
    const envelope = Math.min(1, i / ramp, (samples - 1 - i) / ramp);
    view.setInt16(44 + i * 2, Math.round(Math.sin((2 * Math.PI * frequency * i) / sampleRate) * 0x3fff * envelope), true);
  }
  return bytes;
}
