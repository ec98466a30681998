// Measures the run coordinator on the built code in a fresh process: 100,000 queued reports through the
// scheduler and the run store, with a reader that answers at once. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runClassify } from '../dist/run/run-classify.js';

const n = Number(process.argv[2] ?? 100000);
const reports = Array.from({ length: n }, (_, i) => ({ id: `r${i}`, text: `Befund: Bericht ${i}. Kein LGE.` }));
const reader = { id: 'instant', endpoints: ['instant'], classify: async (r) => ({ id: r.id, model: 'instant', category: 'NORMAL', evidence: [], seconds: 0, error: null }) };
const dir = mkdtempSync(join(tmpdir(), 'cmrdx-bench-coord-'));
let peak = process.memoryUsage().rss;
const cpu = process.cpuUsage();
await runClassify({
  reports,
  readers: [reader],
  outDir: dir,
  config: { models: ['instant'], taxonomy: { name: 'cmrdx-default', version: '1' } },
  concurrency: () => 64,
  onPrediction: (_p, progress) => {
    if (progress.done % 1000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  },
});
peak = Math.max(peak, process.memoryUsage().rss);
const used = process.cpuUsage(cpu);
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ msPerReport: (used.user + used.system) / 1000 / n, peakRssMb: peak / 1024 / 1024 }));
