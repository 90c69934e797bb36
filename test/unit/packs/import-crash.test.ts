// Kill-during-import: SIGKILLs the real CLI at many points of an import; the data folder must always hold the old or the new pack, never a mix.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log/logger';
import { openPackStore, STAGING_PREFIX } from '../../../electron/core/packs/pack-store';
import { manifestSchema } from '../../../electron/shared/manifest';
import { listFilesInManifest, writeFixturePackDir } from '../../fixtures/packs/make-fixture-pack';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'out', 'cli', 'index.js');
const OLD = '1.0.0';
const NEW = '2.0.0';
const BLOB_COUNT = 40;
const BLOB_BYTES = 2 * 1024 ** 2;
const MIB = 1024 ** 2;
/** Random delays are drawn from this seed; set SUNRISE_KILL_SEED to replay a failing run. */
const SEED = Number(process.env.SUNRISE_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a tiny seeded PRNG, so a failing random kill can be replayed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const random = seededRandom(SEED);

interface SourcePack {
  readonly dir: string;
  readonly manifestBytes: Buffer;
  readonly files: readonly { path: string; size: number; sha256: string }[];
}

/** What the data folder looked like at one instant, as seen from outside the importing process. */
interface Probe {
  readonly lock: boolean;
  readonly staging: boolean;
  /** Bytes in the staging folder (0 when there is none). */
  readonly staged: number;
  /** The final `mini-expo@2.0.0` folder exists. */
  readonly installed: boolean;
  /** The version active.json names, or null when it is missing or unreadable. */
  readonly pointer: string | null;
  /** The highest version of the pack active.json records as installed. */
  readonly highest: string | null;
  /** Temp files of interrupted durable writes (`.active.json.<pid>-<hex>.tmp`). */
  readonly temps: readonly string[];
}

interface Scenario {
  readonly name: string;
  /** Kill as soon as a probe of the data folder satisfies `until`, or `delayMs()` ms after spawning. */
  readonly when: { readonly until: (probe: Probe) => boolean } | { readonly delayMs: () => number };
  /** The import cannot have finished before this trigger, so the kill must land. */
  readonly mustKill: boolean;
}

interface Outcome {
  readonly name: string;
  readonly killed: boolean;
  readonly atDeath: Probe;
  readonly activeAfter: string;
  readonly reimport: 'installed' | 'alreadyInstalled';
}

let base: string;
let template: string;
let oldPack: SourcePack;
let newPack: SourcePack;
let newBytes: number;
/** Spawn-to-exit time of one uninterrupted import of the new pack; random kills are drawn from it. */
let fullImportMs = 0;
const running = new Set<ChildProcess>();
const outcomes: Outcome[] = [];

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { maxBuffer: 16 * MIB }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

async function readSource(dir: string): Promise<SourcePack> {
  const manifestBytes = await readFile(join(dir, 'manifest.json'));
  const manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  return { dir, manifestBytes, files: manifest.files };
}

async function probe(packsDir: string): Promise<Probe> {
  const names = await readdir(packsDir).catch(() => [] as string[]);
  const stagingName = names.find((name) => name.startsWith(STAGING_PREFIX));
  let staged = 0;
  if (stagingName !== undefined) {
    try {
      const entries = await readdir(join(packsDir, stagingName), { recursive: true, withFileTypes: true });
      const sizes = await Promise.all(entries.filter((e) => e.isFile()).map((e) => stat(join(e.parentPath, e.name)).then((s) => s.size, () => 0)));
      staged = sizes.reduce((sum, size) => sum + size, 0);
    } catch {
      // Renamed into place (or removed) while we looked.
    }
  }
  let pointer: string | null = null;
  let highest: string | null = null;
  try {
    const document = JSON.parse(await readFile(join(packsDir, 'active.json'), 'utf8')) as { active?: { version?: string } | null; highest?: Record<string, string> };
    pointer = document.active?.version ?? null;
    highest = document.highest?.['mini-expo'] ?? null;
  } catch {
    // Missing, or caught between two writes: the trigger just polls again.
  }
  const temps = names.filter((name) => name.endsWith('.tmp'));
  return { lock: names.includes('.import.lock'), staging: stagingName !== undefined, staged, installed: names.includes(`mini-expo@${NEW}`), pointer, highest, temps };
}

/** Every file under `dir`, relative and `/`-separated, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')).sort();
}

/** The installed folder holds exactly the source pack: its manifest bytes, every listed file by sha256, nothing else. */
async function expectExactCopy(dir: string, source: SourcePack, label: string): Promise<void> {
  expect(await readFile(join(dir, 'manifest.json')), `${label}: manifest.json`).toEqual(source.manifestBytes);
  expect(await filesUnder(dir), `${label}: file list`).toEqual(['manifest.json', ...source.files.map((f) => f.path)].sort());
  for (const file of source.files) {
    const bytes = await readFile(join(dir, ...file.path.split('/')));
    expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }, `${label}: ${file.path}`).toEqual({ size: file.size, sha256: file.sha256 });
  }
}

/**
 * Opens the data folder as the kiosk does at start (openPackStore + cleanUp) and checks it: the pointer
 * parses, the active pack is exactly the old or exactly the new one, every installed version is complete,
 * and no staging folder is left. Returns the active version.
 */
async function expectConsistent(dataDir: string, label: string): Promise<string> {
  const packsDir = join(dataDir, 'packs');
  const raw = JSON.parse(await readFile(join(packsDir, 'active.json'), 'utf8')) as { active: { id: string; version: string } | null };
  const logger = createMemoryLogger();
  const store = await openPackStore(dataDir, logger);
  await store.cleanUp();
  const active = await store.active();
  expect(logger.entries.filter((e) => e.level === 'error'), `${label}: store errors`).toEqual([]);
  expect(active?.ref, `${label}: active pack`).toEqual(raw.active);
  const version = active?.ref.version ?? 'none';
  expect([OLD, NEW], `${label}: active version`).toContain(version);
  expect(active?.ref.id).toBe('mini-expo');
  await expectExactCopy(active?.dir ?? '', version === NEW ? newPack : oldPack, `${label}: active ${version}`);
  const names = await readdir(packsDir);
  expect(names.filter((n) => n.startsWith(STAGING_PREFIX)), `${label}: staging left after cleanUp`).toEqual([]);
  expect(names.filter((n) => n.endsWith('.tmp')), `${label}: stale pointer temp files left after opening`).toEqual([]);
  // A version folder exists only once it was complete (it is renamed in from staging), killed or not.
  for (const name of names.filter((n) => n.startsWith('mini-expo@'))) {
    await expectExactCopy(join(packsDir, name), name === `mini-expo@${NEW}` ? newPack : oldPack, `${label}: installed ${name}`);
  }
  return version;
}

/** Starts `pack import NEW --data dataDir`, resolving with how it ended. */
function startImport(dataDir: string): { child: ChildProcess; exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, 'pack', 'import', newPack.dir, '--data', dataDir, '--json'], { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stderr });
    });
  });
  return { child, exit };
}

/** A fresh copy of the template data folder: settings accept unsigned packs, the old version is active. */
async function freshDataDir(name: string): Promise<string> {
  const dataDir = join(base, 'runs', name);
  await cp(template, dataDir, { recursive: true });
  return dataDir;
}

async function killDuringImport(scenario: Scenario): Promise<void> {
  const dataDir = await freshDataDir(scenario.name.replace(/[^a-z0-9]+/gi, '-'));
  const packsDir = join(dataDir, 'packs');
  const { child, exit } = startImport(dataDir);
  let exited = false;
  void exit.then(() => (exited = true));
  const { when } = scenario;
  if ('delayMs' in when) {
    const delay = when.delayMs();
    await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, delay))]);
  } else {
    // Poll the folder from outside, as a watchdog would; the import runs in its own process meanwhile.
    while (!exited && !when.until(await probe(packsDir)));
  }
  child.kill('SIGKILL');
  const end = await exit;
  const killed = end.signal === 'SIGKILL';
  if (!killed) expect(end, `${scenario.name}: the import finished on its own, so it must have succeeded`).toMatchObject({ code: 0 });
  if (scenario.mustKill) expect(killed, `${scenario.name}: the import ended before the trigger (${end.stderr})`).toBe(true);
  const atDeath = await probe(packsDir);
  // A pointer write cut short leaves its temp file; the store removes such files once they are a minute
  // old (younger ones may be another process's write in progress), so age them instead of waiting.
  const longAgo = new Date(Date.now() - 120_000);
  for (const temp of atDeath.temps) await utimes(join(packsDir, temp), longAgo, longAgo);

  const activeAfterKill = await expectConsistent(dataDir, `${scenario.name} after the kill`);
  // The killed process's lock is still there (unless it got as far as releasing it); it must not block.
  if (killed && atDeath.staging) expect(atDeath.lock, `${scenario.name}: lock left by the killed import`).toBe(true);

  const again = await runCli(['pack', 'import', newPack.dir, '--data', dataDir, '--json']);
  expect(again.code, `${scenario.name}: re-import (${again.stderr})`).toBe(0);
  const result = JSON.parse(again.stdout) as { ok: boolean; activated: boolean; alreadyInstalled: boolean };
  expect(result).toMatchObject({ ok: true, activated: true });
  if (activeAfterKill === NEW) expect(result.alreadyInstalled, `${scenario.name}: new version was already active`).toBe(true);
  expect(existsSync(join(packsDir, '.import.lock')), `${scenario.name}: lock released after the re-import`).toBe(false);
  expect(await expectConsistent(dataDir, `${scenario.name} after the re-import`)).toBe(NEW);

  outcomes.push({ name: scenario.name, killed, atDeath, activeAfter: activeAfterKill, reimport: result.alreadyInstalled ? 'alreadyInstalled' : 'installed' });
  await rm(dataDir, { recursive: true, force: true });
}

/** Drawn once, so the threshold is fixed for the whole run of that scenario. */
const MID_FRACTION = 0.5 + 0.25 * random();
const SCENARIOS: Scenario[] = [
  { name: 'lock taken, nothing staged yet', when: { until: (p) => p.lock }, mustKill: true },
  { name: 'staging folder just created', when: { until: (p) => p.staging }, mustKill: true },
  { name: 'first MiB staged', when: { until: (p) => p.staged >= MIB }, mustKill: true },
  { name: '25% staged', when: { until: (p) => p.staged >= 0.25 * newBytes }, mustKill: true },
  { name: `${Math.round(MID_FRACTION * 100)}% staged (random)`, when: { until: (p) => p.staged >= MID_FRACTION * newBytes }, mustKill: true },
  { name: '90% staged', when: { until: (p) => p.staged >= 0.9 * newBytes }, mustKill: true },
  { name: 'every byte staged, before the rename', when: { until: (p) => p.staged >= newBytes || p.installed }, mustKill: false },
  { name: 'version folder renamed in, not yet recorded', when: { until: (p) => p.installed }, mustKill: false },
  { name: 'new version recorded as installed, pointer not yet switched', when: { until: (p) => p.highest === NEW }, mustKill: false },
  { name: 'pointer switched to the new version', when: { until: (p) => p.pointer === NEW }, mustKill: false },
  ...[1, 2, 3, 4].map((n): Scenario => ({ name: `random delay #${n}`, when: { delayMs: () => Math.round(random() * fullImportMs) }, mustKill: false })),
];

describe(`kill -9 during pack import (SUNRISE_KILL_SEED=${SEED})`, () => {
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test builds before the unit tests).`);
    base = await mkdtemp(join(tmpdir(), 'sunrise-crash-'));
    const oldDir = await writeFixturePackDir(join(base, 'old'), { version: OLD });
    await listFilesInManifest(oldDir);
    const blobs = Object.fromEntries(Array.from({ length: BLOB_COUNT }, (_, i) => [`media/blob-${String(i).padStart(2, '0')}.bin`, randomBytes(BLOB_BYTES)]));
    const newDir = await writeFixturePackDir(join(base, 'new'), { version: NEW, extraFiles: blobs });
    await listFilesInManifest(newDir);
    oldPack = await readSource(oldDir);
    newPack = await readSource(newDir);
    newBytes = newPack.files.reduce((sum, f) => sum + f.size, 0);

    template = join(base, 'template');
    expect((await runCli(['settings', 'set', 'packs.acceptUnsigned', 'true', '--data', template])).code).toBe(0);
    const first = await runCli(['pack', 'import', oldDir, '--data', template]);
    expect(first.code, first.stderr).toBe(0);
    expect(await expectConsistent(template, 'template')).toBe(OLD);

    // One uninterrupted import: the baseline works, and its duration bounds the random kills.
    const calibration = await freshDataDir('calibration');
    const started = performance.now();
    const end = await startImport(calibration).exit;
    fullImportMs = performance.now() - started;
    expect(end, end.stderr).toMatchObject({ code: 0, signal: null });
    expect(await expectConsistent(calibration, 'calibration')).toBe(NEW);
    await rm(calibration, { recursive: true, force: true });
  }, 30_000);

  afterEach(() => {
    for (const child of running) child.kill('SIGKILL');
  });

  afterAll(async () => {
    for (const child of running) child.kill('SIGKILL');
    if (base) await rm(base, { recursive: true, force: true });
  });

  for (const scenario of SCENARIOS) it(`SIGKILL: ${scenario.name}`, () => killDuringImport(scenario), 20_000);

  it('refuses a second import while one is copying (PACK_E_BUSY) without disturbing the first', async () => {
    const dataDir = await freshDataDir('concurrent');
    const packsDir = join(dataDir, 'packs');
    const { child, exit } = startImport(dataDir);
    let exited = false;
    void exit.then(() => (exited = true));
    while (!exited && (await probe(packsDir)).staged < 4 * MIB);
    // Freeze the first import mid-copy (it still holds the lock) so the second one surely overlaps it.
    expect(child.kill('SIGSTOP'), 'the first import ended before it could be paused').toBe(true);
    try {
      const second = await runCli(['pack', 'import', newPack.dir, '--data', dataDir, '--json']);
      expect(second.code, second.stderr).toBe(1);
      expect((JSON.parse(second.stdout) as { errors: { code: string }[] }).errors.map((e) => e.code)).toEqual(['PACK_E_BUSY']);
      // The second CLI's start-up cleanUp must not have taken the running import's staging folder.
      expect((await probe(packsDir)).staged).toBeGreaterThanOrEqual(4 * MIB);
    } finally {
      child.kill('SIGCONT');
    }
    const end = await exit;
    expect(end, end.stderr).toMatchObject({ code: 0, signal: null });
    expect(await expectConsistent(dataDir, 'concurrent')).toBe(NEW);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('killed the import at least 8 times, mid-copy as well as around activation', () => {
    const table = outcomes.map(
      ({ name, killed, atDeath: d, activeAfter, reimport }) =>
        `${killed ? 'killed' : 'exited'} staging=${d.staging ? `${(d.staged / MIB).toFixed(1)}MiB` : 'no'} folder=${d.installed} highest=${d.highest} pointer=${d.pointer}${d.temps.length ? ` temps=${d.temps.join(',')}` : ''} → active ${activeAfter}, re-import ${reimport}  (${name})`,
    );
    console.info(`kill-during-import, full import ${fullImportMs.toFixed(0)} ms, seed ${SEED}:\n  ${table.join('\n  ')}`);
    expect(outcomes).toHaveLength(SCENARIOS.length);
    expect(outcomes.filter((o) => o.killed).length).toBeGreaterThanOrEqual(8);
    expect(outcomes.some((o) => o.killed && o.atDeath.staging && o.atDeath.staged > MIB && o.atDeath.staged < newBytes)).toBe(true);
    expect(outcomes.some((o) => o.killed && o.activeAfter === OLD)).toBe(true);
  });
});
