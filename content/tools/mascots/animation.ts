// The two clips every mascot has: `idle` (a 3 s breathing loop) and `wave` (1.6 s, right arm), as offsets from the rest pose.
import { NODE } from './parts/figure';
import type { ClipSpec } from './spec';

const TAU = Math.PI * 2;
export const IDLE_SECONDS = 3;
export const WAVE_SECONDS = 1.6;

/** 0 → 1 → 0 over one idle loop: breathing in and out. */
const breath = (t: number): number => 0.5 - 0.5 * Math.cos((TAU * t) / IDLE_SECONDS);
const sway = (t: number, harmonic = 1): number => Math.sin((TAU * harmonic * t) / IDLE_SECONDS);

/**
 * Every offset is 0 at t = 0 and the motions are whole periods of the loop, so the clip loops
 * seamlessly and its first frame is the rest pose: the pose `wave` starts and ends in.
 */
export function idleClip(energy: number): ClipSpec {
  const e = energy;
  return {
    name: 'idle',
    duration: IDLE_SECONDS,
    rate: 10,
    motions: {
      [NODE.body]: (t) => ({ translate: [0, 0.014 * e * breath(t), 0], rotate: [0, 0.03 * e * sway(t), 0.012 * e * sway(t)] }),
      [NODE.head]: (t) => ({ rotate: [0.035 * e * sway(t, 2), 0.05 * e * sway(t), 0.075 * e * sway(t)] }),
      [NODE.armLeft]: (t) => ({ rotate: [0.05 * e * sway(t), 0, 0.06 * e * breath(t)] }),
      [NODE.armRight]: (t) => ({ rotate: [-0.05 * e * sway(t), 0, -0.06 * e * breath(t)] }),
    },
  };
}

const smoothstep = (x: number): number => {
  const c = Math.min(1, Math.max(0, x));
  return c * c * (3 - 2 * c);
};

/** Raised from RAISE to LOWER seconds, eased up before and down after. */
const RAISE = 0.35;
const LOWER = WAVE_SECONDS - 0.35;
const lifted = (t: number): number => (t < RAISE ? smoothstep(t / RAISE) : t > LOWER ? smoothstep((WAVE_SECONDS - t) / (WAVE_SECONDS - LOWER)) : 1);
/** Two back-and-forth waves of the hand while the arm is up; zero at both ends of the plateau. */
const wag = (t: number): number => (t < RAISE || t > LOWER ? 0 : Math.sin((TAU * 2 * (t - RAISE)) / (LOWER - RAISE)));

/**
 * One wave with the right arm (on the mascot's -x side: it faces +z). Turning the arm about z by a
 * negative angle lifts it out and up. Chibi heads are wide, so the arm stops out to the side with the
 * hand beside the head (straight up it would vanish into the head); the head tilts away to make room.
 */
export function waveClip(): ClipSpec {
  return {
    name: 'wave',
    duration: WAVE_SECONDS,
    rate: 20,
    motions: {
      [NODE.armRight]: (t) => ({ rotate: [0, 0, -2.05 * lifted(t) + 0.28 * wag(t)] }),
      [NODE.head]: (t) => ({ rotate: [-0.04 * lifted(t), -0.1 * lifted(t), -0.1 * lifted(t) + 0.025 * wag(t)] }),
      [NODE.body]: (t) => ({ translate: [0, 0.012 * lifted(t), 0], rotate: [0, -0.08 * lifted(t), 0.02 * lifted(t)] }),
      [NODE.armLeft]: (t) => ({ rotate: [0, 0, 0.06 * lifted(t)] }),
    },
  };
}
