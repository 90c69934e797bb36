// Adaptive quality: steps the hall's resolution, animation rate and effects down when frames are slow and back up when there is room.
import type { RENDER_QUALITIES } from '../../../electron/shared/settings';

export type QualitySetting = (typeof RENDER_QUALITIES)[number];
export type QualityLevel = Exclude<QualitySetting, 'auto'>;

const LEVELS: readonly QualityLevel[] = ['low', 'medium', 'high'];

/** What each level pays for. Resolution is what software rendering pays for most. */
export interface QualityProfile {
  /** Upper bound of the drawing buffer's pixel ratio (the display's own caps it further). */
  readonly maxPixelRatio: number;
  /** Interval between mascot animation frames, ms. */
  readonly mascotFrameMs: number;
  /** Blended effects over the scene (the spotlight beam). */
  readonly effects: boolean;
}

const PROFILES: Readonly<Record<QualityLevel, QualityProfile>> = {
  low: { maxPixelRatio: 0.75, mascotFrameMs: 1000 / 20, effects: false },
  medium: { maxPixelRatio: 1, mascotFrameMs: 1000 / 30, effects: true },
  high: { maxPixelRatio: 1.5, mascotFrameMs: 1000 / 30, effects: true },
};

export function qualityProfile(level: QualityLevel): QualityProfile {
  return PROFILES[level];
}

/** Pixel ratio per level, capped by the display's own. */
export function pixelRatioFor(level: QualityLevel, devicePixelRatio: number): number {
  return Math.min(devicePixelRatio, PROFILES[level].maxPixelRatio);
}

export interface QualityControllerOptions {
  /** Frame time to hold, ms. @default 33.3 (30 fps, the floor for smooth camera flights) */
  readonly targetMs?: number;
  /** Frames measured before deciding. @default 30 */
  readonly window?: number;
  /** The level `auto` starts at. @default 'medium' */
  readonly start?: QualityLevel;
}

/**
 * Fed the interval between consecutive frames while the hall animates (single on-demand frames say
 * nothing about speed and are not fed). Steps down when the median of a full window is over the target
 * by 20 %, up when it is under 60 % of it; the window restarts after every change, so a change is judged
 * on frames drawn at the new level and levels do not oscillate.
 */
export class QualityController {
  #setting: QualitySetting = 'auto';
  #level: QualityLevel;
  readonly #samples: number[] = [];
  readonly #targetMs: number;
  readonly #window: number;

  constructor(options: QualityControllerOptions = {}) {
    this.#targetMs = options.targetMs ?? 1000 / 30;
    this.#window = options.window ?? 30;
    this.#level = options.start ?? 'medium';
  }

  get level(): QualityLevel {
    return this.#level;
  }

  get setting(): QualitySetting {
    return this.#setting;
  }

  /** `auto` adapts; any other value pins that level (the `render.quality` setting). */
  set(setting: QualitySetting): void {
    this.#setting = setting;
    if (setting !== 'auto') this.#level = setting;
    this.#samples.length = 0;
  }

  /** Records one frame interval; returns the new level when it changed, else null. */
  sample(frameIntervalMs: number): QualityLevel | null {
    if (this.#setting !== 'auto' || !Number.isFinite(frameIntervalMs) || frameIntervalMs <= 0) return null;
    this.#samples.push(frameIntervalMs);
    if (this.#samples.length < this.#window) return null;
    const median = medianOf(this.#samples);
    this.#samples.length = 0;
    const index = LEVELS.indexOf(this.#level);
    const next = median > this.#targetMs * 1.2 ? LEVELS[index - 1] : median < this.#targetMs * 0.6 ? LEVELS[index + 1] : undefined;
    if (next === undefined) return null;
    this.#level = next;
    return next;
  }
}

export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
