// Renders the ambient loop: soft pad chords I–vi–IV–V in D major with a bass and a quiet bell arpeggio, no drums.
import { addWrapped, loopReverb, mulberry32, readTable, wavetable } from './loop-dsp';

export const AMBIENT_SAMPLE_RATE = 22_050;
const BEAT = 0.75; // 80 beats a minute: unhurried
const CHORD_BEATS = 8;
const CYCLES = 3; // 3 × 4 chords × 6 s = 72 s
/** Peak level of the mix: it plays under narration, so well below full scale (−12 dBFS at most). */
export const AMBIENT_PEAK_DBFS = -14;

/** MIDI notes: D (I), Bm (vi), G (IV), A (V), voiced close together so each chord glides into the next. */
const CHORDS = [
  { bass: 38, pad: [62, 66, 69, 74] }, // D  : D4 F#4 A4 D5
  { bass: 35, pad: [62, 66, 71, 74] }, // Bm : D4 F#4 B4 D5
  { bass: 43, pad: [62, 67, 71, 74] }, // G  : D4 G4 B4 D5
  { bass: 45, pad: [61, 64, 69, 73] }, // A  : C#4 E4 A4 C#5
] as const;

const hz = (midi: number): number => 440 * 2 ** ((midi - 69) / 12);

/** Attack–sustain–release envelope with raised-cosine ramps (no corners, so no clicks). */
function envelope(t: number, attack: number, hold: number, release: number): number {
  if (t < attack) return 0.5 - 0.5 * Math.cos((Math.PI * t) / attack);
  if (t < attack + hold) return 1;
  const r = (t - attack - hold) / release;
  return r >= 1 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * r);
}

// Warm timbres: the pad's upper harmonics fall off fast; the bass is nearly a sine.
const PAD = wavetable([1, 0.32, 0.14, 0.06, 0.03, 0.015]);
const BASS = wavetable([1, 0.18, 0.04]);

function addPadNote(out: Float32Array, start: number, midi: number, seconds: number, gain: number): void {
  const sr = AMBIENT_SAMPLE_RATE;
  const attack = 1.8;
  const release = 2.6;
  const hold = seconds - attack + 0.4;
  const f = hz(midi);
  const detune = 2 ** (4 / 1200); // two voices 8 cents apart: a slow, gentle chorus
  addWrapped(out, start, Math.ceil((attack + hold + release) * sr), (i) => {
    const t = i / sr;
    const tone = readTable(PAD, (f * t) / detune) + readTable(PAD, f * t * detune + 0.25);
    return 0.5 * gain * envelope(t, attack, hold, release) * tone;
  });
}

function addBassNote(out: Float32Array, start: number, midi: number, seconds: number): void {
  const sr = AMBIENT_SAMPLE_RATE;
  const f = hz(midi);
  addWrapped(out, start, Math.ceil((seconds + 2) * sr), (i) => 0.2 * envelope(i / sr, 0.6, seconds - 0.6, 2) * readTable(BASS, (f * i) / sr));
}

/** A soft bell: inharmonic partials, the higher ones dying first, and a 6 ms fade-in instead of a strike. */
function addBell(out: Float32Array, start: number, midi: number, gain: number): void {
  const sr = AMBIENT_SAMPLE_RATE;
  const f = hz(midi);
  const partials = [
    { ratio: 1, amp: 1, decay: 1.6 },
    { ratio: 2, amp: 0.35, decay: 0.9 },
    { ratio: 2.76, amp: 0.18, decay: 0.5 },
    { ratio: 5.4, amp: 0.06, decay: 0.25 },
  ].filter((p) => f * p.ratio < sr / 2.2);
  addWrapped(out, start, Math.ceil(5 * sr), (i) => {
    const t = i / sr;
    let v = 0;
    for (const p of partials) v += p.amp * Math.exp(-t / p.decay) * Math.sin(2 * Math.PI * f * p.ratio * t);
    return gain * Math.min(1, t / 0.006) * v;
  });
}

/** The whole loop as float samples; the last sample flows into the first. Same output on every run. */
export function renderAmbient(): Float32Array {
  const sr = AMBIENT_SAMPLE_RATE;
  const chordSeconds = BEAT * CHORD_BEATS;
  const total = Math.round(CYCLES * CHORDS.length * chordSeconds * sr);
  const dry = new Float32Array(total);
  const random = mulberry32(20_240_601);
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    CHORDS.forEach((chord, c) => {
      const at = (cycle * CHORDS.length + c) * chordSeconds;
      chord.pad.forEach((midi) => addPadNote(dry, Math.round(at * sr), midi, chordSeconds, 0.1));
      addBassNote(dry, Math.round(at * sr), chord.bass, chordSeconds);
      // The bell enters after the first cycle, a little busier in the last: the loop breathes.
      const beats = cycle === 0 ? [0, 4] : cycle === 1 ? [0, 2, 4, 6] : [0, 1.5, 3, 4, 5.5, 7];
      const tones = [...chord.pad.slice(1), chord.pad[0] + 12].map((m) => m + 12);
      beats.forEach((beat, k) => {
        const pick = tones[(k + Math.floor(random() * 2)) % tones.length] ?? 74;
        addBell(dry, Math.round((at + beat * BEAT) * sr), pick, 0.05 + 0.02 * random());
      });
    });
  }
  const wet = loopReverb(dry, sr, 0.3);
  let peak = 0;
  for (const s of wet) peak = Math.max(peak, Math.abs(s));
  const gain = peak > 0 ? 10 ** (AMBIENT_PEAK_DBFS / 20) / peak : 0;
  for (let i = 0; i < wet.length; i++) wet[i] = (wet[i] ?? 0) * gain;
  return wet;
}
