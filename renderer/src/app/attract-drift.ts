// Burn-in care for the attract screen: the title and the pill move a few pixels each time the fly-through rests.

/** How far the attract text wanders from its place, CSS px (across, up/down). */
const REACH = { x: 14, y: 10 } as const;
/** Places around an ellipse, visited in a skipping order so consecutive moves are not neighbours. */
const PLACES = 8;
const SKIP = 3;

/**
 * The offset for the `step`-th rest of the fly-through. An attract loop runs for days with the same
 * text on screen; moving it now and then keeps any one pixel from showing it all the time (visual.md:
 * "everything drifts slowly (burn-in care)"). The move happens while the camera rests, when the hall
 * draws nothing, so its transition costs the hall no frames.
 */
export function driftOffset(step: number): { x: number; y: number } {
  const angle = (2 * Math.PI * ((step * SKIP) % PLACES)) / PLACES;
  return { x: Math.round(REACH.x * Math.cos(angle)), y: Math.round(REACH.y * Math.sin(angle)) };
}
