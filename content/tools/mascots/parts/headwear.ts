// Headwear: the rider's helmet, the technician's work cap and the maker's goggles, each with its place for the sun badge.
import { capsule, disc, ellipsoidOn, facing, sphere, sphereBand, torus } from '../geometry/shapes';
import type { Headwear, Piece, Quat, Vec3 } from '../spec';
import type { Frame } from './frame';
import { onHead } from './frame';

const FULL = Math.PI * 2;
const FRONT = Math.PI / 2;

export interface HeadwearParts {
  readonly pieces: Piece[];
  /** Where a badge on the headwear goes, if it has room for one. */
  readonly badge: { readonly at: Vec3; readonly quat: Quat } | null;
}

function helmet(frame: Frame): HeadwearParts {
  const scale = 1.15;
  const r = frame.figure.headRadius * scale;
  const place = { at: frame.headCentre, scale: frame.figure.headShape };
  const peak = onHead(frame, 0, 0.42, 0.07);
  const badge = onHead(frame, 0, 0.78, 0.01, scale);
  return {
    pieces: [
      { role: 'body', geometry: sphereBand(r, [18, 6], [0, FULL], [0, 1.2], place) },
      // Lower at the back and sides, open over the face, as a real bicycle helmet sits.
      { role: 'body', geometry: sphereBand(frame.figure.headRadius * 1.1, [14, 2], [FRONT + 1.3, FULL - 2.6], [1.1, 0.55], place) },
      // A light reflective stripe around the shell, and a light peak: a helmet, not a cap, at a glance.
      { role: 'accent', geometry: sphereBand(r * 1.015, [18, 1], [0, FULL], [0.98, 0.12], place) },
      { role: 'accent', geometry: ellipsoidOn([0.16, 0.018, 0.08], { at: peak.at, rot: [0.3, 0, 0] }, [10, 5]) },
    ],
    badge: { at: badge.at, quat: facing(badge.normal) },
  };
}

function cap(frame: Frame): HeadwearParts {
  const scale = 1.08;
  const r = frame.figure.headRadius * scale;
  const brim = onHead(frame, 0, 0.36, 0.05);
  const top = onHead(frame, 0, Math.PI / 2, 0.005, scale);
  const badge = onHead(frame, 0, 0.72, 0.008, scale);
  return {
    pieces: [
      { role: 'body', geometry: sphereBand(r, [18, 6], [0, FULL], [0, 1.12], { at: frame.headCentre, scale: frame.figure.headShape }) },
      // The brim juts forward and dips a little: the silhouette says "work cap" from across the hall.
      { role: 'body', geometry: ellipsoidOn([0.2, 0.022, 0.15], { at: [brim.at[0], brim.at[1], brim.at[2] + 0.05], rot: [0.18, 0, 0] }, [12, 5]) },
      { role: 'accent', geometry: sphere(0.025, [6, 4], { at: top.at }) },
    ],
    badge: { at: badge.at, quat: facing(badge.normal) },
  };
}

function goggles(frame: Frame): HeadwearParts {
  const el = 0.42;
  const [a, b, c] = frame.figure.headShape;
  const R = frame.figure.headRadius;
  const [cx, cy, cz] = frame.headCentre;
  const pieces: Piece[] = [
    {
      role: 'ink',
      geometry: torus(R * Math.cos(el) * 1.03, 0.026, [4, 20], { at: [cx, cy + R * b * Math.sin(el), cz], rot: [Math.PI / 2, 0, 0], scale: [a, c, 1] }),
    },
  ];
  for (const side of [-1, 1]) {
    const { at, normal } = onHead(frame, side * 0.3, el + 0.04, 0.03);
    const quat = facing(normal);
    pieces.push({ role: 'ink', geometry: disc(0.062, 0.05, 12, { at, quat }) });
    const lens = onHead(frame, side * 0.3, el + 0.04, 0.056);
    pieces.push({ role: 'accent', geometry: disc(0.048, 0.012, 12, { at: lens.at, quat }) });
  }
  const bridge = onHead(frame, 0, el + 0.04, 0.03);
  pieces.push({ role: 'ink', geometry: capsule(0.014, 0.05, { at: bridge.at, quat: facing(bridge.normal, Math.PI / 2) }, 5, 1) });
  return { pieces, badge: null };
}

export function headwearParts(frame: Frame, kind: Headwear): HeadwearParts {
  switch (kind) {
    case 'helmet':
      return helmet(frame);
    case 'cap':
      return cap(frame);
    case 'goggles':
      return goggles(frame);
    case 'none':
      return { pieces: [], badge: null };
  }
}
