// Refusal messages for settings, worded for staff at a terminal: what was wrong and what is allowed.
import { z } from 'zod';
import { SETTINGS_KEYS, settingsKeys } from '../../shared/settings';
import type { SettingsKey } from '../../shared/settings';

/**
 * What a key accepts, read from its schema so the message cannot drift from the rule.
 * @example describeAllowed('idle.timeoutSeconds') // 'an integer between 15 and 3600'
 * @example describeAllowed('render.quality') // 'one of "auto", "low", "medium", "high"'
 */
export function describeAllowed(key: SettingsKey): string {
  const inner: z.ZodType = settingsKeys[key].unwrap();
  if (inner instanceof z.ZodEnum) return `one of ${inner.options.map((option) => JSON.stringify(option)).join(', ')}`;
  if (inner instanceof z.ZodNumber) {
    const kind = inner.isInt ? 'an integer' : 'a number';
    const { minValue: min, maxValue: max } = inner;
    const finite = (n: number | null): n is number => n !== null && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER;
    if (finite(min) && finite(max)) return `${kind} between ${min} and ${max}`;
    if (finite(min)) return `${kind} of at least ${min}`;
    if (finite(max)) return `${kind} of at most ${max}`;
    return kind;
  }
  if (inner instanceof z.ZodBoolean) return 'true or false';
  if (inner instanceof z.ZodString) return 'a string';
  return 'a value its schema accepts';
}

/** @example badValueMessage('idle.timeoutSeconds', 'abc') // 'idle.timeoutSeconds must be an integer between 15 and 3600 (got "abc")' */
export function badValueMessage(key: SettingsKey, value: unknown): string {
  return `${key} must be ${describeAllowed(key)} (got ${shown(value)})`;
}

/** Names the unknown key and lists every valid one, since a typo is the usual cause. */
export function unknownKeyMessage(key: string): string {
  return `Unknown setting ${JSON.stringify(key)}. Valid keys: ${SETTINGS_KEYS.join(', ')}`;
}

/** The refused value as JSON, cut short so a pasted blob cannot flood the terminal or the log. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
