// The attract fly-through's camera path: the pack's playlist, or every zone in turn when it has none.
import type { Manifest } from '../../../electron/shared/manifest';
import type { TourWaypoint } from './navigation/tour';
import { poseKey } from './scene/layout';
import type { HallLayout } from './scene/layout';

/** How long the camera rests at each zone when the pack names no playlist. */
const DEFAULT_DWELL_SECONDS = 6;

export function attractWaypoints(manifest: Manifest, layout: HallLayout): TourWaypoint[] {
  const playlist = manifest.attract.playlist;
  const steps =
    playlist.length > 0
      ? playlist
      : layout.targets.filter((t) => t.kind === 'zone').map((t) => ({ target: t.id, kind: t.kind, dwellSeconds: DEFAULT_DWELL_SECONDS }));
  return steps.flatMap((step) => {
    const pose = layout.poses.get(poseKey(step.kind, step.target));
    if (!pose) return [];
    // Exhibits and mascots get the spotlight; a zone is a view, not a thing to point at.
    const spotlight = step.kind === 'zone' ? {} : { spotlight: { id: step.target, kind: step.kind } };
    return [{ pose, dwellMs: step.dwellSeconds * 1000, ...spotlight }];
  });
}
