// The shared chibi figure: legs, torso, arms and head as separate nodes (so clips can move them), dressed per spec.
import { Euler, Quaternion } from 'three';
import { capsule, ellipsoidOn, facing, lathe, sphere, torus } from '../geometry/shapes';
import type { MascotSpec, PartNode, Piece, Quat, Vec3 } from '../spec';
import { faceParts } from './face';
import type { Frame } from './frame';
import { ARM_LENGTH, ARM_RADIUS, HAND_RADIUS, LEG_RADIUS, onHead, onTorso, TORSO_DEPTH, TORSO_SEGMENTS } from './frame';
import { hairParts } from './hair';
import { headwearParts } from './headwear';
import { outfitParts } from './outfit';
import { sunBadge } from './badges';

export const IDENTITY: Quat = [0, 0, 0, 1];

export function quat(euler: Vec3): Quat {
  const q = new Quaternion().setFromEuler(new Euler(...euler));
  return [q.x, q.y, q.z, q.w];
}

export function node(name: string, translation: Vec3, pieces: Piece[], children: PartNode[] = [], rotation: Quat = IDENTITY): PartNode {
  return { name, translation, rotation, pieces, children };
}

function legs(frame: Frame): Piece[] {
  const top = frame.hipY + 0.03;
  const bottom = LEG_RADIUS; // the leg's rounded end stays inside the shoe, above the floor
  const length = top - bottom;
  const x = frame.figure.hips * 0.45;
  return [-1, 1].flatMap((side): Piece[] => [
    { role: 'legs', geometry: capsule(LEG_RADIUS, length, { at: [side * x, (top + bottom) / 2, 0] }, 10, 3) },
    // Shoes point forward and a little out; the flat underside is what stands on y = 0.
    { role: 'shoes', geometry: ellipsoidOn([0.072, 0.05, 0.1], { at: [side * x * 1.1, 0.05, 0.025], rot: [0, side * 0.12, 0] }, [10, 6]) },
  ]);
}

function arm(spec: MascotSpec): Piece[] {
  const sleeve = spec.outfit === 'apron' || spec.outfit === 'maker' ? 0.13 : 0.17; // rolled-up sleeves for the hands-on jobs
  const pieces: Piece[] = [
    { role: 'body', geometry: capsule(ARM_RADIUS, sleeve - ARM_RADIUS, { at: [0, -sleeve / 2 + 0.01, 0] }, 10, 3) },
    { role: 'skin', geometry: capsule(ARM_RADIUS * 0.8, ARM_LENGTH - sleeve, { at: [0, -(sleeve + ARM_LENGTH) / 2 + 0.01, 0] }, 8, 2) },
    { role: 'skin', geometry: sphere(HAND_RADIUS, [8, 6], { at: [0, -ARM_LENGTH, 0] }) },
  ];
  if (spec.outfit === 'mentor' || spec.outfit === 'rider') {
    pieces.push({ role: 'accent', geometry: torus(ARM_RADIUS * 1.02, 0.013, [4, 10], { at: [0, -sleeve + 0.03, 0], rot: [Math.PI / 2, 0, 0] }) });
  }
  return pieces;
}

/** The sun badge on the left of the chest (+x: the mascot faces +z), where a name badge would be. */
function chestBadge(frame: Frame): Piece[] {
  const { at, normal } = onTorso(frame, frame.figure.torsoHeight * 0.6, 0.48, 0.008);
  return sunBadge(at, facing(normal), 0.045);
}

function head(frame: Frame, spec: MascotSpec): Piece[] {
  const { headRadius: R, headShape } = frame.figure;
  const pieces: Piece[] = [{ role: 'skin', geometry: sphere(R, [20, 14], { at: frame.headCentre, scale: headShape }) }];
  if (spec.hair !== 'bob') {
    for (const side of [-1, 1]) {
      const ear = onHead(frame, side * 1.5, -0.08, 0.0);
      pieces.push({ role: 'skin', geometry: ellipsoidOn([0.05, 0.06, 0.035], { at: ear.at, quat: facing(ear.normal) }, [8, 6]) });
    }
  }
  pieces.push(...faceParts(frame, spec.face), ...hairParts(frame, spec.hair));
  const wear = headwearParts(frame, spec.headwear);
  pieces.push(...wear.pieces);
  if (wear.badge && spec.badges.includes('headwear')) pieces.push(...sunBadge(wear.badge.at, wear.badge.quat, 0.05));
  return pieces;
}

/** Names of the nodes every mascot has; clips and tests refer to them. */
export const NODE = { legs: 'legs', body: 'body', head: 'head', armLeft: 'arm-left', armRight: 'arm-right', prop: 'prop' } as const;

export interface FigureNodes {
  readonly root: PartNode;
  readonly body: PartNode;
  readonly armLeft: PartNode;
  readonly armRight: PartNode;
}

/**
 * Builds the figure: `<id>` root → `legs` and `body` (torso) → `head`, `arm-left`, `arm-right`.
 * Arms pivot at the shoulder and hang with a little spread; `leftArm` is the rest pose of the arm
 * that holds a prop (Euler XYZ), the right arm stays free to wave.
 */
export function buildFigure(spec: MascotSpec, frame: Frame, leftArm: Vec3): FigureNodes {
  const [sx, sy, sz] = frame.shoulder;
  const spread = spec.figure.armSpread;
  const armLeft = node(NODE.armLeft, [sx, sy, sz], arm(spec), [], quat(leftArm));
  const armRight = node(NODE.armRight, [-sx, sy, sz], arm(spec), [], quat([0, 0, -spread]));
  const headNode = node(NODE.head, [0, frame.neckY, 0], head(frame, spec));
  const torso: Piece = { role: 'body', geometry: lathe(frame.torsoProfile, TORSO_SEGMENTS, { scale: [1, 1, TORSO_DEPTH] }) };
  const chest = spec.badges.includes('chest') ? chestBadge(frame) : [];
  const body = node(NODE.body, [0, frame.hipY, 0], [torso, ...outfitParts(frame, spec.outfit), ...chest], [headNode, armLeft, armRight]);
  const root = node(spec.id, [0, 0, 0], [], [node(NODE.legs, [0, 0, 0], legs(frame)), body]);
  return { root, body, armLeft, armRight };
}
