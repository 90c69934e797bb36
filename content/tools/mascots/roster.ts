// The six launch mascots of the Strivers Alliance, in roster order: ids (fixed; other code depends on them) and signature colours.
import { beibei } from './characters/beibei';
import { dash } from './characters/dash';
import { gauge } from './characters/gauge';
import { jin } from './characters/jin';
import { navi } from './characters/navi';
import { spark } from './characters/spark';
import type { MascotSpec } from './spec';

export const MASCOT_IDS = ['dash', 'beibei', 'gauge', 'spark', 'jin', 'navi'] as const;
export type MascotId = (typeof MASCOT_IDS)[number];

export const MASCOT_SPECS: Readonly<Record<MascotId, MascotSpec>> = { dash, beibei, gauge, spark, jin, navi };

/** Signature colours (the main vertex colour of each model's `body` node), `#RRGGBB`. */
export const MASCOT_COLOURS: Readonly<Record<MascotId, string>> = Object.fromEntries(MASCOT_IDS.map((id) => [id, MASCOT_SPECS[id].palette.body])) as Record<MascotId, string>;
