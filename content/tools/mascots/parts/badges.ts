// Badges: the shared "morning sun" badge every mascot wears, Gauge's four-rung skills strip and Master Jin's medal pin.
import { Euler, Quaternion, Vector3 } from 'three';
import { arcPoints, disc, prism, torus } from '../geometry/shapes';
import type { Piece, Quat, Role, Vec3 } from '../spec';

/** Moves a point from a badge's own frame (x right, y up, z out) into the part's frame. */
function mount(at: Vec3, quat: Quat) {
  const q = new Quaternion(...quat);
  return {
    point: (x: number, y: number, z: number): Vec3 => {
      const v = new Vector3(x, y, z).applyQuaternion(q).add(new Vector3(...at));
      return [v.x, v.y, v.z];
    },
    /** The badge's orientation, then a roll about its own z. */
    roll: (angle: number): Quat => {
      const r = q.clone().multiply(new Quaternion().setFromEuler(new Euler(0, 0, angle)));
      return [r.x, r.y, r.z, r.w];
    },
  };
}

/**
 * The morning-sun badge: a light disc with a half sun rising over a horizon line and five rays.
 * `size` is its radius in metres; big enough to read as a sun from two metres away.
 */
export function sunBadge(at: Vec3, quat: Quat, size = 0.05): Piece[] {
  const m = mount(at, quat);
  const k = size / 0.05;
  const pieces: Piece[] = [
    { role: 'white', geometry: disc(size, 0.014 * k, 16, { at, quat }) },
    { role: 'sun', geometry: prism(arcPoints(0.021 * k, 0, Math.PI, 8), 0.008 * k, { at: m.point(0, -0.012 * k, 0.008 * k), quat }) },
    { role: 'sun', geometry: prism([[-0.036 * k, -0.004 * k], [0.036 * k, -0.004 * k], [0.036 * k, 0.002 * k], [-0.036 * k, 0.002 * k]], 0.008 * k, { at: m.point(0, -0.016 * k, 0.008 * k), quat }) },
  ];
  for (let i = 0; i < 5; i += 1) {
    const a = (Math.PI * (i + 1)) / 6;
    const r = 0.031 * k;
    const ray: [number, number][] = [[-0.0035 * k, 0], [0.0035 * k, 0], [0.0025 * k, 0.011 * k], [-0.0025 * k, 0.011 * k]];
    pieces.push({ role: 'sun', geometry: prism(ray, 0.008 * k, { at: m.point(r * Math.cos(a), r * Math.sin(a) - 0.012 * k, 0.008 * k), quat: m.roll(a - Math.PI / 2) }) });
  }
  return pieces;
}

/** Gauge's skills strip: four rungs on a dark backing, the lower two lit (Skilled Hand → Master, half way up). */
export function rungStrip(at: Vec3, quat: Quat): Piece[] {
  const m = mount(at, quat);
  const pieces: Piece[] = [{ role: 'ink', geometry: prism([[-0.03, -0.075], [0.03, -0.075], [0.03, 0.075], [-0.03, 0.075]], 0.012, { at, quat }) }];
  for (let i = 0; i < 4; i += 1) {
    const role: Role = i < 2 ? 'sun' : 'white';
    pieces.push({ role, geometry: prism([[-0.021, -0.009], [0.021, -0.009], [0.021, 0.009], [-0.021, 0.009]], 0.008, { at: m.point(0, -0.054 + i * 0.036, 0.007), quat }) });
  }
  return pieces;
}

/** Master Jin's medal: a red ribbon with a disc of his gold ringed in red, so it stands out on his gold jacket. */
export function medalPin(at: Vec3, quat: Quat): Piece[] {
  const m = mount(at, quat);
  return [
    { role: 'accent', geometry: prism([[-0.03, 0.05], [0.03, 0.05], [0.018, -0.005], [-0.018, -0.005]], 0.01, { at: m.point(0, 0.01, 0), quat }) },
    { role: 'accent', geometry: torus(0.035, 0.008, [4, 14], { at: m.point(0, -0.035, 0.006), quat }) },
    { role: 'body', geometry: disc(0.034, 0.012, 14, { at: m.point(0, -0.035, 0.006), quat }) },
  ];
}
