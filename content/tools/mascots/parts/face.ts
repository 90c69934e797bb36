// The face: eyes in five styles, a mouth in four, cheeks, brows and moustache, stuck onto the head's front.
import { arcPoints, capsule, ellipsoidOn, facing, prism, sphere, torus } from '../geometry/shapes';
import type { Face, Piece } from '../spec';
import type { Frame } from './frame';
import { onHead } from './frame';

/** Eye centres: a little below the head's equator and wide apart, which reads as young and friendly. */
const EYE = { az: 0.36, el: -0.06 } as const;

function eyes(frame: Frame, face: Face): Piece[] {
  const pieces: Piece[] = [];
  for (const side of [-1, 1]) {
    const { at, normal } = onHead(frame, side * EYE.az, EYE.el, -0.004);
    const quat = facing(normal);
    const spot = (dx: number, dy: number, r: number): Piece => {
      const s = onHead(frame, side * EYE.az + dx, EYE.el + dy, 0.012);
      return { role: 'white', geometry: sphere(r, [6, 4], { at: s.at, quat: facing(s.normal), scale: [1, 1, 0.5] }) };
    };
    switch (face.eyes) {
      case 'round':
        pieces.push({ role: 'ink', geometry: ellipsoidOn([0.04, 0.052, 0.02], { at, quat }) }, spot(0.035, 0.06, 0.014));
        break;
      case 'sparkle':
        pieces.push({ role: 'ink', geometry: ellipsoidOn([0.046, 0.06, 0.02], { at, quat }) }, spot(0.04, 0.07, 0.017), spot(-0.035, -0.06, 0.008));
        break;
      case 'calm':
        // Wider than tall, under level brows: a steady, unhurried look.
        pieces.push({ role: 'ink', geometry: ellipsoidOn([0.038, 0.03, 0.018], { at, quat }) }, spot(0.03, 0.03, 0.01));
        break;
      case 'kind':
        pieces.push({ role: 'ink', geometry: ellipsoidOn([0.026, 0.03, 0.016], { at, quat }) });
        break;
      case 'happy':
        // Closed, upturned arcs (^ ^): the warmest expression a few triangles can make.
        pieces.push({ role: 'ink', geometry: torus(0.034, 0.009, [4, 8], { at, quat: facing(normal) }, Math.PI) });
        break;
    }
  }
  return pieces;
}

function mouth(frame: Frame, face: Face): Piece[] {
  const el = face.moustache ? -0.4 : -0.33;
  const { at, normal } = onHead(frame, 0, el, 0.002);
  const quat = facing(normal);
  switch (face.mouth) {
    case 'grin':
      // A half-disc, flat edge up: an open, laughing mouth.
      return [{ role: 'ink', geometry: prism(arcPoints(0.05, Math.PI, Math.PI * 2, 8), 0.014, { at, quat }) }];
    case 'open':
      return [{ role: 'ink', geometry: prism(arcPoints(0.036, Math.PI, Math.PI * 2, 8), 0.014, { at, quat, scale: [1, 1.25, 1] }) }];
    case 'smile':
      return [{ role: 'ink', geometry: torus(0.042, 0.009, [4, 8], { at: onHead(frame, 0, el + 0.07, 0.004).at, quat: facing(normal, Math.PI) }, Math.PI) }];
    case 'small':
      return [{ role: 'ink', geometry: torus(0.036, 0.009, [4, 6], { at: onHead(frame, 0, el + 0.055, 0.004).at, quat: facing(normal, Math.PI * 1.2) }, Math.PI * 0.6) }];
  }
}

function cheeks(frame: Frame): Piece[] {
  return [-1, 1].map((side) => {
    const { at, normal } = onHead(frame, side * 0.62, -0.24, -0.004);
    return { role: 'cheek', geometry: ellipsoidOn([0.05, 0.03, 0.014], { at, quat: facing(normal) }) };
  });
}

function brows(frame: Frame, face: Face): Piece[] {
  if (face.brows <= 0) return [];
  const bushy = face.brows > 0.014;
  return [-1, 1].map((side) => {
    const { at, normal } = onHead(frame, side * EYE.az, EYE.el + (bushy ? 0.3 : 0.34), 0.002);
    // Bushy brows droop at the outer end (kindly); thin ones lift a little (bright).
    const roll = Math.PI / 2 + side * (bushy ? -0.22 : 0.12);
    return { role: 'hair', geometry: capsule(face.brows, bushy ? 0.06 : 0.04, { at, quat: facing(normal, roll) }, 6, 2) };
  });
}

function moustache(frame: Frame, face: Face): Piece[] {
  if (!face.moustache) return [];
  return [-1, 1].map((side) => {
    const { at, normal } = onHead(frame, side * 0.1, -0.26, 0.006);
    return { role: 'hair', geometry: ellipsoidOn([0.06, 0.026, 0.022], { at, quat: facing(normal, side * -0.3) }) };
  });
}

export function faceParts(frame: Frame, face: Face): Piece[] {
  return [...eyes(frame, face), ...mouth(frame, face), ...cheeks(frame), ...brows(frame, face), ...moustache(frame, face)];
}
