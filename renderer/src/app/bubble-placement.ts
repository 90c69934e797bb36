// Where a mascot's speech bubble goes: beside the mascot, inside the part of the hall no panel covers.
import type { ViewInset } from '../hall/types';

/** Gap between the mascot's anchor point and the bubble, and between the bubble and any edge, CSS px. */
const BESIDE = 90;
const ABOVE = 260;
const MARGIN = 24;

export interface BubblePlacement {
  readonly left: number;
  readonly top: number;
  /** The bubble sits left of the mascot (its tail corner then points right). */
  readonly flipped: boolean;
}

/**
 * Right of the mascot when it fits there; otherwise left of it; never under a side panel (`inset`) or
 * off screen, so it cannot hide the buttons of the mascot card it appears beside.
 */
export function placeBubble(
  anchor: { x: number; y: number },
  bubble: { width: number; height: number },
  viewport: { width: number; height: number },
  inset: ViewInset,
): BubblePlacement {
  const right = viewport.width - inset.right - MARGIN;
  const bottom = viewport.height - inset.bottom - MARGIN;
  const fitsRight = anchor.x + BESIDE + bubble.width <= right;
  const preferred = fitsRight ? anchor.x + BESIDE : anchor.x - BESIDE - bubble.width;
  const left = Math.max(MARGIN, Math.min(preferred, right - bubble.width));
  const top = Math.max(MARGIN, Math.min(anchor.y - ABOVE, bottom - bubble.height));
  return { left, top, flipped: !fitsRight };
}
