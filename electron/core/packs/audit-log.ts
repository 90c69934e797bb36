// Append-only audit trail of staff operations (pack imports, refusals, activations; pledge moderation) in the data folder.
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';

export const AUDIT_FILE = 'audit.log';

export interface AuditEntry {
  readonly action: 'import' | 'activate' | 'rollback' | 'trust-add' | 'trust-remove' | 'pledge-hide' | 'pledge-show' | 'pledge-clear';
  readonly outcome: 'ok' | 'refused' | 'failed';
  /** Where the pack came from (a USB path) or which pack was acted on. */
  readonly source: string;
  readonly pack?: string;
  readonly code?: string;
  /** The offending entry or JSON path; for pledge moderation, the pledge id or the wall's exhibit id. */
  readonly entry?: string;
  readonly message?: string;
}

/**
 * One JSON line per entry, fsynced: staff rely on it to learn why a stick was refused, and a line
 * lost to a power cut right after a refusal would be exactly the one they need.
 */
export async function appendAudit(dataDir: string, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const handle = await open(join(dataDir, AUDIT_FILE), 'a');
  try {
    await handle.write(JSON.stringify({ t: now.toISOString(), ...entry }) + '\n');
    await handle.sync();
  } finally {
    await handle.close();
  }
}
