import { parentPort } from 'node:worker_threads';
import { TabularLimitError, type TabularLimits, UnsafeContentError } from './limits.js';
import { readWorkbookHere } from './parse-here.js';

/**
 * The worker thread that reads uploaded spreadsheets (worker-pool.ts): one job at a time, its answer streamed back
 * in small messages, each deserialised on the main thread without holding it up.
 */
const ROWS_PER_MESSAGE = 2000;

export interface Job {
  data: Uint8Array;
  filename: string;
  limits: TabularLimits;
}

export type WorkerMessage =
  | { type: 'sheet'; name: string }
  | { type: 'rows'; rows: string[][] }
  | { type: 'done' }
  | { type: 'error'; kind: 'limit'; limit: TabularLimitError['limit']; max: number }
  | { type: 'error'; kind: 'unsafe' | 'unreadable'; message: string };

const post = (m: WorkerMessage) => parentPort?.postMessage(m);

parentPort?.on('message', async ({ data, filename, limits }: Job) => {
  try {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const sheets = await readWorkbookHere(buffer, filename, limits);
    for (const s of sheets) {
      post({ type: 'sheet', name: s.name });
      for (let i = 0; i < s.rows.length; i += ROWS_PER_MESSAGE)
        post({ type: 'rows', rows: s.rows.slice(i, i + ROWS_PER_MESSAGE) });
    }
    post({ type: 'done' });
  } catch (e) {
    if (e instanceof TabularLimitError) post({ type: 'error', kind: 'limit', limit: e.limit, max: e.max });
    else post({ type: 'error', kind: e instanceof UnsafeContentError ? 'unsafe' : 'unreadable', message: String(e) });
  }
});
