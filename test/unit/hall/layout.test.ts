// Hall layout math: walkable floor, booth obstacles, the home pose and a framing pose for every target.
import { describe, expect, it } from 'vitest';
import { hallSchema } from '../../../electron/shared/manifest';
import type { Hall } from '../../../electron/shared/manifest';
import { BOOTH, WALL, framingDistance, hallLayout, insideRect, poseKey, rotatedRect } from '../../../renderer/src/hall/scene/layout';
import type { CameraPose } from '../../../renderer/src/hall/types';
import { fixtureManifest } from '../../fixtures/packs/make-fixture-pack';

const fixtureHall = (): Hall => hallSchema.parse(fixtureManifest({ mascots: true }).hall);

/** Unit vector from the pose's position to its target. */
function viewDirection(pose: CameraPose): { x: number; y: number; z: number } {
  const d = { x: pose.target.x - pose.position.x, y: pose.target.y - pose.position.y, z: pose.target.z - pose.position.z };
  const length = Math.hypot(d.x, d.y, d.z);
  return { x: d.x / length, y: d.y / length, z: d.z / length };
}

describe('hallLayout', () => {
  it('makes the walkable floor the hall minus the walls', () => {
    const layout = hallLayout(fixtureHall());
    expect(layout.walkable).toEqual({ minX: -10 + WALL.thickness / 2, maxX: 10 - WALL.thickness / 2, minZ: -7 + WALL.thickness / 2, maxZ: 7 - WALL.thickness / 2 });
  });

  it('has one obstacle per booth, matching its footprint, also when turned', () => {
    const hall = fixtureHall();
    const layout = hallLayout(hall);
    expect(layout.obstacles).toHaveLength(hall.exhibits.length);
    expect(layout.obstacles[0]).toEqual({ minX: -5, maxX: -3, minZ: -5.5, maxZ: -4.5 });
    const turned = rotatedRect(0, 0, BOOTH.width, BOOTH.depth, 90);
    expect(turned.maxX - turned.minX).toBeCloseTo(BOOTH.depth);
    expect(turned.maxZ - turned.minZ).toBeCloseTo(BOOTH.width);
    const diagonal = rotatedRect(1, 2, 2, 1, 45);
    expect(diagonal.maxX - diagonal.minX).toBeCloseTo(3 / Math.SQRT2);
    expect((diagonal.minX + diagonal.maxX) / 2).toBeCloseTo(1);
  });

  it('puts home at eye height inside the walkable floor, clear of booths, looking into the hall', () => {
    const layout = hallLayout(fixtureHall());
    const { position } = layout.home;
    expect(position.y).toBe(1.6);
    expect(insideRect(layout.walkable, position.x, position.z)).toBe(true);
    expect(layout.obstacles.some((o) => insideRect(o, position.x, position.z))).toBe(false);
    expect(viewDirection(layout.home).z).toBeLessThan(-0.9);
  });

  it('sidesteps a booth standing where home would be', () => {
    const hall = hallSchema.parse({ ...fixtureManifest().hall, exhibits: [{ id: 'door', zone: 'north', title: { en: 'Door' }, position: { x: 0, z: 5.5 }, facing: 0 }] });
    const layout = hallLayout(hall);
    expect(layout.obstacles.some((o) => insideRect(o, layout.home.position.x, layout.home.position.z, 0.4))).toBe(false);
  });

  it('has a pose for every target, standing on the walkable floor and looking at the target', () => {
    const hall = fixtureHall();
    const layout = hallLayout(hall);
    expect(layout.targets).toHaveLength(hall.zones.length + hall.exhibits.length + hall.mascots.length);
    expect(layout.targets.filter((t) => t.kind === 'mascot').map((t) => t.id)).toEqual(['sunny', 'bolt']);
    for (const target of layout.targets) {
      const pose = layout.poses.get(poseKey(target.kind, target.id));
      expect(pose, `${target.kind} ${target.id}`).toBeDefined();
      if (!pose) continue;
      expect(insideRect(layout.walkable, pose.position.x, pose.position.z)).toBe(true);
      if (target.kind === 'zone') {
        // A zone's pose looks into the zone from its entrance side.
        const zone = hall.zones.find((z) => z.id === target.id);
        if (!zone) throw new Error(target.id);
        const rect = { minX: zone.position.x - zone.size.width / 2, maxX: zone.position.x + zone.size.width / 2, minZ: zone.position.z - zone.size.depth / 2, maxZ: zone.position.z + zone.size.depth / 2 };
        expect(insideRect(rect, pose.target.x, pose.target.z)).toBe(true);
        expect(pose.position.z).toBeGreaterThanOrEqual(rect.maxZ);
        continue;
      }
      const spot = target.kind === 'exhibit' ? hall.exhibits.find((e) => e.id === target.id)?.position : hall.mascots.find((m) => m.id === target.id)?.home;
      expect(spot).toBeDefined();
      // The pose's target is over the thing itself (a panel stands half a booth behind its centre).
      expect(Math.hypot(pose.target.x - (spot?.x ?? NaN), pose.target.z - (spot?.z ?? NaN))).toBeLessThan(0.5);
    }
  });

  it('frames an exhibit head-on from in front of its panel, at a distance that fits the panel', () => {
    const hall = fixtureHall();
    const layout = hallLayout(hall);
    const pose = layout.poses.get(poseKey('exhibit', 'welcome'));
    expect(pose).toBeDefined();
    if (!pose) return;
    const direction = viewDirection(pose);
    // facing 0 looks towards +z, so the camera stands on +z and looks along -z, level.
    expect(direction.z).toBeCloseTo(-1);
    expect(pose.position.y).toBeCloseTo(pose.target.y);
    const distance = Math.hypot(pose.target.x - pose.position.x, pose.target.z - pose.position.z);
    expect(distance).toBeCloseTo(framingDistance(BOOTH.panelHeight, BOOTH.width));
    // At 50° vertical FOV the panel takes most but not all of the view height.
    const visibleHeight = 2 * distance * Math.tan((25 * Math.PI) / 180);
    expect(BOOTH.panelHeight / visibleHeight).toBeGreaterThan(0.6);
    expect(BOOTH.panelHeight / visibleHeight).toBeLessThan(0.9);
  });

  it('stands in front of a mascot along its facing, slightly above it', () => {
    const hall = fixtureHall();
    const layout = hallLayout(hall);
    const sunny = hall.mascots[0];
    const pose = layout.poses.get(poseKey('mascot', 'sunny'));
    if (!sunny || !pose) throw new Error('fixture mascot missing');
    const dx = pose.position.x - sunny.home.x;
    const dz = pose.position.z - sunny.home.z;
    expect(Math.atan2(dx, dz)).toBeCloseTo((sunny.facing * Math.PI) / 180);
    expect(pose.position.y).toBeGreaterThan(pose.target.y);
  });
});
