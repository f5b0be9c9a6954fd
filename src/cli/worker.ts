/**
 * Checking many files: the result cache first, then the remaining files in worker threads that
 * take files from one shared counter, so a few large files do not leave a core idle. Worker
 * threads run this same file as their own bundle (`dist/worker.js`); without it (tests run from
 * source), and for small work (see IN_PROCESS_MAX_BYTES), everything runs in the main thread,
 * with the cooperative time budget only.
 *
 * The main thread waits synchronously (Atomics.wait + receiveMessageOnPort), so the CLI stays a
 * plain synchronous program, and watches the time budget (`maxAnalysisMs`): each worker says in
 * a shared slot which file it is on and since when; a worker still on one file past the budget
 * is terminated, the file is reported as skipped, and a new worker takes its place. No syntax
 * tree or model leaves the thread that built it: only the file report travels.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import {
  isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort,
} from 'node:worker_threads';
import type { Config } from '../core/config';
import { AnalysisStopped, analysisStoppedReason, check } from '../core/index';
import { toCachedResult, type CachedResult } from '../core/incremental';
import { fileReport } from '../core/output/report';
import { contentHash, type ResultCache } from './cache';
import { readBytes, readText, type Target } from './files';

export type Outcome = { ok: true; result: CachedResult } | { ok: false; reason: string };

export interface CheckTargetsOptions {
  today: string;
  config: Config;
  /** Also report suppression comments that silence nothing (`unused-disable`). */
  reportUnusedDisables?: boolean;
  /** Worker threads to check files in; default: the machine's parallelism, at most 8. */
  jobs?: number;
  cache?: ResultCache | null;
  /**
   * False: a result taken from the cache may come without its details (findings reduced to
   * place, rule, severity and message; no claims, the summary still counts them), for outputs
   * that print no more. Default true.
   */
  details?: boolean;
  /**
   * Appended to each file's content hash in the cache: the settings of this batch when they
   * differ from the cache's own (documents under a project file), so both kinds share one cache.
   */
  cacheSalt?: string;
  /** Content hashes (`contentHash`, without the salt) of targets already read in this run, by absolute path. */
  hashes?: ReadonlyMap<string, string>;
  /** The worker bundle; default `worker.js` next to the running bundle. Given, it is always used (no in-process path). */
  workerFile?: string;
  /**
   * With nothing left to take, how long the main thread waits without any result arriving
   * before it checks the outstanding files itself (a worker that died cannot say so to a
   * thread that waits synchronously). Default 30 s; a late duplicate result is ignored.
   */
  stallMs?: number;
  /**
   * How much slower than real time the budget's clock runs (≥ 1; see `loadFactor` below):
   * on a busy machine a document gets `maxAnalysisMs × budgetScale` of wall time, and its
   * message still names `maxAnalysisMs`. Default: `loadFactor()`.
   */
  budgetScale?: number;
}

/**
 * The time budget is wall time. On a machine busier than its cores (a shared CI runner) it
 * stretches by the one-minute load average per core, at most 20×, so that ordinary documents
 * are not skipped: the budget is there for runaway inputs, not for a busy machine.
 */
export function loadFactor(): number {
  const cores = Math.max(1, availableParallelism());
  return Math.min(20, Math.max(1, loadavg()[0]! / cores));
}

/** A clock for the budget that runs `scale` times slower than real time. */
function budgetClock(scale: number | undefined): () => number {
  const k = scale && scale > 1 ? scale : 1;
  return k === 1 ? Date.now : () => Date.now() / k;
}

/**
 * Small work is analysed in the main thread: a worker thread loads the engine and compiles its
 * patterns again, about as much CPU time as analysing 200–300 KB (measured on 20 package READMEs
 * of 300 KB: 4.3–4.8 s CPU through one worker, 2.6–3.0 s in the main thread). The main thread
 * cannot be terminated, only stopped by the cooperative budget between analysis steps, so this
 * is done only where a step is short: every file at most IN_PROCESS_MAX_FILE_BYTES (on the
 * growth test's adversarial inputs a whole analysis of 160 KB takes about 2 s), with a budget of
 * at least IN_PROCESS_MIN_BUDGET_MS. Everything else goes to workers, which are terminated.
 */
const IN_PROCESS_MAX_FILE_BYTES = 128 * 1024;
const IN_PROCESS_MAX_BYTES = 512 * 1024;
const IN_PROCESS_MIN_BUDGET_MS = 1000;
/** Below this much work, more than one worker costs more than it saves. */
const MIN_PARALLEL_FILES = 8;
const MIN_PARALLEL_BYTES = 512 * 1024;
/**
 * How long past the budget a worker may stay on one file before it is terminated: the worker's
 * own check between analysis steps usually stops it first, which costs no restart.
 */
const TERMINATE_GRACE_MS = 100;
const WORKER_ROLE = 'status-docs-worker';
const WORKER_YOUNG_MB = 16;
const HEAP_GROWING_PERCENT = 200;
const STALL_MS = 30_000;

interface WorkerInput {
  role: typeof WORKER_ROLE;
  files: string[];
  today: string;
  budgetScale: number;
  config: Config;
  reportUnusedDisables: boolean;
  counters: SharedArrayBuffer;
  /** Per worker: [2 * slot] the file index + 1 being checked (0: none), [2 * slot + 1] since when (ms after `epoch`). */
  slots: SharedArrayBuffer;
  slot: number;
  epoch: number;
  port: MessagePort;
}

/** An outcome travels and waits as its JSON text: far smaller than the objects (see runParallel). */
interface WorkerMessage { index: number; json: string }

/** Checks one file from disk; with a clock, within `config.maxAnalysisMs` (checked between steps). Never throws. */
export function checkFile(abs: string, today: string, config: Config, now?: () => number, options: { reportUnusedDisables?: boolean } = {}): Outcome {
  try {
    const read = readText(abs);
    if (!read.ok) return { ok: false, reason: read.reason };
    const { doc, findings, verdicts } = check(read.text, { today, config, now, reportUnusedDisables: options.reportUnusedDisables });
    return { ok: true, result: toCachedResult(fileReport('', doc, findings, verdicts)) };
  } catch (e) {
    if (e instanceof AnalysisStopped) return { ok: false, reason: e.message };
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
export function checkTargets(targets: readonly Target[], given: CheckTargetsOptions): Outcome[] {
  const options = { ...given, budgetScale: given.budgetScale ?? loadFactor() };
  const outcomes: (Outcome | undefined)[] = new Array(targets.length);
  const hashes: (string | undefined)[] = new Array(targets.length);
  const cache = options.cache ?? null;
  let todo: number[] = targets.map((_, i) => i);
  let todoBytes = Infinity;
  let largest = Infinity;

  if (cache) {
    todo = [];
    todoBytes = 0;
    largest = 0;
    targets.forEach((t, i) => {
      let hash = options.hashes?.get(t.abs);
      let size: number | null = null;
      if (hash === undefined) {
        const read = readBytes(t.abs);
        if (read.ok) { hash = contentHash(read.bytes); size = read.bytes.length; }
      }
      if (hash !== undefined) {
        const key = hash + (options.cacheSalt ?? '');
        const hit = cache.get(key, { details: options.details });
        if (hit) { outcomes[i] = { ok: true, result: hit }; return; }
        hashes[i] = key;
        size ??= fileSize(t.abs);
        todoBytes += size;
        largest = Math.max(largest, size);
      }
      // Unreadable: checkFile says why.
      todo.push(i);
    });
  }

  if (todo.length >= MIN_PARALLEL_FILES) limitHeapGrowth();
  const workerFile = options.workerFile ?? join(__dirname, 'worker.js');
  if (todoBytes === Infinity) ({ bytes: todoBytes, largest } = sizes(targets, todo));
  const inProcess = options.workerFile === undefined && todoBytes <= IN_PROCESS_MAX_BYTES && largest <= IN_PROCESS_MAX_FILE_BYTES && options.config.maxAnalysisMs >= IN_PROCESS_MIN_BUDGET_MS;
  if (todo.length > 0 && !inProcess && existsSync(workerFile)) {
    // Even one file goes to a worker: only a worker can be stopped when its analysis runs away.
    const many = todo.length >= MIN_PARALLEL_FILES && todoBytes >= MIN_PARALLEL_BYTES;
    const jobs = many ? Math.max(1, Math.min(options.jobs ?? Math.min(availableParallelism(), 8), todo.length)) : 1;
    runInWorkers(targets, todo, jobs, workerFile, options, outcomes);
  } else {
    if (todo.length) warmUp(options.today, options.config);
    const clock = budgetClock(options.budgetScale);
    for (const i of todo) outcomes[i] = checkFile(targets[i]!.abs, options.today, options.config, clock, options);
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

/** Total and largest size of the files (by stat; an unreadable file counts as 0, checkFile says why). */
/** The file's size, 0 when it cannot be read (checkFile then says why). */
function fileSize(abs: string): number {
  try {
    return statSync(abs).size;
  } catch {
    return 0;
  }
}

function sizes(targets: readonly Target[], todo: readonly number[]): { bytes: number; largest: number } {
  let bytes = 0;
  let largest = 0;
  for (const i of todo) {
    const size = fileSize(targets[i]!.abs);
    bytes += size;
    largest = Math.max(largest, size);
  }
  return { bytes, largest };
}

/**
 * While files are being checked, every finished outcome is kept as JSON text and turned back
 * into objects only at the end: a heap that holds thousands of reports grows to several times
 * what it holds. The text is what the result cache stores and reads back, so the results are
 * the same.
 */
function runInWorkers(
  targets: readonly Target[], todo: number[], jobs: number, workerFile: string,
  options: CheckTargetsOptions, outcomes: (Outcome | undefined)[],
): void {
  const texts: (string | undefined)[] = new Array(todo.length);
  const files = todo.map((i) => targets[i]!.abs);
  // counters[0]: next job to take; counters[1]: messages posted (the main thread waits on it).
  const counters = new SharedArrayBuffer(8);
  const c = new Int32Array(counters);
  // A slot per worker ever started (a replacement gets a new one: a terminated thread may still
  // write to its own slot for a moment).
  const slots = new SharedArrayBuffer(8 * (jobs + files.length));
  const s = new Int32Array(slots);
  const epoch = Date.now();
  const budget = options.config.maxAnalysisMs * Math.max(1, options.budgetScale ?? 1);
  const stoppedJson = JSON.stringify({ ok: false, reason: analysisStoppedReason(options.config.maxAnalysisMs) } satisfies Outcome);
  const workers: { worker: Worker; port: MessagePort; slot: number }[] = [];
  let slotsUsed = 0;
  const start = () => {
    const slot = slotsUsed++;
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { role: WORKER_ROLE, files, today: options.today, config: options.config, reportUnusedDisables: options.reportUnusedDisables ?? false, counters, slots, slot, epoch, port: port2, budgetScale: options.budgetScale ?? 1 };
    // A smaller young generation than V8's default (48 MB per thread): every thread has a heap
    // of its own, and peak memory is the sum. It never makes a file fail (the old generation,
    // where a large document's tree ends up, keeps V8's limit).
    const worker = new Worker(workerFile, { workerData: input, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    worker.unref();
    workers.push({ worker, port: port1, slot });
  };
  for (let w = 0; w < jobs; w++) start();
  let received = 0;
  let progressAt = Date.now();
  const stallMs = options.stallMs ?? STALL_MS;
  const accept = (m: WorkerMessage) => {
    if (texts[m.index] !== undefined) return;
    received++;
    progressAt = Date.now();
    texts[m.index] = m.json;
  };
  const drain = () => {
    for (const w of workers) {
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) accept(m.message as WorkerMessage);
    }
  };
  /** Terminates the workers past the budget; returns the ms until the next one would be. */
  const watch = (): number => {
    let next = Infinity;
    const elapsed = Date.now() - epoch;
    for (const w of [...workers]) {
      const taken = Atomics.load(s, 2 * w.slot);
      if (!taken || texts[taken - 1] !== undefined) continue;
      const left = Atomics.load(s, 2 * w.slot + 1) + budget + TERMINATE_GRACE_MS - elapsed;
      if (left > 0) { next = Math.min(next, left); continue; }
      for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) accept(m.message as WorkerMessage);
      w.port.close();
      void w.worker.terminate();
      workers.splice(workers.indexOf(w), 1);
      accept({ index: taken - 1, json: stoppedJson });
      start();
    }
    return next;
  };
  const held = () => new Set(workers.map((w) => Atomics.load(s, 2 * w.slot) - 1).filter((k) => k >= 0));
  while (received < files.length) {
    const seen = Atomics.load(c, 1);
    drain();
    if (received >= files.length) break;
    const next = watch();
    if (received >= files.length) break;
    if (Date.now() - progressAt > stallMs) {
      // No worker has sent a result for a long time (every one died, or one died holding a
      // file): check here what no live worker holds, within the cooperative budget.
      drain();
      warmUp(options.today, options.config);
      const busy = held();
      for (let k = 0; k < files.length; k++) {
        if (texts[k] === undefined && !busy.has(k)) accept({ index: k, json: JSON.stringify(checkFile(files[k]!, options.today, options.config, budgetClock(options.budgetScale), options)) });
      }
      progressAt = Date.now();
      continue;
    }
    Atomics.wait(c, 1, seen, Math.max(1, Math.min(200, next)));
  }
  for (const w of workers) {
    w.port.close();
    void w.worker.terminate();
  }
  for (let k = 0; k < texts.length; k++) {
    outcomes[todo[k]!] = JSON.parse(texts[k]!) as Outcome;
    texts[k] = undefined;
  }
}

/**
 * The first analysis in a thread pays for compiling the parser and the vocabulary's patterns:
 * done once on a tiny document, untimed, so that this cost is never charged to a file's budget.
 */
function warmUp(today: string, config: Config): void {
  try {
    check('# Plan\n\n**Status**: In Progress\n\n- [x] one (50% → 100%)\n- [ ] two, due 2026-01-01\n', { today, config });
  } catch {
    // Only a warm-up.
  }
}

/** The worker thread's body: take files from the shared counter until none are left. */
function workerMain(input: WorkerInput): void {
  const c = new Int32Array(input.counters);
  const s = new Int32Array(input.slots);
  warmUp(input.today, input.config);
  const clock = budgetClock(input.budgetScale);
  for (;;) {
    const index = Atomics.add(c, 0, 1);
    if (index >= input.files.length) break;
    Atomics.store(s, 2 * input.slot + 1, Date.now() - input.epoch);
    Atomics.store(s, 2 * input.slot, index + 1);
    const json = JSON.stringify(checkFile(input.files[index]!, input.today, input.config, clock, input));
    input.port.postMessage({ index, json } satisfies WorkerMessage);
    Atomics.store(s, 2 * input.slot, 0);
    Atomics.add(c, 1, 1);
    Atomics.notify(c, 1);
  }
  input.port.close();
}

if (!isMainThread && (workerData as Partial<WorkerInput> | null)?.role === WORKER_ROLE) {
  workerMain(workerData as WorkerInput);
}
