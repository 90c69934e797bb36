// Shared helpers for the pack source tests: temp folders, zips written to disk, and stream readers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { PackProblem } from '../../../../electron/core/packs/problems';
import { openPackSource } from '../../../../electron/core/packs/source/open-pack-source';
import { DEFAULT_PACK_LIMITS, PackStreamError } from '../../../../electron/core/packs/source/pack-source';
import type { PackLimits, PackSource } from '../../../../electron/core/packs/source/pack-source';
import { buildZip } from './raw-zip';
import type { RawEntry } from './raw-zip';

const created: string[] = [];
const sources: PackSource[] = [];

export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sunrise-source-'));
  created.push(dir);
  return dir;
}

/** Closes every source opened through `openOk` and deletes every temp folder; call from afterEach. */
export async function cleanUp(): Promise<void> {
  for (const source of sources.splice(0)) await source.close();
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** Writes a zip (entries, or ready-made bytes) to a fresh temp folder and returns its path. */
export async function writeZip(content: readonly RawEntry[] | Buffer, name = 'pack.zip'): Promise<string> {
  const file = join(await makeTempDir(), name);
  await writeFile(file, Buffer.isBuffer(content) ? content : buildZip(content));
  return file;
}

export const limits = (overrides: Partial<PackLimits>): PackLimits => ({ ...DEFAULT_PACK_LIMITS, ...overrides });

/** Opens `location`, failing the test with the problems if it is refused. */
export async function openOk(location: string, packLimits?: PackLimits): Promise<PackSource> {
  const result = await openPackSource(location, packLimits);
  if (!result.ok) expect.fail(`expected ${location} to open, got ${JSON.stringify(result.problems, null, 2)}`);
  sources.push(result.source);
  return result.source;
}

/** Opens `location` expecting a refusal, and returns its problems. */
export async function problemsOf(location: string, packLimits?: PackLimits): Promise<readonly PackProblem[]> {
  const result = await openPackSource(location, packLimits);
  if (result.ok) {
    sources.push(result.source);
    expect.fail(`expected ${location} to be refused; it opened with ${result.source.entries.length} entries`);
  }
  return result.problems;
}

/** The distinct codes among `problems`, sorted. */
export const codesOf = (problems: readonly PackProblem[]): string[] => [...new Set(problems.map((p) => p.code))].sort();

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Reads `stream` to the end expecting it to fail, and returns its PackStreamError. */
export async function streamFailure(stream: Readable): Promise<PackStreamError> {
  try {
    await readAll(stream);
  } catch (error) {
    expect(error).toBeInstanceOf(PackStreamError);
    return error as PackStreamError;
  }
  return expect.fail('expected the stream to fail');
}

/** Awaits `promise` expecting a PackStreamError rejection, and returns it. */
export async function rejection(promise: Promise<unknown>): Promise<PackStreamError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PackStreamError);
    return error as PackStreamError;
  }
  return expect.fail('expected a rejection');
}
