// Hair styles built from sphere bands that hug the head, plus fringes, buns and ponytails: the main cue for age and gender.
import { capsule, cylinder, ellipsoidOn, facing, sphere, sphereBand, torus } from '../geometry/shapes';
import type { HairStyle, Piece, Vec3 } from '../spec';
import type { Frame } from './frame';
import { onHead } from './frame';

const FULL = Math.PI * 2;
const FRONT = Math.PI / 2; // SphereGeometry's phi of the +z direction

/** Helpers in the head's frame: shells are scaled like the head, so hair keeps an even thickness. */
function shells(frame: Frame, scale: number) {
  const r = frame.figure.headRadius * scale;
  const place = { at: frame.headCentre, scale: frame.figure.headShape };
  return {
    /** The crown, from the top down to `theta` (radians from the top). */
    cap: (theta: number): Piece => ({ role: 'hair', geometry: sphereBand(r, [16, 6], [0, FULL], [0, theta], place) }),
    /** Sides and back from `from` to `to`, leaving the face open `window` radians either side of the front. */
    back: (from: number, to: number, window: number): Piece => ({
      role: 'hair',
      // Starts a little under the crown's edge: shells with different segment counts would leave hairline cracks.
      geometry: sphereBand(r, [14, 4], [FRONT + window, FULL - 2 * window], [from - 0.06, to - from + 0.06], place),
    }),
    /** A straight fringe across the forehead. */
    bangs: (from: number, to: number, window: number): Piece => ({
      role: 'hair',
      geometry: sphereBand(r, [8, 2], [FRONT - window, 2 * window], [from, to - from], place),
    }),
  };
}

/** A lock of hair lying on the head at (az, el), `size` = width, length, thickness, rolled by `roll`. */
function lock(frame: Frame, az: number, el: number, size: Vec3, roll = 0, lift = 0.012): Piece {
  const { at, normal } = onHead(frame, az, el, lift);
  return { role: 'hair', geometry: ellipsoidOn(size, { at, quat: facing(normal, roll) }, [8, 5]) };
}

export function hairParts(frame: Frame, style: HairStyle): Piece[] {
  const s = shells(frame, 1.05);
  const R = frame.figure.headRadius;
  switch (style) {
    case 'tuft':
      // Under a helmet: only the short back shows (tufts at the temples read as a second pair of brows).
      return [s.back(1.2, 2.0, 1.65)];
    case 'bun': {
      const bun = onHead(frame, Math.PI, 0.95, 0.06);
      const band = onHead(frame, Math.PI, 0.95, 0.015);
      return [
        s.cap(1.12),
        s.back(1.12, 2.05, 1.1),
        lock(frame, -0.22, 0.5, [0.17, 0.075, 0.04], 0.38),
        lock(frame, 0.34, 0.46, [0.09, 0.06, 0.035], -0.5),
        { role: 'hair', geometry: sphere(0.115, [10, 7], { at: bun.at }) },
        { role: 'accent', geometry: torus(0.085, 0.018, [5, 12], { at: band.at, quat: facing(band.normal) }) },
      ];
    }
    case 'crop':
      // Only at the back: hair beside the ears under a cap reads as headphones.
      return [s.back(1.05, 1.7, 1.75)];
    case 'ponytail': {
      // A high side ponytail, on the right, so it shows beside the head from the front too.
      const root = onHead(frame, -2.3, 0.5, 0.03);
      const tail: Vec3 = [root.at[0] - 0.07, root.at[1] - 0.13, root.at[2] - 0.02];
      // A spiky fringe: cones pointing down over the forehead, fanned out.
      const spikes = [-0.36, -0.12, 0.12, 0.36].map((az, i): Piece => {
        const { at } = onHead(frame, az, 0.46 + (i % 2) * 0.05, 0.01);
        return { role: 'hair', geometry: cylinder(0.05, 0, 0.15, 6, { at, rot: [-0.35, 0, az * 0.8] }) };
      });
      return [
        s.cap(1.1),
        s.back(1.1, 1.95, 1.15),
        ...spikes,
        { role: 'hair', geometry: capsule(0.075, 0.2, { at: tail, rot: [0.25, 0, -0.45] }, 8, 3) },
        { role: 'accent', geometry: torus(0.05, 0.02, [5, 10], { at: root.at, quat: facing(root.normal) }) },
      ];
    }
    case 'elder':
      // A receding hairline and full sides read as "older" without wrinkles.
      return [
        { role: 'hair', geometry: sphereBand(R * 1.04, [14, 4], [FRONT + 0.75, FULL - 1.5], [0.25, 1.6], { at: frame.headCentre, scale: frame.figure.headShape }) },
        s.back(1.0, 1.95, 1.2),
      ];
    case 'bob': {
      const b = shells(frame, 1.06);
      const clip = onHead(frame, -0.5, 0.42, 0.03);
      return [
        b.cap(1.15),
        b.back(1.0, 2.1, 1.02),
        b.bangs(0.95, 1.32, 1.05),
        { role: 'sun', geometry: ellipsoidOn([0.05, 0.017, 0.014], { at: clip.at, quat: facing(clip.normal, -0.5) }) },
      ];
    }
  }
}
