// Visitor accessibility modes: what each one is called and its default (off).

/** Visitor accessibility modes; every one is reset when the visit ends. */
export interface VisitorModes {
  /** Every control and panel content in the bottom third of the screen (wheelchair users, children). */
  lowReach: boolean;
  largeText: boolean;
  highContrast: boolean;
  /** Flights become cuts and transitions short fades (also on when the OS asks for it). */
  reducedMotion: boolean;
}
export type VisitorMode = keyof VisitorModes;

export const DEFAULT_MODES: VisitorModes = { lowReach: false, largeText: false, highContrast: false, reducedMotion: false };
