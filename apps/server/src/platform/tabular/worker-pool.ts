import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { PARSE_RESOURCES, TABULAR_LIMITS, TabularLimitError, type TabularLimits } from './limits.js';
import type { Job, WorkerMessage } from './parse.worker.js';
import type { RawSheet } from './parse-here.js';
import { UnreadableFileError } from './read.js';

export interface ParseOptions {
  limits?: Partial<TabularLimits>;
  /** The worker's heap (V8 old generation), MB; other than the default, a worker of its own is started. */
  maxOldGenerationSizeMb?: number;
  /** Wall time before the worker is terminated, ms. */
  timeoutMs?: number;
}

const WORKER = new URL('./parse.worker.mjs', import.meta.url);

/**
 * At most two files are read at once (each may use its worker's whole heap), eight more wait, beyond that the
 * answer is FILE_PARSER_BUSY (503). A worker that finished a file (or refused it) waits for the next one, unref'd;
 * one that ran out of heap or time is terminated.
 */
const MAX_RUNNING = 2;
const MAX_WAITING = 8;
let running = 0;
const waiting: (() => void)[] = [];
const idle: Worker[] = [];

async function slot(): Promise<() => void> {
  if (running < MAX_RUNNING) running++;
  else if (waiting.length >= MAX_WAITING) throw new AppError('FILE_PARSER_BUSY');
  else await new Promise<void>((r) => waiting.push(r)); // the slot is handed over by release
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}

function spawn(heapMb: number) {
  return new Worker(WORKER, {
    execArgv: [],
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: PARSE_RESOURCES.maxYoungGenerationSizeMb,
      stackSizeMb: 4,
    },
  });
}

/**
 * Reads a spreadsheet in a worker thread (parse.worker.ts) with resourceLimits and a time limit: a file that
 * exhausts the worker's heap or its time ends the worker, never the server. Limits and unsafe content become
 * 422 AppErrors naming the limit; a file that is no spreadsheet becomes UnreadableFileError.
 */
export async function parseInWorker(buffer: Buffer, filename: string, opts: ParseOptions = {}): Promise<RawSheet[]> {
  const limits = { ...TABULAR_LIMITS, ...opts.limits };
  try {
    if (buffer.length > limits.maxFileBytes) throw new TabularLimitError('fileBytes', limits.maxFileBytes);
    const release = await slot();
    try {
      const heapMb = opts.maxOldGenerationSizeMb ?? PARSE_RESOURCES.maxOldGenerationSizeMb;
      const shared = heapMb === PARSE_RESOURCES.maxOldGenerationSizeMb;
      const worker = (shared && idle.pop()) || spawn(heapMb);
      worker.ref();
      const out = await run(
        worker,
        { data: new Uint8Array(buffer), filename, limits },
        {
          heapMb,
          timeoutMs: opts.timeoutMs ?? PARSE_RESOURCES.timeoutMs,
        },
      );
      if (out.reusable && shared) {
        worker.unref();
        idle.push(worker);
      } else void worker.terminate();
      if (out.error) throw out.error;
      return out.sheets;
    } finally {
      release();
    }
  } catch (e) {
    if (e instanceof TabularLimitError) throw new AppError('FILE_LIMIT_EXCEEDED', e.details);
    throw e;
  }
}

/** One job on one worker: its sheets, or the error and whether the worker is fit for another file. */
function run(
  worker: Worker,
  job: Job,
  res: { heapMb: number; timeoutMs: number },
): Promise<{ sheets: RawSheet[]; error?: Error; reusable: boolean }> {
  return new Promise((resolve) => {
    const sheets: RawSheet[] = [];
    let settled = false;
    const settle = (reusable: boolean, error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve({ sheets, error, reusable });
    };
    const fail = (e: Error, reusable: boolean) => settle(reusable, e);
    const timer = setTimeout(
      () => fail(new TabularLimitError('time', Math.round(res.timeoutMs / 1000)), false),
      res.timeoutMs,
    );
    const onMessage = (m: WorkerMessage) => {
      if (m.type === 'sheet') sheets.push({ name: m.name, rows: [] });
      else if (m.type === 'rows') {
        const rows = sheets[sheets.length - 1]?.rows;
        for (const r of m.rows) rows?.push(r);
      } else if (m.type === 'done') settle(true);
      else if (m.kind === 'limit') fail(new TabularLimitError(m.limit, m.max), true);
      else if (m.kind === 'unsafe') fail(new AppError('FILE_UNSAFE_CONTENT'), true);
      else fail(new UnreadableFileError(m.message), true);
    };
    const onError = (e: Error & { code?: string }) =>
      fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new TabularLimitError('memory', res.heapMb) : e, false);
    const onExit = (code: number) => fail(new Error(`the worker reading ${job.filename} stopped (${code})`), false);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(job, [job.data.buffer as ArrayBuffer]);
  });
}
