// The attract fly-through's camera path: the pack's playlist, or every zone in turn when it has none.
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
