/**
 * report.html: one self-contained file (inline CSS and SVG; no script, font or style from the network) with the
 * study's three figures, the table of readers, the per-class table, the consensus summary and the misclassified
 * reports with their evidence quotes highlighted. A pure function from the evaluation and the rendered charts
 * to an HTML string; the CLI writes the file.
 */
import type { Evaluation, ReaderResult } from '../evaluate/evaluate-run.js';
import type { Charts } from './charts.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number) => (x * 100).toFixed(1);
const f3 = (x: number) => x.toFixed(3);
/** Median seconds per report: the guideline engine's fractions of a millisecond stay readable. */
export const formatSeconds = (r: ReaderResult) => (r.seconds ? (r.seconds.median < 0.01 ? r.seconds.median.toExponential(1) : r.seconds.median.toFixed(2)) : '–');

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1d2433;background:#fafbfc}
main{max-width:1180px;margin:0 auto;padding:24px 28px 60px}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:34px 0 8px;border-bottom:1px solid #d8dde6;padding-bottom:4px}
p.lead{color:#4a5568;margin:0 0 8px}
table{border-collapse:collapse;font-size:.86rem;background:#fff;margin:8px 0}
th,td{border:1px solid #d8dde6;padding:4px 8px;text-align:right;white-space:nowrap}
th{background:#eef1f6;font-weight:600;white-space:normal;vertical-align:bottom}
.scroll{overflow-x:auto}td:first-child,th:first-child{text-align:left}
tr.best td{background:#f0f7ff;font-weight:600}
figure{margin:10px 0;background:#fff;border:1px solid #d8dde6;padding:10px;overflow-x:auto}
figcaption{font-size:.85rem;color:#4a5568;margin-top:6px}
.chart svg{display:block;max-width:none}
details{background:#fff;border:1px solid #d8dde6;margin:6px 0;padding:6px 10px}
summary{cursor:pointer;font-size:.9rem}
pre.report{white-space:pre-wrap;font-size:.82rem;background:#f7f8fa;padding:8px;border-radius:4px;max-height:420px;overflow:auto}
mark{background:#ffe58a;padding:0 1px}
.wrong{color:#b42318;font-weight:600}.right{color:#067647}
.small{font-size:.8rem;color:#5b6474}
ul.quotes{font-size:.82rem;margin:4px 0 0 18px;padding:0}
`;

function readersTable(ev: Evaluation): string {
  const rows = ev.readers.map((r) => {
    const m = r.metrics;
    const seconds = formatSeconds(r);
    const p = r.mcnemar ? (r.mcnemar.pValue < 0.001 ? '&lt;0.001' : r.mcnemar.pValue.toFixed(3)) : 'best';
    return `<tr${r.name === ev.best ? ' class="best"' : ''}><td>${escapeHtml(r.name)}</td><td>${r.kind}</td><td>${m.n}</td><td>${pct(m.accuracy)} <span class="small">[${pct(r.ci.accuracy.low)}–${pct(r.ci.accuracy.high)}]</span></td><td>${f3(m.macro.precision)}</td><td>${f3(m.macro.recall)}</td><td>${f3(m.macro.f1)} <span class="small">[${f3(r.ci.f1.low)}–${f3(r.ci.f1.high)}]</span></td><td>${f3(m.kappa)}</td><td>${m.failed}</td><td>${seconds}</td><td>${p}</td></tr>`;
  });
  return `<table><thead><tr><th>reader</th><th>kind</th><th>n</th><th>accuracy % [95 % CI]</th><th>macro precision</th><th>macro recall</th><th>macro F1 [95 % CI]</th><th>Cohen's κ</th><th>failed</th><th>median s/report</th><th>McNemar p vs best</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function perClassTable(ev: Evaluation): string {
  const head = ev.readers.map((r) => `<th>${escapeHtml(r.name)}</th>`).join('');
  const rows = ev.classes.map((c) => {
    const support = ev.readers[0]?.metrics.perClass[c]?.support ?? 0;
    const cells = ev.readers.map((r) => {
      const pc = r.metrics.perClass[c];
      return `<td title="precision ${f3(pc?.precision ?? 0)}, recall ${f3(pc?.recall ?? 0)}">${f3(pc?.f1 ?? 0)}</td>`;
    });
    return `<tr><td>${escapeHtml(c)}</td><td>${support}</td>${cells.join('')}</tr>`;
  });
  return `<table><thead><tr><th>class (F1)</th><th>support</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function consensusSection(ev: Evaluation): string {
  if (!ev.consensus) return '<p class="small">No consensus in this run. <code>cmrdx consensus &lt;dir&gt; --models a,b,c</code> adds one (majority vote, review list).</p>';
  const c = ev.consensus;
  const scored = ev.readers.find((r) => r.kind === 'consensus');
  return `<p>Majority vote of ${c.models.map((m) => `<b>${escapeHtml(m)}</b>`).join(', ')} (at least ${c.minAgree} agreeing). Fleiss' κ between the models: <b>${f3(c.fleissKappa)}</b>.</p>
<table><thead><tr><th>status</th><th>reports</th></tr></thead><tbody>${(['unanimous', 'majority', 'no majority'] as const).map((s) => `<tr><td>${s}</td><td>${c.counts[s]}</td></tr>`).join('')}</tbody></table>
${scored ? `<p>Scored as a reader (reports without a majority count as wrong): accuracy ${pct(scored.metrics.accuracy)} %, macro F1 ${f3(scored.metrics.macro.f1)}.</p>` : ''}
<p class="small">Reports without a majority are listed in <code>review.csv</code> for a human reader.</p>`;
}

/** The report text with every evidence span of the given readers marked (overlaps merged). */
function highlighted(text: string, spans: { start: number; end: number; who: string }[]): string {
  const sorted = spans.filter((s) => s.end > s.start && s.start >= 0 && s.end <= text.length).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; who: Set<string> }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      last.who.add(s.who);
    } else merged.push({ start: s.start, end: s.end, who: new Set([s.who]) });
  }
  let out = '';
  let pos = 0;
  for (const m of merged) {
    out += escapeHtml(text.slice(pos, m.start));
    out += `<mark title="quoted by ${escapeHtml([...m.who].join(', '))}">${escapeHtml(text.slice(m.start, m.end))}</mark>`;
    pos = m.end;
  }
  return out + escapeHtml(text.slice(pos));
}

const MAX_LISTED = 150;

function misclassifiedSection(ev: Evaluation): string {
  const scored = ev.readers.filter((r) => r.kind !== 'consensus');
  const wrong = [...ev.truth].filter(([id, truth]) => scored.some((r) => r.predictions.get(id)?.category !== truth));
  if (wrong.length === 0) return '<p>Every reader classified every report correctly.</p>';
  const items = wrong.slice(0, MAX_LISTED).map(([id, truth]) => {
    const verdicts = scored.map((r) => {
      const p = r.predictions.get(id);
      const cat = p?.category ?? (p?.error ? `failed (${p.error.code})` : 'missing');
      return `<span class="${p?.category === truth ? 'right' : 'wrong'}">${escapeHtml(r.name)}: ${escapeHtml(cat)}</span>`;
    });
    const report = ev.reports.get(id);
    const wrongReaders = scored.filter((r) => r.predictions.get(id)?.category !== truth);
    const spans = wrongReaders.flatMap((r) => (r.predictions.get(id)?.evidence ?? []).filter((e) => e.start !== null && e.end !== null).map((e) => ({ start: e.start!, end: e.end!, who: r.name })));
    const unaligned = wrongReaders.flatMap((r) => (r.predictions.get(id)?.evidence ?? []).filter((e) => e.start === null).map((e) => `${escapeHtml(r.name)}: “${escapeHtml(e.quote)}” <span class="small">(not found in the report)</span>`));
    const quotes = wrongReaders.flatMap((r) => (r.predictions.get(id)?.evidence ?? []).filter((e) => e.start !== null).map((e) => `${escapeHtml(r.name)}: “${escapeHtml(e.quote)}”`));
    return `<details><summary><b>${escapeHtml(id)}</b> — truth <b>${escapeHtml(truth)}</b> — ${verdicts.join(' · ')}</summary>
${report ? `<pre class="report">${highlighted(report.text, spans)}</pre>` : '<p class="small">Report text not available (evaluate a classify output folder, or pass --input).</p>'}
${quotes.length + unaligned.length > 0 ? `<ul class="quotes">${[...quotes, ...unaligned].map((q) => `<li>${q}</li>`).join('')}</ul>` : ''}
</details>`;
  });
  const more = wrong.length > MAX_LISTED ? `<p class="small">… and ${wrong.length - MAX_LISTED} more (see predictions.jsonl).</p>` : '';
  return `<p>${wrong.length} report(s) where at least one reader disagrees with the truth. Highlighted: the quotes of the readers that were wrong.</p>${items.join('\n')}${more}`;
}

function best(ev: Evaluation): ReaderResult {
  return ev.readers.find((r) => r.name === ev.best)!;
}

export function renderReport(ev: Evaluation, charts: Charts, meta: { title?: string; generated?: string } = {}): string {
  const top = best(ev);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(meta.title ?? 'cmrdx study report')}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(meta.title ?? 'CMR report classification — study report')}</h1>
<p class="lead">${ev.truth.size} reports, truth from ${escapeHtml(ev.truthSource)}; ${ev.readers.length} reader(s). Best: <b>${escapeHtml(top.name)}</b> (macro F1 ${f3(top.metrics.macro.f1)}, accuracy ${pct(top.metrics.accuracy)} %).${meta.generated ? ` Generated ${escapeHtml(meta.generated)}.` : ''}</p>
${ev.warnings.length > 0 ? `<p class="small">${ev.warnings.map(escapeHtml).join('<br>')}</p>` : ''}

<h2 id="readers">Readers</h2>
<div class="scroll">${readersTable(ev)}</div>
<p class="small">Failed predictions count as wrong. CIs: percentile bootstrap over reports, 2,000 resamples, seeded. McNemar: exact test of each reader against the best on the same reports.</p>

<h2 id="figure-1">Figure 1 — accuracy, precision, recall and F1 per reader</h2>
<figure class="chart">${charts.metrics}<figcaption>Macro averages over the categories; whiskers: 95 % bootstrap confidence intervals. Readers sorted by the mean of the four scores.</figcaption></figure>

<h2 id="figure-2">Figure 2 — confusion matrices</h2>
<figure class="chart">${charts.confusion}<figcaption>Rows: truth; columns: predicted (FAILED: no valid answer). Counts; colour: share of the true class.</figcaption></figure>

<h2 id="figure-3">Figure 3 — seconds per report</h2>
${charts.seconds ? `<figure class="chart">${charts.seconds}<figcaption>Wall-clock seconds per report per reader, log scale (box: quartiles; whiskers: min–max).</figcaption></figure>` : '<p class="small">No reader recorded its time.</p>'}

<h2 id="per-class">Per class</h2>
<div class="scroll">${perClassTable(ev)}</div>

<h2 id="consensus">Consensus</h2>
${consensusSection(ev)}

<h2 id="misclassified">Misclassified reports</h2>
${misclassifiedSection(ev)}

<p class="small">Generated by cmrdx. This file is self-contained: it loads no script, font or style from anywhere.</p>
</main>
</body>
</html>
`;
}
