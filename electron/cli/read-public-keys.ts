// Reads `--trust NAME.pub` files for `pack validate`, which checks signatures without a data folder.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { keyIdOf } from '../core/packs/signing';
import type { TrustedKey } from '../core/packs/signing';
import { describeError } from '../core/store/fs-error';
import type { CommandIo } from './io';

/** The keys in `files`, or null (after printing why) when one cannot be read or is not an Ed25519 public key. */
export async function readPublicKeyFiles(files: readonly string[], io: CommandIo): Promise<TrustedKey[] | null> {
  const keys: TrustedKey[] = [];
  for (const file of files) {
    try {
      const publicKeyPem = await readFile(file, 'utf8');
      keys.push({ keyId: keyIdOf(publicKeyPem), name: basename(file), publicKeyPem, addedAt: new Date(0).toISOString() });
    } catch (error) {
      io.stderr(`--trust ${file}: ${describeError(error)} (expected an Ed25519 public key made by \`sunrise-hall pack keygen\`).`);
      return null;
    }
  }
  return keys;
}
