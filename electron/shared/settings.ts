// The settings document: stable dotted keys, their schema and defaults. Hosts and CLI share it.
import { z } from 'zod';
import { uiLocaleSchema } from './locale';

export const RENDER_QUALITIES = ['auto', 'low', 'medium', 'high'] as const;

/**
 * Every settings key, with its schema and default. Keys are stable: the README documents them and
 * provisioning scripts set them, so a key is never renamed, only added.
 */
export const settingsKeys = {
  /** Seconds without a touch before the idle warning appears. @default 90 */
  'idle.timeoutSeconds': z.number().int().min(15).max(3600).default(90),
  /** Seconds the idle warning counts down before the kiosk resets to attract. @default 15 */
  'idle.warningSeconds': z.number().int().min(5).max(120).default(15),
  /** Language a new visit starts in. @default "zh-CN" */
  'locale.default': uiLocaleSchema.default('zh-CN'),
  /** Hall rendering quality; `auto` adapts to the frame rate. @default "auto" */
  'render.quality': z.enum(RENDER_QUALITIES).default('auto'),
  /** Install packs that carry no signature (the refusal message tells staff how to sign instead). @default false */
  'packs.acceptUnsigned': z.boolean().default(false),
  /** Loudness of narration, mascot greetings and sounds, from 0 (silent) to 1 (full). @default 0.8 */
  'audio.volume': z.number().min(0).max(1).default(0.8),
  /** Days of visitor analytics kept in the data folder; older day files are deleted when the kiosk starts and each new day. @default 90 */
  'analytics.retentionDays': z.number().int().min(1).max(3650).default(90),
} as const;

export type SettingsKey = keyof typeof settingsKeys;
export type Settings = { [K in SettingsKey]: z.output<(typeof settingsKeys)[K]> };

export const SETTINGS_KEYS = Object.keys(settingsKeys) as SettingsKey[];

export function isSettingsKey(key: string): key is SettingsKey {
  return Object.hasOwn(settingsKeys, key);
}

/** The document as stored on disk: flat dotted keys plus a schema version for future migrations. */
export const settingsDocumentSchema = z
  .object({
    schemaVersion: z.literal(1),
    ...settingsKeys,
  });

export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;

export function defaultSettingsDocument(): SettingsDocument {
  return settingsDocumentSchema.parse({ schemaVersion: 1 });
}
