/**
 * The guideline engine on several cores. The engine is plain computation, so a large batch of reports is cut
 * into small chunks that the threads take one after another: worker threads (rules-worker.ts runs the same
 * engine for the same taxonomy) and, between its other work, the calling thread itself, which has the engine
 * built already; so a machine with n cores runs min(n, 4) - 1 workers (MAX_THREADS caps the threads at 4), and
 * no thread waits while another has work left. The predictions come back in the order of the reports. Workers start on the first batch and stop with
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
const MAX_THREADS = 4;
/**
 * Reports per chunk: at most some 20 ms of the engine's work, so the calling thread is back to its event loop (and
 * to the workers' answers) soon. Chunks shrink towards a batch's end (a share of what is left, down to MIN_CHUNK),
 * so no thread waits long for another's last chunks: with fixed chunks the calling thread idled some 100 ms at the
 * end of every batch while a worker finished the chunks it held (--cpu-prof).
 */
const CHUNK = 32;
const MIN_CHUNK = 4;
/** Chunks a worker holds at once: it starts the next one without waiting for the calling thread. */
const IN_FLIGHT = 3;

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

/** What a failing report becomes: only the error's name, since a message could quote the report. */
export const batchFailure = (name: string) => new Error(`the guideline engine failed on a report of this batch (${name})`);

export class RulesWorkers {
  private workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextBatch = 0;
  /** Worker threads to start: one thread fewer when the calling thread classifies too. */
  private readonly workerCount: number;

  /**
   * @param threads the threads that classify, the calling thread included when `here` is given
   * @param here the engine in the calling thread (synchronous); without it, only workers classify
   */
  constructor(
    private readonly taxonomy: Taxonomy,
    readonly threads = Math.min(MAX_THREADS, availableParallelism()),
    private readonly here?: (report: Report) => Prediction,
  ) {
    this.workerCount = here ? threads - 1 : threads;
  }

  /** Whether a batch of this size is worth the workers. */
  worthIt(reports: number): boolean {
    return this.threads >= 2 && this.workerCount >= 1 && reports >= PARALLEL_MIN_REPORTS;
  }

  /** The predictions of the reports, in their order. Rejects when a report or a worker fails (the caller may redo the batch). */
  classify(reports: Report[]): Promise<Prediction[]> {
    if (this.workers.length === 0) this.start();
    const out: Prediction[] = new Array<Prediction>(reports.length);
    const threads = this.workers.length + (this.here ? 1 : 0);
    return new Promise((resolve, reject) => {
      let next = 0;
      let left = reports.length;
      let failed = false;
      /** The next chunk: its first report and its reports, or undefined when all are taken. */
      const take = (): { from: number; chunk: Report[] } | undefined => {
        if (failed || next >= reports.length) return undefined;
        const size = Math.max(MIN_CHUNK, Math.min(CHUNK, Math.ceil((reports.length - next) / (2 * threads * IN_FLIGHT))));
        const from = next;
        next = Math.min(reports.length, next + size);
        return { from, chunk: reports.slice(from, next) };
      };
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const done = (from: number, predictions: Prediction[]) => {
        if (failed) return;
        for (let i = 0; i < predictions.length; i++) out[from + i] = predictions[i]!;
        left -= predictions.length;
        if (left === 0) resolve(out);
      };
      const feed = (worker: Worker) => {
        const work = take();
        if (!work) return;
        this.send(worker, work.chunk).then((predictions) => {
          done(work.from, predictions);
          feed(worker);
        }, fail);
      };
      for (const worker of this.workers) for (let i = 0; i < IN_FLIGHT; i++) feed(worker);
      if (reports.length === 0) resolve(out);
      const here = this.here;
      if (!here) return;
      // The calling thread takes a chunk at a time and returns to its event loop between chunks, where the
      // workers' answers are taken and their next chunks sent.
      const step = () => {
        const work = take();
        if (!work) return;
        let predictions: Prediction[];
        try {
          predictions = work.chunk.map(here);
        } catch (error) {
          fail(batchFailure(error instanceof Error ? error.name : 'Error'));
          return;
        }
        done(work.from, predictions);
        setImmediate(step);
      };
      setImmediate(step);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private start(): void {
    for (let k = 0; k < this.workerCount; k++) {
      const worker = startWorker({ taxonomy: this.taxonomy });
      worker.unref();
      worker.on('message', ({ batch, predictions, failed }: { batch: number; predictions?: Prediction[]; failed?: string }) => {
        const pending = this.pending.get(batch);
        this.pending.delete(batch);
        if (predictions) pending?.resolve(predictions);
        else pending?.reject(batchFailure(failed ?? 'Error'));
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
