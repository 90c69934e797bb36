// Starts a private web host (own port, own data folder) for tests that change what the kiosk shows.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './e2e-env';

export interface OwnHost {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/**
 * Resolves once the host printed its address; rejects with its output if it exits first. Pass the
 * port and data folder of an earlier host to restart "the same kiosk".
 */
export async function startOwnHost(reuse?: { port: number; dataDir: string }, options: { bundledPacks?: boolean } = {}): Promise<OwnHost> {
  const dataDir = reuse?.dataDir ?? (await mkdtemp(join(tmpdir(), 'sunrise-e2e-own-')));
  const port = String(reuse?.port ?? 0);
  // Tests bring their own packs; the launch pack the app ships is installed only when a test asks for it.
  const bundled = options.bundledPacks === true ? [] : ['--no-bundled-packs'];
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--port', port, '--data', dataDir, ...bundled], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Sunrise Hall at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited (${code}): ${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Runs the real `sunrise-hall` CLI (the staff's tool) and returns what it printed. */
export function runCli(...args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: 'pipe' });
}
