// The six props, held in the left hand (so the right arm is free to wave) or worn on the back.
import { arcPoints, cylinder, disc, lathe, prism, roundedBox, sphere, torus } from '../geometry/shapes';
import type { Piece, PropKind, Vec3 } from '../spec';
import { sunBadge } from './badges';
import type { Frame } from './frame';
import { TORSO_DEPTH, torsoRadius } from './frame';

export interface PropParts {
  /** Rest pose of the left arm (Euler XYZ, radians): how the mascot holds its prop. */
  readonly leftArm: Vec3;
  /** Pieces held in the left hand, in an upright frame centred on the hand (+y up, +z forward). */
  readonly hand: Piece[];
  /** Pieces worn on the back, in the body node's frame. */
  readonly back: Piece[];
}

const box = (w: number, h: number): [number, number][] => [[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]];

/** Behind the torso at height y, `gap` metres off its back. */
function behind(frame: Frame, y: number, gap: number): number {
  return -(torsoRadius(frame, y) * TORSO_DEPTH + gap);
}

function deliveryBox(frame: Frame): PropParts {
  const y = frame.figure.torsoHeight * 0.55;
  const size: Vec3 = [0.56, 0.46, 0.34];
  const z = behind(frame, y, size[2] / 2 - 0.01);
  const back = z - size[2] / 2;
  return {
    leftArm: [0, 0, frame.figure.armSpread],
    hand: [],
    back: [
      // Wider than the rider: the box shows beside the body even from the front.
      { role: 'accent', geometry: roundedBox(size, 0.06, { at: [0, y, z] }, [12, 6]) },
      { role: 'body', geometry: roundedBox([size[0] + 0.02, 0.09, size[2] + 0.02], 0.04, { at: [0, y + size[1] / 2 - 0.04, z] }) },
      { role: 'body', geometry: roundedBox([size[0] + 0.02, 0.03, size[2] + 0.02], 0.012, { at: [0, y - 0.08, z] }) },
      ...sunBadge([0, y + 0.01, back - 0.003], [0, 1, 0, 0], 0.1),
    ],
  };
}

function milkPitcher(): PropParts {
  // A steel barista pitcher held by its handle: the body sits in front of the hand, the spout points forward.
  const k = 1.25;
  const base: Vec3 = [0, -0.11, 0.115];
  const profile: [number, number][] = [[0, 0], [0.05, 0], [0.062, 0.025], [0.062, 0.075], [0.052, 0.115], [0.056, 0.15], [0.05, 0.146], [0.045, 0.12]];
  const at = (dy: number, dz = 0): Vec3 => [base[0], base[1] + dy * k, base[2] + dz * k];
  return {
    leftArm: [-0.55, 0, 0.2],
    hand: [
      { role: 'prop', geometry: lathe(profile, 14, { at: base, scale: [k, k, k] }) },
      { role: 'white', geometry: disc(0.046 * k, 0.004, 12, { at: at(0.125), rot: [-Math.PI / 2, 0, 0] }) },
      // Half a ring bulging backwards, towards the hand: Rz turns the arc onto the left half, Ry onto -z.
      { role: 'prop', geometry: torus(0.04 * k, 0.011, [4, 10], { at: at(0.075, -0.058), rot: [0, -Math.PI / 2, Math.PI / 2] }, Math.PI) },
      { role: 'prop', geometry: prism([[-0.028, 0], [0.028, 0], [0, 0.05]], 0.012, { at: at(0.14, 0.045), rot: [Math.PI / 2 - 0.45, 0, 0] }) },
    ],
    back: [],
  };
}

function caliper(): PropParts {
  // Held upright beside the body, the jaws at the top pointing out: the one tool that says "precision".
  const x = 0.0;
  return {
    leftArm: [-0.35, 0, 0.32],
    hand: [
      { role: 'prop', geometry: prism(box(0.034, 0.42), 0.01, { at: [x, 0.13, 0.03] }) },
      { role: 'prop', geometry: prism([[0, -0.02], [0.1, 0.0], [0.1, 0.012], [0, 0.02]], 0.01, { at: [x + 0.015, 0.32, 0.03] }) },
      { role: 'prop', geometry: prism([[0, -0.005], [0.045, 0.0], [0.045, 0.008], [0, 0.012]], 0.008, { at: [x - 0.06, 0.33, 0.03] }) },
      { role: 'accent', geometry: roundedBox([0.06, 0.07, 0.024], 0.008, { at: [x + 0.01, 0.2, 0.03] }) },
      { role: 'prop', geometry: prism([[0, -0.02], [0.1, 0.0], [0.1, 0.012], [0, 0.02]], 0.01, { at: [x + 0.015, 0.2, 0.03], rot: [Math.PI, 0, 0] }) },
      { role: 'white', geometry: roundedBox([0.036, 0.02, 0.01], 0.004, { at: [x + 0.01, 0.205, 0.045] }) },
      ...[0.02, 0.06, 0.1, 0.14].map((y): Piece => ({ role: 'ink', geometry: prism(box(0.016, 0.004), 0.012, { at: [x - 0.008, y, 0.031] }) })),
    ],
    back: [],
  };
}

function bulbWrench(): PropParts {
  return {
    // Raised forward like a torch: the idea is the first thing you see.
    leftArm: [-0.95, 0, 0.55],
    hand: [
      { role: 'prop', geometry: roundedBox([0.045, 0.3, 0.02], 0.009, { at: [0, 0.06, 0.01] }) },
      { role: 'prop', geometry: prism([[-0.04, -0.05], [-0.012, -0.05], [-0.012, 0.0], [-0.04, 0.02]], 0.02, { at: [0, -0.1, 0.01] }) },
      { role: 'prop', geometry: prism([[0.012, -0.05], [0.04, -0.05], [0.04, 0.02], [0.012, 0.0]], 0.02, { at: [0, -0.1, 0.01] }) },
      { role: 'ink', geometry: cylinder(0.03, 0.036, 0.05, 10, { at: [0, 0.225, 0.01] }) },
      { role: 'ink', geometry: torus(0.036, 0.006, [3, 10], { at: [0, 0.215, 0.01], rot: [Math.PI / 2, 0, 0] }) },
      { role: 'accent', geometry: sphere(0.09, [12, 9], { at: [0, 0.32, 0.01], scale: [1, 1.08, 1] }) },
    ],
    back: [],
  };
}

function toolbox(): PropParts {
  const turn = 0.55;
  const c: Vec3 = [0.02, -0.17, 0.01];
  return {
    leftArm: [0, 0, 0.3],
    hand: [
      { role: 'accent', geometry: roundedBox([0.2, 0.17, 0.34], 0.025, { at: c, rot: [0, turn, 0] }, [12, 6]) },
      { role: 'ink', geometry: roundedBox([0.205, 0.02, 0.345], 0.008, { at: [c[0], c[1] + 0.045, c[2]], rot: [0, turn, 0] }) },
      { role: 'white', geometry: roundedBox([0.12, 0.05, 0.16], 0.01, { at: [c[0], c[1] + 0.09, c[2]], rot: [0.1, turn, 0] }) },
      { role: 'ink', geometry: torus(0.055, 0.012, [4, 10], { at: [c[0], c[1] + 0.085, c[2]], rot: [0, turn + Math.PI / 2, 0] }, Math.PI) },
      ...[-1, 1].map((s): Piece => ({ role: 'body', geometry: roundedBox([0.03, 0.04, 0.02], 0.006, { at: [c[0] + s * 0.09 * Math.sin(turn), c[1] + 0.03, c[2] + s * 0.09 * Math.cos(turn)], rot: [0, turn, 0] }) })),
    ],
    back: [],
  };
}

function backpackAndCompass(frame: Frame): PropParts {
  const y = frame.figure.torsoHeight * 0.5;
  const size: Vec3 = [0.4, 0.4, 0.18];
  const z = behind(frame, y, size[2] / 2 - 0.02);
  const top = y + size[1] / 2;
  // Books standing in the open top: the part-time student, readable from behind.
  const books = (
    [
      ['sun', -0.09, 0.1],
      ['white', -0.03, 0.13],
      ['cheek', 0.03, 0.09],
      ['legs', 0.08, 0.11],
    ] as const
  ).map(([role, x, h]): Piece => ({ role, geometry: roundedBox([0.05, h * 2, 0.15], 0.01, { at: [x, top - 0.02, z] }) }));
  const needle = (sign: 1 | -1): Piece => ({ role: sign > 0 ? 'sun' : 'ink', geometry: prism(sign > 0 ? [[-0.012, 0], [0.012, 0], [0, 0.05]] : [[0.012, 0], [-0.012, 0], [0, -0.05]], 0.008, { at: [0, 0.04, 0.085], rot: [-0.3, 0, 0.5] }) });
  return {
    // Held out in front: the compass whose dial marks the five career stages.
    leftArm: [-1.0, 0, 0.12],
    hand: [
      { role: 'prop', geometry: disc(0.08, 0.03, 16, { at: [0, 0.04, 0.06], rot: [-0.3, 0, 0] }) },
      { role: 'white', geometry: disc(0.066, 0.03, 16, { at: [0, 0.04, 0.065], rot: [-0.3, 0, 0] }) },
      { role: 'prop', geometry: torus(0.018, 0.006, [3, 8], { at: [0, 0.13, 0.035], rot: [-0.3, 0, 0] }) },
      needle(1),
      needle(-1),
      ...arcPoints(0.05, Math.PI / 2, Math.PI / 2 - (Math.PI * 2 * 4) / 5, 4).map(([dx, dy]): Piece => ({
        role: 'ink',
        geometry: sphere(0.008, [5, 3], { at: [dx, 0.04 + dy * Math.cos(0.3), 0.08 - dy * Math.sin(0.3)] }),
      })),
    ],
    back: [
      { role: 'accent', geometry: roundedBox(size, 0.07, { at: [0, y, z] }, [12, 6]) },
      { role: 'body', geometry: roundedBox([0.28, 0.16, 0.06], 0.03, { at: [0, y - 0.08, z - size[2] / 2] }) },
      { role: 'body', geometry: roundedBox([size[0] + 0.01, 0.1, size[2] + 0.01], 0.04, { at: [0, top - 0.06, z] }) },
      ...books,
    ],
  };
}

export function propParts(frame: Frame, kind: PropKind): PropParts {
  switch (kind) {
    case 'delivery-box':
      return deliveryBox(frame);
    case 'milk-pitcher':
      return milkPitcher();
    case 'caliper':
      return caliper();
    case 'bulb-wrench':
      return bulbWrench();
    case 'toolbox':
      return toolbox();
    case 'backpack-compass':
      return backpackAndCompass(frame);
  }
}
