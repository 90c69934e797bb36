// Outfit details on the torso: bands, straps, apron, collar, belt, buttons, and the job badges (skills strip, medal).
import { capsule, cylinder, ellipsoidOn, facing, lathe, prism, roundedBox, torus } from '../geometry/shapes';
import type { Outfit, Piece, Role } from '../spec';
import { medalPin, rungStrip } from './badges';
import type { Frame } from './frame';
import { onTorso, TORSO_DEPTH, TORSO_SEGMENTS, torsoRadius } from './frame';

/** A band hugging the torso at height y (belt, reflective stripe). */
function band(frame: Frame, y: number, height: number, role: Role, grow = 1.04): Piece {
  const r = torsoRadius(frame, y) * grow;
  // As many sides as the torso, in phase with it, so no corner of the torso pokes through the band.
  return { role, geometry: cylinder(r, r, height, TORSO_SEGMENTS, { at: [0, y, 0], scale: [1, 1, TORSO_DEPTH] }) };
}

/** Straps running over the shoulders and down the chest (a box or backpack worn behind). */
function straps(frame: Frame, role: Role): Piece[] {
  return [-1, 1].map((side) => {
    const top = onTorso(frame, frame.figure.torsoHeight * 0.62, side * 0.5, 0.01);
    return { role, geometry: capsule(0.022, frame.figure.torsoHeight * 0.55, { at: [top.at[0], top.at[1] - 0.05, top.at[2] - 0.01], rot: [-0.22, 0, side * 0.08] }, 6, 2) };
  });
}

function collar(frame: Frame, role: Role): Piece {
  const s = frame.figure.shoulders;
  return { role, geometry: torus(s * 0.52, 0.026, [5, 16], { at: [0, frame.neckY - 0.01, 0], rot: [Math.PI / 2, 0, 0], scale: [1, TORSO_DEPTH, 1] }) };
}

function apron(frame: Frame): Piece[] {
  const h = frame.figure.torsoHeight;
  const r = (y: number): number => torsoRadius(frame, y) * 1.05;
  const hips = frame.figure.hips;
  // Flares past the hips into a short skirt: the barista's silhouette.
  const profile: [number, number][] = [
    [hips * 1.16, -0.14],
    [hips * 1.08, -0.02],
    [r(0.08), 0.08],
    [r(h * 0.5), h * 0.5],
    [r(h * 0.72), h * 0.72],
  ];
  const pocket = onTorso(frame, 0.03, 0, 0.03);
  return [
    { role: 'accent', geometry: lathe(profile, 10, { scale: [1, 1, TORSO_DEPTH] }, 1.9) },
    { role: 'accent', geometry: torus(frame.figure.shoulders * 0.45, 0.014, [4, 12], { at: [0, h * 0.86, -0.01], rot: [1.2, 0, 0], scale: [1, TORSO_DEPTH, 1] }, Math.PI) },
    { role: 'body', geometry: roundedBox([0.16, 0.07, 0.02], 0.01, { at: pocket.at, quat: facing(pocket.normal) }) },
    band(frame, 0.1, 0.025, 'body', 1.08),
  ];
}

export function outfitParts(frame: Frame, outfit: Outfit): Piece[] {
  const h = frame.figure.torsoHeight;
  switch (outfit) {
    case 'rider':
      return [band(frame, h * 0.3, 0.04, 'accent'), ...straps(frame, 'legs'), collar(frame, 'accent')];
    case 'apron':
      return [...apron(frame), collar(frame, 'accent')];
    case 'coverall': {
      const pocket = onTorso(frame, h * 0.6, 0.42, 0.012);
      const strip = onTorso(frame, h * 0.58, -0.45, 0.01);
      const buckle = onTorso(frame, 0.09, 0, 0.02);
      return [
        band(frame, 0.09, 0.045, 'ink'),
        { role: 'white', geometry: roundedBox([0.06, 0.045, 0.015], 0.006, { at: buckle.at, quat: facing(buckle.normal) }) },
        { role: 'accent', geometry: roundedBox([0.11, 0.1, 0.02], 0.012, { at: pocket.at, quat: facing(pocket.normal) }) },
        ...rungStrip(strip.at, facing(strip.normal)),
        collar(frame, 'accent'),
      ];
    }
    case 'maker': {
      const hood = torus(frame.figure.shoulders * 0.62, 0.05, [6, 12], { at: [0, frame.neckY - 0.02, -0.04], rot: [Math.PI / 2 + 0.25, 0, Math.PI * 0.15] }, Math.PI * 1.7);
      const strings = [-1, 1].map((side): Piece => {
        const s = onTorso(frame, h * 0.7, side * 0.18, 0.01);
        return { role: 'white', geometry: capsule(0.008, 0.07, { at: s.at, rot: [-0.3, 0, 0] }, 4, 1) };
      });
      return [{ role: 'body', geometry: hood }, ...strings, band(frame, 0.07, 0.04, 'ink')];
    }
    case 'mentor': {
      const buttons = [0.12, 0.22, 0.32].map((y): Piece => {
        const b = onTorso(frame, y, 0, 0.006);
        return { role: 'accent', geometry: ellipsoidOn([0.028, 0.014, 0.012], { at: b.at, quat: facing(b.normal) }, [6, 4]) };
      });
      const medal = onTorso(frame, h * 0.6, -0.46, 0.012);
      const neck = torsoRadius(frame, frame.neckY - 0.02);
      // A stand-up collar in red: Jin's second colour, and a nod to traditional workwear.
      const standUp: Piece = { role: 'accent', geometry: cylinder(neck * 1.05 + 0.03, neck * 1.05 + 0.04, 0.05, 16, { at: [0, frame.neckY - 0.02, 0], scale: [1, 1, TORSO_DEPTH] }) };
      return [standUp, ...buttons, band(frame, 0.035, 0.04, 'accent', 1.03), ...medalPin(medal.at, facing(medal.normal))];
    }
    case 'jacket': {
      const zip = onTorso(frame, h * 0.4, 0, 0.004);
      return [
        ...straps(frame, 'accent'),
        collar(frame, 'white'),
        { role: 'ink', geometry: prism([[-0.006, -0.16], [0.006, -0.16], [0.006, 0.16], [-0.006, 0.16]], 0.01, { at: zip.at, quat: facing(zip.normal) }) },
      ];
    }
  }
}
