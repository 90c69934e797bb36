// Encodes MP3 on worker threads, one per core: lamejs is the slowest step of a content build, and one thread
// would leave the second core idle.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { encodeMp3 } from './mp3-encode';
import { LAME_ENCODER_DELAY, withInfoTag } from './mp3-info-tag';

/** Encodes like encodeMp3 (the same bytes), on a worker thread. */
export type Mp3Encode = (samples: Int16Array, sampleRate: number, kbps: number) => Promise<Uint8Array>;

/*
 * The worker is given as source text because the content tools run as one esbuild bundle, where no separate
 * worker module exists to point at. It loads lamejs's IIFE build (which defines a global `lamejs`) from
 * node_modules and returns the bare frames; the Info tag is added on the main thread, as encodeMp3 does.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { runInThisContext } = require('node:vm');
const lame = runInThisContext(readFileSync(workerData.lamejs, 'utf8') + '\\n;lamejs', { filename: workerData.lamejs });
parentPort.on('message', (job) => {
  const encoder = new lame.Mp3Encoder(1, job.sampleRate, job.kbps);
  const parts = [];
  for (let at = 0; at < job.samples.length; at += ${1152 * 16}) parts.push(encoder.encodeBuffer(job.samples.subarray(at, at + ${1152 * 16})));
  parts.push(encoder.flush());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  parentPort.postMessage({ id: job.id, bytes: out }, [out.buffer]);
});
`;

interface Job {
  readonly id: number;
  readonly samples: Int16Array;
  readonly sampleRate: number;
  readonly kbps: number;
  readonly resolve: (bytes: Uint8Array) => void;
  readonly reject: (error: Error) => void;
}

/**
 * lamejs's IIFE build, looked up from this module (or the bundle it is in) and then from the working folder;
 * null where neither reaches node_modules, and then encoding stays on this thread.
 */
function lamejsScript(): string | null {
  for (const from of [import.meta.url, path.join(process.cwd(), 'package.json')]) {
    try {
      return createRequire(from).resolve('@breezystack/lamejs');
    } catch {
      // try the next place
    }
  }
  return null;
}

/** Threads of the shared pool: the machines this runs on have two cores. */
const THREADS = 2;

/**
 * Workers are started on first use and kept for the life of the process, so lamejs is compiled and warmed up
 * once per thread, not once per call; an idle worker is unref'd and never keeps the process alive.
 */
function startPool(script: string, threads: number): Mp3Encode {
  const queue: Job[] = [];
  const idle: Worker[] = [];
  const running = new Map<Worker, Job>();
  let nextId = 0;
  let failure: Error | null = null;

  /** A broken thread fails its job, everything queued and everything asked later: nothing waits forever. */
  const fail = (error: Error): void => {
    failure ??= new Error(`MP3 encoder thread failed: ${error.message}`);
    for (const job of [...running.values(), ...queue.splice(0)]) job.reject(failure);
    running.clear();
  };

  const dispatch = (): void => {
    while (idle.length && queue.length) {
      const worker = idle.pop();
      const job = queue.shift();
      if (!worker || !job) return;
      running.set(worker, job);
      worker.ref();
      // A copy goes to the worker, so the caller's samples stay usable.
      worker.postMessage({ id: job.id, samples: job.samples.slice(), sampleRate: job.sampleRate, kbps: job.kbps });
    }
  };
  for (let i = 0; i < threads; i++) {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { lamejs: script } });
    worker.on('message', (message: { id: number; bytes: Uint8Array }) => {
      const job = running.get(worker);
      running.delete(worker);
      worker.unref();
      idle.push(worker);
      if (job) {
        try {
          job.resolve(withInfoTag(message.bytes, job.samples.length, LAME_ENCODER_DELAY));
        } catch (error) {
          job.reject(error instanceof Error ? error : new Error(String(error)));
        }
      }
      dispatch();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`it exited with code ${code}`)));
    worker.unref();
    idle.push(worker);
  }

  return (samples, sampleRate, kbps) =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      queue.push({ id: nextId++, samples, sampleRate, kbps, resolve, reject });
      dispatch();
    });
}

let shared: Mp3Encode | undefined;

/** The process's MP3 encoder: two worker threads, or this thread where lamejs cannot be found on disk. */
export function mp3Encoder(): Mp3Encode {
  if (!shared) {
    const script = lamejsScript();
    shared = script?.endsWith('.iife.js') ? startPool(script, THREADS) : encodeMp3;
  }
  return shared;
}
