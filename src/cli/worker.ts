/**
 * Checking many files: the result cache first, then the remaining files on every core — the
 * main thread and `jobs - 1` worker threads take files from one shared counter, so a few large
 * files do not leave a core idle. Worker threads run this same file as their own bundle
 * (`dist/worker.js`); without it (tests run from source) everything runs in the main thread.
 *
 * The main thread waits synchronously (Atomics.wait + receiveMessageOnPort), so the CLI stays a
 * plain synchronous program. No syntax tree or model leaves the thread that built it: only the
 * file report travels.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import {
  isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort,
} from 'node:worker_threads';
import type { Config } from '../core/config';
import { check } from '../core/index';
import { toCachedResult, type CachedResult } from '../core/incremental';
import { fileReport } from '../core/output/report';
import { contentHash, type ResultCache } from './cache';
import { MAX_BYTES, readText, type Target } from './files';

export type Outcome = { ok: true; result: CachedResult } | { ok: false; reason: string };

export interface CheckTargetsOptions {
  today: string;
  config: Config;
  /** Threads to use (main thread included); default: the machine's parallelism, at most 8. */
  jobs?: number;
  cache?: ResultCache | null;
  /** The worker bundle; default `worker.js` next to the running bundle. */
  workerFile?: string;
  /**
   * With nothing left to take, how long the main thread waits without any result arriving
   * before it checks the outstanding files itself (a worker that died cannot say so to a
   * thread that waits synchronously). Default 30 s; a late duplicate result is ignored.
   */
  stallMs?: number;
}

/** Below this much work, starting a worker costs more than it saves. */
const MIN_PARALLEL_FILES = 8;
const MIN_PARALLEL_BYTES = 512 * 1024;
const WORKER_ROLE = 'status-docs-worker';
const WORKER_YOUNG_MB = 16;
const HEAP_GROWING_PERCENT = 200;
const STALL_MS = 30_000;

interface WorkerInput {
  role: typeof WORKER_ROLE;
  files: string[];
  today: string;
  config: Config;
  counters: SharedArrayBuffer;
  port: MessagePort;
}

/** An outcome travels and waits as its JSON text: far smaller than the objects (see runParallel). */
interface WorkerMessage { index: number; json: string }

/** Checks one file from disk. Never throws. */
export function checkFile(abs: string, today: string, config: Config): Outcome {
  try {
    const read = readText(abs);
    if (!read.ok) return { ok: false, reason: read.reason };
    const { doc, findings, verdicts } = check(read.text, { today, config });
    return { ok: true, result: toCachedResult(fileReport('', doc, findings, verdicts)) };
  } catch (e) {
    return { ok: false, reason: `internal error while checking (${(e as Error).message})` };
  }
}

/**
 * A scan keeps little alive (one file's tree, the small reports) but makes a lot of garbage,
 * and V8 then lets each thread's heap grow to about four times its live size before it
 * collects: that headroom, per thread, is most of a scan's peak memory. Capping the growth at
 * three times the live size costs some more collections and never makes a file fail (the
 * heap's limit stays V8's). Measured on a 9.5 MB, 501-file part of the bench workspace (two
 * threads): no cap 478 MB; 300% 552 MB (noise); 200% 420–440 MB at about 0.7× the CPU time
 * of 100%, which held 343–365 MB. The flag is process-wide and read at each collection, so it
 * also holds for the worker threads.
 */
function limitHeapGrowth(): void {
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    // Not fatal: only memory.
  }
}

/** One outcome per target, in the order of `targets`. */
export function checkTargets(targets: readonly Target[], options: CheckTargetsOptions): Outcome[] {
  const outcomes: (Outcome | undefined)[] = new Array(targets.length);
  const hashes: (string | undefined)[] = new Array(targets.length);
  const cache = options.cache ?? null;
  let todo: number[] = targets.map((_, i) => i);
  let todoBytes = Infinity;

  if (cache) {
    todo = [];
    todoBytes = 0;
    targets.forEach((t, i) => {
      try {
        const size = statSync(t.abs).size;
        if (size <= MAX_BYTES) {
          const bytes = readFileSync(t.abs);
          const hash = contentHash(bytes);
          const hit = cache.get(hash);
          if (hit) { outcomes[i] = { ok: true, result: hit }; return; }
          hashes[i] = hash;
          todoBytes += size;
        }
      } catch {
        // Unreadable: checkFile says why.
      }
      todo.push(i);
    });
  }

  if (todo.length >= MIN_PARALLEL_FILES) limitHeapGrowth();
  const jobs = Math.max(1, Math.min(options.jobs ?? Math.min(availableParallelism(), 8), todo.length));
  const workerFile = options.workerFile ?? join(__dirname, 'worker.js');
  const parallel = jobs > 1 && todo.length >= MIN_PARALLEL_FILES && todoBytes >= MIN_PARALLEL_BYTES && existsSync(workerFile);
  if (parallel) {
    runParallel(targets, todo, jobs, workerFile, options, outcomes);
  } else {
    for (const i of todo) outcomes[i] = checkFile(targets[i]!.abs, options.today, options.config);
  }

  if (cache) {
    for (const i of todo) {
      const o = outcomes[i]!;
      if (o.ok && hashes[i]) cache.set(hashes[i]!, o.result);
    }
    cache.save();
  }
  return outcomes as Outcome[];
}

/**
 * While files are being checked, every finished outcome is kept as JSON text and turned back
 * into objects only at the end: the main thread checks files too, and a heap that both makes
 * a parser's garbage and holds thousands of reports grows to several times what it holds.
 * The text is what the result cache stores and reads back, so the results are the same.
 */
function runParallel(
  targets: readonly Target[], todo: number[], jobs: number, workerFile: string,
  options: CheckTargetsOptions, outcomes: (Outcome | undefined)[],
): void {
  const texts: (string | undefined)[] = new Array(todo.length);
  // counters[0]: next job to take; counters[1]: messages posted (the main thread waits on it).
  const counters = new SharedArrayBuffer(8);
  const c = new Int32Array(counters);
  const files = todo.map((i) => targets[i]!.abs);
  const workers: { worker: Worker; port: MessagePort }[] = [];
  for (let w = 0; w < jobs - 1; w++) {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { role: WORKER_ROLE, files, today: options.today, config: options.config, counters, port: port2 };
    // A smaller young generation than V8's default (48 MB per thread): every thread has a heap
    // of its own, and peak memory is the sum. It never makes a file fail (the old generation,
    // where a large document's tree ends up, keeps V8's limit).
    const worker = new Worker(workerFile, { workerData: input, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    worker.unref();
    workers.push({ worker, port: port1 });
  }
  let received = 0;
  let progressAt = Date.now();
  const stallMs = options.stallMs ?? STALL_MS;
  const accept = (m: WorkerMessage) => {
    if (texts[m.index] !== undefined) return;
    received++;
    progressAt = Date.now();
    texts[m.index] = m.json;
  };
  const here = (index: number): WorkerMessage => ({ index, json: JSON.stringify(checkFile(files[index]!, options.today, options.config)) });
  const drain = () => {
    for (const { port } of workers) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) accept(m.message as WorkerMessage);
    }
  };
  while (received < files.length) {
    drain();
    if (received >= files.length) break;
    const index = Atomics.add(c, 0, 1);
    if (index < files.length) {
      accept(here(index));
      continue;
    }
    // Nothing left to take: wait for the workers' last files.
    const seen = Atomics.load(c, 1);
    drain();
    if (received >= files.length) break;
    if (workers.every(({ worker }) => worker.threadId === -1) || Date.now() - progressAt > stallMs) {
      // Every worker has stopped, or none has sent a result for a long time (one died holding
      // a file): finish what they left here.
      drain();
      for (let k = 0; k < files.length; k++) {
        if (texts[k] === undefined) accept(here(k));
      }
      break;
    }
    Atomics.wait(c, 1, seen, 200);
  }
  for (const { worker, port } of workers) {
    port.close();
    void worker.terminate();
  }
  for (let k = 0; k < texts.length; k++) {
    outcomes[todo[k]!] = JSON.parse(texts[k]!) as Outcome;
    texts[k] = undefined;
  }
}

/** The worker thread's body: take files from the shared counter until none are left. */
function workerMain(input: WorkerInput): void {
  const c = new Int32Array(input.counters);
  for (;;) {
    const index = Atomics.add(c, 0, 1);
    if (index >= input.files.length) break;
    const json = JSON.stringify(checkFile(input.files[index]!, input.today, input.config));
    input.port.postMessage({ index, json } satisfies WorkerMessage);
    Atomics.add(c, 1, 1);
    Atomics.notify(c, 1);
  }
  input.port.close();
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.role === WORKER_ROLE) {
  workerMain(workerData as WorkerInput);
}
