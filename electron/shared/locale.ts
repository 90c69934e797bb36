// Locales the kiosk ships UI strings for, and the per-locale text type content uses.
import { z } from 'zod';

export const UI_LOCALES = ['zh-CN', 'en'] as const;
export const uiLocaleSchema = z.enum(UI_LOCALES);
export type UiLocale = z.infer<typeof uiLocaleSchema>;

/** A BCP 47-ish tag as packs use them (`zh-CN`, `en`). */
export const localeTagSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z][a-zA-Z]{1,3})?$/, 'expected a locale tag such as zh-CN or en');

/** Text given per locale; the UI falls back to the pack's default locale when one is missing. */
export const localizedTextSchema = z.record(localeTagSchema, z.string().min(1));
export type LocalizedText = z.infer<typeof localizedTextSchema>;
