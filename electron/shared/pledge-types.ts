// Pledge-wall messages as they cross the API: what a visitor left, and every wall's visible messages.

export const PLEDGE_STATUSES = ['visible', 'hidden'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/** Longest pledge, in characters as a visitor counts them (an emoji is one), after trimming. */
export const PLEDGE_MAX_CHARS = 80;
/** How many pledges a wall shows: the newest visible ones. */
export const PLEDGE_WALL_SHOWN = 50;

export interface Pledge {
  /** Short id staff type at the CLI (`sunrise-hall pledges hide ID`), e.g. `k3m9xq2a`. */
  readonly id: string;
  /** The pledge-wall exhibit it was left on. */
  readonly exhibitId: string;
  /** The message, trimmed and cleaned (Unicode NFC, single spaces). */
  readonly text: string;
  /** When it was left (kiosk clock, ISO UTC). */
  readonly createdAt: string;
  /** `hidden` once staff hid it; walls show only `visible` ones. */
  readonly status: PledgeStatus;
}

/**
 * Every pledge wall of the active pack with its visible pledges, newest first (at most
 * PLEDGE_WALL_SHOWN each). A wall nobody wrote on yet is present with an empty list.
 */
export interface PledgeWalls {
  /** The active pack's id: pledges belong to a pack id, and survive its new versions. */
  readonly packId: string;
  readonly walls: Readonly<Record<string, readonly Pledge[]>>;
}
