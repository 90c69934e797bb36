// The attract fly-through's path: the pack's playlist in order, mascots and exhibits presented from further back.
import { describe, expect, it } from 'vitest';
import { attractStepSchema, hallSchema } from '../../../electron/shared/manifest';
import { attractWaypoints, zoneTourWaypoints } from '../../../renderer/src/hall/attract-path';
import { hallLayout, poseKey } from '../../../renderer/src/hall/scene/layout';
import { fixtureManifest } from '../../fixtures/packs/make-fixture-pack';

const raw = fixtureManifest({ mascots: true });
// The parts a path is made from (the whole manifest also needs the pack's file list).
const manifest = { hall: hallSchema.parse(raw.hall), attract: { playlist: attractStepSchema.array().parse(raw.attract?.playlist) } };
const layout = hallLayout(manifest.hall);
const distance = (pose: { position: { x: number; z: number }; target: { x: number; z: number } }) =>
  Math.hypot(pose.position.x - pose.target.x, pose.position.z - pose.target.z);

describe('attractWaypoints', () => {
  it('follows the playlist, spotlighting exhibits and mascots but not zones', () => {
    const waypoints = attractWaypoints(manifest, layout);
    expect(waypoints.map((w) => w.spotlight ?? null)).toEqual(
      manifest.attract.playlist.map((step) => (step.kind === 'zone' ? null : { id: step.target, kind: step.kind })),
    );
    expect(waypoints.map((w) => w.dwellMs)).toEqual(manifest.attract.playlist.map((step) => step.dwellSeconds * 1000));
  });

  it('presents a mascot from further back than the close-up a tap flies to, looking at it', () => {
    const step = manifest.attract.playlist.findIndex((s) => s.kind === 'mascot');
    const presented = attractWaypoints(manifest, layout)[step];
    const closeUp = layout.poses.get(poseKey('mascot', manifest.attract.playlist[step]?.target ?? ''));
    if (!presented || !closeUp) throw new Error('fixture has no mascot step');
    expect(distance(presented.pose)).toBeGreaterThan(2 * distance(closeUp));
    expect([presented.pose.target.x, presented.pose.target.z]).toEqual([closeUp.target.x, closeUp.target.z]);
  });

  it('visits every zone when the pack has no playlist', () => {
    const bare = { ...manifest, attract: { ...manifest.attract, playlist: [] } };
    expect(attractWaypoints(bare, layout)).toHaveLength(manifest.hall.zones.length);
  });

  it("a zone's guided tour greets with the zone's mascots, then visits each of its exhibits once", () => {
    const zone = manifest.hall.mascots[0]?.zone ?? '';
    const stops = zoneTourWaypoints(manifest, layout, zone).map((w) => w.spotlight);
    expect(stops).toEqual([
      ...manifest.hall.mascots.filter((m) => m.zone === zone).map((m) => ({ id: m.id, kind: 'mascot' })),
      ...manifest.hall.exhibits.filter((e) => e.zone === zone).map((e) => ({ id: e.id, kind: 'exhibit' })),
    ]);
    expect(stops.length).toBeGreaterThan(1);
    expect(zoneTourWaypoints(manifest, layout, 'no-such-zone')).toEqual([]);
  });
});
