/**
 * Benchmarks of the run coordinator (scheduler + run store), against a local server that simulates an inference
 * server with K parallel slots and a fixed service time, over real HTTP with the real Ollama client:
 *  - efficiency = achieved reports/s divided by the server's capacity (K / service time), for 1,000 reports,
 *    K = 8, 50 ms (target >= 0.95), beside the study's one-request-at-a-time loop;
 *  - the same with two servers of K = 4 each;
 *  - the coordinator's own CPU time per report and peak memory for 100,000 queued reports (target < 1 ms,
 *    < 300 MB RSS), with a backend that answers at once so only the coordinator is measured.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createReaders } from '../src/readers/create-reader.js';
import type { Report } from '../src/report/report.js';
import { runClassify } from '../src/run/run-classify.js';
import { DEFAULT_TAXONOMY } from '../src/taxonomy/taxonomy.js';
import { answer, startFakeServer } from '../test/helpers/fake-llm-server.js';

const config = { models: ['ollama:m'], taxonomy: { name: 'cmrdx-default', version: '1' } };
const reports = (n: number): Report[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, text: `Befund: Bericht ${i}. Kein LGE.` }));

async function throughput(n: number, servers: { slots: number; serviceMs: number }[], concurrency: number): Promise<{ seconds: number; perSecond: number; capacity: number }> {
  const started = await Promise.all(servers.map((s) => startFakeServer({ models: ['m'], slots: s.slots, serviceMs: s.serviceMs, behaviour: () => answer('NORMAL') })));
  const dir = mkdtempSync(join(tmpdir(), 'cmrdx-bench-sched-'));
  try {
    const built = await createReaders(['ollama:m'], { taxonomy: DEFAULT_TAXONOMY, ollamaUrls: started.map((s) => s.url) });
    const t0 = performance.now();
    await runClassify({ reports: reports(n), readers: built.readers, texts: built.texts, outDir: dir, config, concurrency: () => concurrency });
    const seconds = (performance.now() - t0) / 1000;
    const capacity = servers.reduce((s, x) => s + x.slots / (x.serviceMs / 1000), 0);
    return { seconds, perSecond: n / seconds, capacity };
  } finally {
    await Promise.all(started.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The coordinator alone, on the built code in its own process (so earlier benchmarks do not inflate its memory). */
function coordinatorCost(n: number): { msPerReport: number; peakRssMb: number } {
  const result = spawnSync(process.execPath, [fileURLToPath(new URL('./coordinator-child.mjs', import.meta.url)), String(n)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`coordinator benchmark failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim()) as { msPerReport: number; peakRssMb: number };
}

export async function printSchedulerBench(): Promise<boolean> {
  let ok = true;
  // The coordinator keeps two requests queued at each server beyond its slots, so a slot that frees up never
  // waits for the client to send the next request (see docs/scaling.md: --concurrency = slots + 2).
  const one = await throughput(1000, [{ slots: 8, serviceMs: 50 }], 10);
  const efficiency = one.perSecond / one.capacity;
  ok &&= efficiency >= 0.95;
  console.log(`scheduler, 1 server K=8 x 50 ms, --concurrency 10, 1,000 reports: ${one.perSecond.toFixed(1)} reports/s of ${one.capacity} possible = efficiency ${efficiency.toFixed(3)} (target >= 0.95) ${efficiency >= 0.95 ? 'OK' : 'BELOW TARGET'}`);
  const serial = await throughput(100, [{ slots: 8, serviceMs: 50 }], 1);
  console.log(`  one request at a time (the study's loop), same server, 100 reports: ${serial.perSecond.toFixed(1)} reports/s = efficiency ${(serial.perSecond / serial.capacity).toFixed(3)}; the scheduler is ${(one.perSecond / serial.perSecond).toFixed(1)}x faster`);
  const two = await throughput(1000, [{ slots: 4, serviceMs: 50 }, { slots: 4, serviceMs: 50 }], 6);
  const efficiency2 = two.perSecond / two.capacity;
  ok &&= efficiency2 >= 0.95;
  console.log(`scheduler, 2 servers K=4 x 50 ms each, --concurrency 6 each, 1,000 reports: ${two.perSecond.toFixed(1)} reports/s of ${two.capacity} possible = efficiency ${efficiency2.toFixed(3)} (target >= 0.95) ${efficiency2 >= 0.95 ? 'OK' : 'BELOW TARGET'}`);
  const cost = coordinatorCost(100_000);
  const costOk = cost.msPerReport < 1 && cost.peakRssMb < 300;
  ok &&= costOk;
  console.log(`coordinator, 100,000 queued reports: ${cost.msPerReport.toFixed(3)} ms CPU per report (target < 1), peak RSS ${cost.peakRssMb.toFixed(0)} MB (target < 300) ${costOk ? 'OK' : 'BELOW TARGET'}`);
  return ok;
}
