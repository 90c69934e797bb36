// Import benchmark: imports a large pack of incompressible bytes with the real CLI and reports throughput as a ratio to cp + sync + sha256sum, and peak RSS.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createCipheriv, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listFilesInManifest, writeFixturePackDir } from '../fixtures/packs/make-fixture-pack';

const MIB = 1024 ** 2;
/** Peak resident memory allowed for an import (issue 3: "a 1 GiB pack imports with peak memory under 200 MB"). */
const RSS_LIMIT_MIB = 200;
/** The importer keeps this much disk free (DEFAULT_DISK_RESERVE_BYTES) and refuses a pack that would eat into it. */
const IMPORT_RESERVE_BYTES = 2 * 1024 ** 3;
const CHUNK_BYTES = 8 * MIB;
const USAGE = 'Usage: npm run bench -- [--size-mib N] [--files N]   (defaults: 1024 MiB in 64 files)';

/** Where the repository is: the runner passes it, since this file runs from a temporary bundle. */
const ROOT = process.env.SUNRISE_BENCH_ROOT ?? fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'out', 'cli', 'index.js');

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

interface Row {
  readonly source: string;
  readonly step: string;
  readonly seconds: number;
  readonly detail: string;
  readonly peakRssMib?: number;
}

const children = new Set<ChildProcess>();
let tempRoot: string | undefined;

/** Removes everything the benchmark wrote; safe to call more than once, and from a signal handler. */
function cleanUpSync(): void {
  for (const child of children) child.kill('SIGKILL');
  if (tempRoot !== undefined) rmSync(tempRoot, { recursive: true, force: true });
  tempRoot = undefined;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.once('error', (error) => {
      children.delete(child);
      reject(error);
    });
    child.once('close', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** Runs a command that must succeed; throws with its output otherwise. */
async function must(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<Run> {
  const result = await run(command, args, env);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.signal ?? `exit ${result.code}`}):\n${result.stderr}${result.stdout}`);
  return result;
}

const cli = (args: readonly string[]): Promise<Run> => must(process.execPath, [CLI, ...args]);

function positiveInt(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a whole number ≥ 1, not "${text}".`);
  return value;
}

class UsageError extends Error {}

/**
 * Writes `bytes` of AES-CTR keystream (incompressible, and far faster than randomBytes) to `file`,
 * starting with an MP4 'ftyp' box so the importer's content check accepts it as video/mp4.
 */
async function writeIncompressible(file: string, bytes: number): Promise<void> {
  const cipher = createCipheriv('aes-128-ctr', randomBytes(16), randomBytes(16));
  const zeros = Buffer.alloc(CHUNK_BYTES);
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  for (let written = 0; written < bytes; ) {
    const chunk = cipher.update(zeros.subarray(0, Math.min(CHUNK_BYTES, bytes - written)));
    if (written === 0) chunk.write('\u0000\u0000\u0000\u0018ftypisom', 0, 'latin1');
    written += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await done;
}

/** Peak RSS of a child: GNU time when it works here, else a preload that reports Node's own maxRSS at exit. */
async function rssProbe(base: string): Promise<{ readonly how: string; wrap(args: readonly string[]): Promise<{ run: Run; peakRssMib: number }> }> {
  const gnuTime = '/usr/bin/time';
  if (existsSync(gnuTime)) {
    const check = await run(gnuTime, ['-v', 'true']).catch(() => null);
    if (check?.code === 0 && /Maximum resident set size \(kbytes\): \d+/.test(check.stderr)) {
      return {
        how: `${gnuTime} -v (max RSS of the node process)`,
        async wrap(args) {
          const result = await must(gnuTime, ['-v', process.execPath, ...args]);
          const kib = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
          return { run: result, peakRssMib: kib / 1024 };
        },
      };
    }
  }
  const preload = join(base, 'report-max-rss.cjs');
  await writeFile(preload, "const fs = require('node:fs');\nprocess.on('exit', () => fs.writeFileSync(process.env.SUNRISE_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
  return {
    how: 'process.resourceUsage().maxRSS reported by a --require preload at exit',
    async wrap(args) {
      const out = join(base, `rss-${Date.now()}.txt`);
      const result = await must(process.execPath, ['--require', preload, ...args], { ...process.env, SUNRISE_BENCH_RSS_FILE: out });
      const kib = Number(await readFile(out, 'utf8'));
      return { run: result, peakRssMib: kib / 1024 };
    },
  };
}

/** Flushes dirty pages left by earlier steps (untimed), so one step's writeback is not billed to the next. */
const settle = (): Promise<Run> => must('sync', []);

/** The reference: copy durably (cp, then sync of the copies) and hash the copies, with standard tools. */
async function reference(source: string, copy: string, files: readonly string[]): Promise<{ seconds: number; detail: string }> {
  await settle();
  const cp = await must('cp', ['-r', source, copy]);
  const sync = await must('sync', files);
  const hash = await must('sha256sum', files);
  const seconds = cp.seconds + sync.seconds + hash.seconds;
  return { seconds, detail: `cp ${cp.seconds.toFixed(2)} s + sync ${sync.seconds.toFixed(2)} s + sha256sum ${hash.seconds.toFixed(2)} s` };
}

async function importInto(base: string, name: string, source: string, probe: Awaited<ReturnType<typeof rssProbe>>): Promise<{ seconds: number; peakRssMib: number; detail: string }> {
  const data = join(base, name);
  await cli(['settings', 'set', 'packs.acceptUnsigned', 'true', '--data', data]);
  await settle();
  const { run: result, peakRssMib } = await probe.wrap([CLI, 'pack', 'import', source, '--data', data, '--json']);
  const report = JSON.parse(result.stdout) as { ok: boolean; stats: { files: number; bytes: number } };
  if (!report.ok) throw new Error(`pack import ${source} was refused:\n${result.stdout}`);
  const listed = JSON.parse((await cli(['pack', 'list', '--data', data, '--json'])).stdout) as { id: string; active: boolean }[];
  if (!listed.some((pack) => pack.id === 'bench-pack' && pack.active)) throw new Error(`bench-pack is not active after importing ${source}`);
  await rm(data, { recursive: true, force: true });
  return { seconds: result.seconds, peakRssMib, detail: `${report.stats.files} files, node + CLI start-up included` };
}

function printTable(rows: readonly Row[], payloadMib: number): void {
  const header = ['source', 'step', 'time s', 'MiB/s', 'import/ref', 'peak RSS MiB', 'detail'];
  const refBySource = new Map(rows.filter((r) => r.step.startsWith('reference')).map((r) => [r.source, r.seconds]));
  const lines = rows.map((row) => {
    const ref = refBySource.get(row.source);
    const ratio = row.step.startsWith('reference') || ref === undefined ? '' : `${(ref / row.seconds).toFixed(2)}×`;
    return [row.source, row.step, row.seconds.toFixed(2), (payloadMib / row.seconds).toFixed(0), ratio, row.peakRssMib === undefined ? '' : row.peakRssMib.toFixed(1), row.detail];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: readonly string[]): string => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  console.log(format(header));
  for (const line of lines) console.log(format(line));
  console.log('import/ref = import throughput ÷ reference throughput (above 1: the import is faster than cp + sync + sha256sum).');
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'size-mib': { type: 'string' }, files: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sizeMib = positiveInt(values['size-mib'], 1024, 'size-mib');
  const fileCount = positiveInt(values.files, 64, 'files');
  if (!existsSync(CLI)) throw new UsageError(`${CLI} is missing: run \`npm run build\` first (\`npm run bench\` builds it).`);

  const sizeBytes = sizeMib * MIB;
  const fs = await statfs(tmpdir());
  const free = fs.bavail * fs.bsize;
  // The folder pack, its zip, and one copy or import at a time; plus the reserve the importer insists on.
  const needed = 3 * sizeBytes + IMPORT_RESERVE_BYTES;
  if (free < needed) {
    console.error(`Not enough free space in ${tmpdir()}: the benchmark needs ${Math.ceil(needed / MIB)} MiB (3 × ${sizeMib} MiB, plus the ${IMPORT_RESERVE_BYTES / MIB} MiB the importer keeps free) and only ${Math.floor(free / MIB)} MiB are free. Try a smaller --size-mib.`);
    return 2;
  }

  tempRoot = await mkdtemp(join(tmpdir(), 'sunrise-bench-'));
  const base = tempRoot;
  console.log(`Import benchmark: ${sizeMib} MiB of incompressible bytes in ${fileCount} .mp4 files (stored in the zip), under ${base}`);
  console.log(`node ${process.version}, ${cpus().length} CPUs, ${Math.floor(free / MIB)} MiB free; every step starts after a sync, with a warm page cache.`);

  let started = performance.now();
  const packDir = await writeFixturePackDir(join(base, 'pack'), { id: 'bench-pack', version: '1.0.0', title: { 'zh-CN': '基准测试', en: 'Benchmark' } });
  await mkdir(join(packDir, 'media'), { recursive: true });
  const perFile = Math.floor(sizeBytes / fileCount);
  for (let i = 0; i < fileCount; i++) {
    const bytes = i === fileCount - 1 ? sizeBytes - perFile * (fileCount - 1) : perFile;
    await writeIncompressible(join(packDir, 'media', `clip-${String(i).padStart(3, '0')}.mp4`), bytes);
  }
  await listFilesInManifest(packDir);
  const zip = join(base, 'pack.zip');
  const build = await cli(['pack', 'build', packDir, '-o', zip]);
  const manifest = JSON.parse(await readFile(join(packDir, 'manifest.json'), 'utf8')) as { files: { path: string; size: number }[] };
  const payloadBytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
  const payloadMib = payloadBytes / MIB;
  console.log(`Generated and built in ${((performance.now() - started) / 1000).toFixed(1)} s (pack build ${build.seconds.toFixed(1)} s); payload ${payloadMib.toFixed(1)} MiB in ${manifest.files.length} files.`);

  const probe = await rssProbe(base);
  console.log(`Peak RSS measured with ${probe.how}.\n`);
  const rows: Row[] = [];
  started = performance.now();

  const refZip = join(base, 'ref.zip');
  const zipRef = await reference(zip, refZip, [refZip]);
  await rm(refZip, { force: true });
  rows.push({ source: 'zip', step: 'reference', seconds: zipRef.seconds, detail: zipRef.detail });
  const zipImport = await importInto(base, 'data-zip', zip, probe);
  rows.push({ source: 'zip', step: 'pack import', ...zipImport });

  const refDir = join(base, 'ref-dir');
  const folderRef = await reference(packDir, refDir, ['manifest.json', ...manifest.files.map((f) => f.path)].map((p) => join(refDir, ...p.split('/'))));
  await rm(refDir, { recursive: true, force: true });
  rows.push({ source: 'folder', step: 'reference', seconds: folderRef.seconds, detail: folderRef.detail });
  const folderImport = await importInto(base, 'data-folder', packDir, probe);
  rows.push({ source: 'folder', step: 'pack import', ...folderImport });

  printTable(rows, payloadMib);
  const worst = Math.max(zipImport.peakRssMib, folderImport.peakRssMib);
  const verdict = worst < RSS_LIMIT_MIB ? 'PASS' : 'FAIL';
  console.log(`\n${verdict}: peak RSS ${worst.toFixed(1)} MiB (limit: under ${RSS_LIMIT_MIB} MiB). Measured in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return verdict === 'PASS' ? 0 : 1;
}

// `on`, not `once`: a second Ctrl-C (or the runner forwarding the first) must not kill us mid-cleanup.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (tempRoot === undefined) process.exit(130);
    console.error(`\n${signal}: removing the benchmark's temporary files…`);
    cleanUpSync();
    process.exit(130);
  });
}

main().then(
  (code) => {
    cleanUpSync();
    process.exitCode = code;
  },
  (error: unknown) => {
    cleanUpSync();
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`FAIL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    }
  },
);
