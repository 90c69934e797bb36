// Tour paths: the attract fly-through (the pack's playlist, or every zone in turn) and a zone's guided tour.
import type { Manifest } from '../../../electron/shared/manifest';
import type { TourWaypoint } from './navigation/tour';
import type { CameraPose } from './types';
import { poseKey } from './scene/layout';
import type { HallLayout } from './scene/layout';

/** How long the camera rests at each zone when the pack names no playlist. */
const DEFAULT_DWELL_SECONDS = 6;
/** The attract screen's title and pill cover the top and bottom of the view: present from further back. */
const PRESENT_PULL_BACK = 2.2;
/** …and look this far (metres) above the subject, so it sits in the clear band under the title. */
const PRESENT_LOOK_ABOVE = 0.7;

/** A framing pose pulled back along its line of sight: the subject small enough to sit between the overlays, in its surroundings. */
export function presentationPose(pose: CameraPose): CameraPose {
  const { position: eye, target } = pose;
  const back = (axis: 'x' | 'y' | 'z') => target[axis] + (eye[axis] - target[axis]) * PRESENT_PULL_BACK;
  return {
    position: { x: back('x'), y: Math.max(eye.y, back('y')) + 0.3, z: back('z') },
    target: { x: target.x, y: target.y + PRESENT_LOOK_ABOVE, z: target.z },
  };
}

export function attractWaypoints(manifest: Pick<Manifest, 'attract'>, layout: HallLayout): TourWaypoint[] {
  const playlist = manifest.attract.playlist;
  const steps =
    playlist.length > 0
      ? playlist
      : layout.targets.filter((t) => t.kind === 'zone').map((t) => ({ target: t.id, kind: t.kind, dwellSeconds: DEFAULT_DWELL_SECONDS }));
  return steps.flatMap((step) => {
    const pose = layout.poses.get(poseKey(step.kind, step.target));
    if (!pose) return [];
    // Exhibits and mascots get the spotlight; a zone is a view, not a thing to point at.
    if (step.kind === 'zone') return [{ pose, dwellMs: step.dwellSeconds * 1000 }];
    return [{ pose: presentationPose(pose), dwellMs: step.dwellSeconds * 1000, spotlight: { id: step.target, kind: step.kind } }];
  });
}

/** How long a zone tour rests at each mascot and exhibit: long enough to read a title and a figure. */
const ZONE_TOUR_DWELL_MS = 7000;

/** The zone's mascots greet first, then its exhibits in pack order, each spotlit, from the presenting distance. */
export function zoneTourWaypoints(manifest: Pick<Manifest, 'hall'>, layout: HallLayout, zoneId: string): TourWaypoint[] {
  const stops = [
    ...manifest.hall.mascots.filter((m) => m.zone === zoneId).map((m) => ({ id: m.id, kind: 'mascot' as const })),
    ...manifest.hall.exhibits.filter((e) => e.zone === zoneId).map((e) => ({ id: e.id, kind: 'exhibit' as const })),
  ];
  return stops.flatMap((target) => {
    const pose = layout.poses.get(poseKey(target.kind, target.id));
    return pose ? [{ pose: presentationPose(pose), dwellMs: ZONE_TOUR_DWELL_MS, spotlight: target }] : [];
  });
}
