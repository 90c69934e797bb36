// Bus levels and the ducking rule (visual.md: music at least 20 dB under narration, and ducked while a mascot speaks).

export type BusName = 'music' | 'narration' | 'effects';

export const BUSES: readonly BusName[] = ['music', 'narration', 'effects'];

/** Linear gain per bus before master volume. Music sits below narration even when nobody speaks. */
export const DEFAULT_BUS_GAIN: Readonly<Record<BusName, number>> = { music: 0.5, narration: 1, effects: 0.7 };

/** −20 dB as a linear gain factor (10^(−20/20)). */
export const DUCK_FACTOR = 0.1;

/** Music fades down this fast when a narration starts: quick enough that the first words are clear. */
export const DUCK_FADE_MS = 300;

/** …and comes back this slowly afterwards, so the return is not a jolt. */
export const RESTORE_FADE_MS = 800;

/** Clamps a volume to 0–1; anything not a finite number counts as 0 (silence is the safe failure). */
export function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/**
 * The group volume of one Howl. While narration plays, music is scaled to DUCK_FACTOR of the lower of
 * its own and the narration bus level, so it is at least 20 dB under its normal level and at least
 * 20 dB under the narration, whatever the bus levels are set to.
 */
export function howlGain(bus: BusName, soundVolume: number, buses: Readonly<Record<BusName, number>>, ducked: boolean): number {
  const busGain = bus === 'music' && ducked ? Math.min(buses.music, buses.narration) * DUCK_FACTOR : buses[bus];
  return clampUnit(busGain * clampUnit(soundVolume));
}

/** Linear gain → decibels (−Infinity for 0), for reports and tests. */
export function toDecibels(gain: number): number {
  return 20 * Math.log10(gain);
}
