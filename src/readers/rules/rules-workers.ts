/**
 * The guideline engine on several cores. The engine is plain computation, so a large batch of reports is split
 * into contiguous parts, one per worker thread (rules-worker.ts runs the same engine for the same taxonomy),
 * and the predictions come back in the order of the reports. Workers start on the first batch and stop with
 * close(); they never keep the process alive. Small batches and one-core machines stay in the calling thread,
 * where starting a worker costs more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Report } from '../../report/report.js';
import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import type { Prediction } from '../reader.js';

/** Below this many reports a batch is classified in the calling thread. */
export const PARALLEL_MIN_REPORTS = 200;
const MAX_WORKERS = 4;

const WORKER_FILE = new URL('./rules-worker.js', import.meta.url);

/**
 * Built, the worker is JavaScript. Run from source (tests, `node --import tsx`), it is TypeScript, and a worker
 * thread does not inherit the loader tsx registered in this one: a small script registers it there first.
 */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(WORKER_FILE, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./rules-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(source)}); });`, { eval: true, workerData });
}

interface Pending {
  resolve(predictions: Prediction[]): void;
  reject(error: Error): void;
}

export class RulesWorkers {
  private workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextBatch = 0;

  constructor(
    private readonly taxonomy: Taxonomy,
    readonly count = Math.min(MAX_WORKERS, availableParallelism()),
  ) {}

  /** Whether a batch of this size is worth the workers. */
  worthIt(reports: number): boolean {
    return this.count >= 2 && reports >= PARALLEL_MIN_REPORTS;
  }

  /** The predictions of the reports, in their order. Rejects when a worker fails (the caller may redo the batch). */
  async classify(reports: Report[]): Promise<Prediction[]> {
    if (this.workers.length === 0) this.start();
    const size = Math.ceil(reports.length / this.workers.length);
    const parts = this.workers.map((worker, k) => this.send(worker, reports.slice(k * size, (k + 1) * size)));
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private start(): void {
    for (let k = 0; k < this.count; k++) {
      const worker = startWorker({ taxonomy: this.taxonomy });
      worker.unref();
      worker.on('message', ({ batch, predictions, failed }: { batch: number; predictions?: Prediction[]; failed?: string }) => {
        const pending = this.pending.get(batch);
        this.pending.delete(batch);
        if (predictions) pending?.resolve(predictions);
        else pending?.reject(new Error(`the guideline engine failed on a report of this batch (${failed})`));
      });
      const fail = (error: Error) => {
        // A worker that fails takes every batch in flight with it; the next batch starts new workers.
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
        void this.close();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (this.workers.includes(worker)) fail(new Error(`a rules worker thread exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  private send(worker: Worker, reports: Report[]): Promise<Prediction[]> {
    if (reports.length === 0) return Promise.resolve([]);
    const batch = this.nextBatch++;
    return new Promise((resolve, reject) => {
      this.pending.set(batch, { resolve, reject });
      // Only what the engine reads: the id, the text and the language.
      worker.postMessage({ batch, reports: reports.map((r) => (r.lang ? { id: r.id, text: r.text, lang: r.lang } : { id: r.id, text: r.text })) });
    });
  }
}
