/**
 * report.html: one self-contained file (inline CSS and SVG; no script, font or style from the network) with the
 * study's figures, the table of readers, the per-class table, the UNCLASSIFIED answers with their reasons, the
 * consensus summary, the misclassified reports with their evidence quotes highlighted, and footnotes that
 * define every figure. With `noText` it carries no report text at all (no report, no quote): ids, answers and
 * numbers only, for sharing outside the hospital. A pure function from the evaluation and the rendered figures
 * to an HTML string; the CLI writes the file.
 */
import type { Evaluation, ReaderPrediction, ReaderResult } from '../evaluate/evaluate-run.js';
import { perClassCategories } from '../evaluate/metrics.js';
import { UNCLASSIFIED } from '../taxonomy/taxonomy.js';
import { ORDERING_NAMES, type RenderedFigure } from './charts.js';

export interface ReportMeta {
  title?: string;
  generated?: string;
  /** Leave out every report text and evidence quote. */
  noText?: boolean;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number) => (x * 100).toFixed(1);
const f3 = (x: number | null) => (x === null ? '–' : x.toFixed(3));

/** Median seconds per report: the guideline engine's fractions of a millisecond stay readable. */
export const formatSeconds = (r: ReaderResult) => (r.seconds ? (r.seconds.median < 0.01 ? r.seconds.median.toExponential(1) : r.seconds.median.toFixed(2)) : '–');

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1d2433;background:#fafbfc}
main{max-width:1180px;margin:0 auto;padding:24px 28px 60px}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.2rem;margin:34px 0 8px;border-bottom:1px solid #d8dde6;padding-bottom:4px}
p.lead{color:#4a5568;margin:0 0 8px}
table{border-collapse:collapse;font-size:.86rem;background:#fff;margin:8px 0}
th,td{border:1px solid #d8dde6;padding:4px 6px;text-align:right;white-space:nowrap}
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
sup a{text-decoration:none;color:#3b5b8c}ol.notes{font-size:.82rem;color:#3d4657;padding-left:20px}ol.notes li{margin:3px 0}
td.outside{color:#5b6474;font-style:italic}
ul.quotes{font-size:.82rem;margin:4px 0 0 18px;padding:0}
`;

function readersTable(ev: Evaluation): string {
  const rows = ev.readers.map((r) => {
    const m = r.metrics;
    const seconds = formatSeconds(r);
    const p = r.mcnemar ? (r.mcnemar.pValue < 0.001 ? '&lt;0.001' : r.mcnemar.pValue.toFixed(3)) : 'best';
    return `<tr${r.name === ev.best ? ' class="best"' : ''}><td>${escapeHtml(r.name)}${r.kind === r.name ? '' : ` <span class="small">${r.kind}</span>`}</td><td>${m.n}</td><td>${pct(m.accuracy)}<br><span class="small">${pct(r.ci.accuracy.low)}–${pct(r.ci.accuracy.high)}</span></td><td>${f3(m.macro.precision)}</td><td>${f3(m.macro.recall)}</td><td>${f3(m.macro.f1)}<br><span class="small">${f3(r.ci.f1.low)}–${f3(r.ci.f1.high)}</span></td><td>${f3(m.weighted.f1)}</td><td>${f3(m.kappa)}</td><td>${f3(m.ac1)}</td><td>${m.unclassified}</td><td>${m.failed}</td><td>${seconds}</td><td>${p}</td></tr>`;
  });
  return `<table><thead><tr><th>reader</th><th>n</th><th>accuracy %, 95 % CI${note(ev, 'ci')}</th><th>macro P${note(ev, 'macro')}</th><th>macro R</th><th>macro F1, 95 % CI</th><th>weighted F1</th><th>Cohen's κ${note(ev, 'kappa')}</th><th>Gwet's AC1</th><th>unclassified${note(ev, 'wrong')}</th><th>failed</th><th>median s/report</th><th>McNemar p vs best${note(ev, 'mcnemar')}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** F1 per class of the class set; below it, how often each reader answered a category the truth never has. */
function perClassTable(ev: Evaluation): string {
  const head = ev.readers.map((r) => `<th>${escapeHtml(r.name)}</th>`).join('');
  const rows = perClassCategories(ev.columns).map((c) => {
    if (!ev.classSet.includes(c)) {
      const cells = ev.readers.map((r) => `<td class="outside">${answeredAs(r, c) || ''}</td>`);
      return `<tr><td>${escapeHtml(c)} <span class="small">(not in truth; answers)</span></td><td>0</td>${cells.join('')}</tr>`;
    }
    const support = ev.readers[0]?.metrics.perClass[c]?.support ?? 0;
    const cells = ev.readers.map((r) => {
      const pc = r.metrics.perClass[c];
      return `<td title="precision ${f3(pc?.precision ?? 0)}, recall ${f3(pc?.recall ?? 0)}">${f3(pc?.f1 ?? 0)}</td>`;
    });
    return `<tr><td>${escapeHtml(c)}</td><td>${support}</td>${cells.join('')}</tr>`;
  });
  return `<table><thead><tr><th>class (F1)</th><th>support</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** AURC and the coverage at each target accuracy, per reader and ordering (Figure 4 draws the curves). */
function selectiveTable(ev: Evaluation): string {
  const rows = ev.readers.flatMap((r) => r.selective.map((s) => ({ r, s })));
  if (rows.length === 0) return '<p class="small">No reader gave a confidence, so no report can be deferred by it. LLM readers get one from token logprobs (when the server returns them) or from <code>--samples k</code>; the guideline engine always gives its score margin.</p>';
  const targets = rows[0]!.s.atAccuracy.map((a) => a.target);
  const sources = (x: Record<string, number>) => Object.entries(x).map(([k, v]) => `${escapeHtml(k)} ${v}`).join(', ');
  const body = rows.map(({ r, s }) => {
    const cells = s.atAccuracy.map((a) => `<td>${pct(a.coverage)}<br><span class="small">${pct(a.ci.low)}–${pct(a.ci.high)}${a.threshold === null ? '' : `; ≥ ${a.threshold.toFixed(3)}`}</span></td>`);
    return `<tr><td>${escapeHtml(r.name)}</td><td>${ORDERING_NAMES[s.by]}<br><span class="small">${sources(s.sources)}</span></td><td>${f3(s.aurc)}<br><span class="small">${f3(s.ci.aurc.low)}–${f3(s.ci.aurc.high)}</span></td><td>${f3(s.aurcOptimal)}</td>${cells.join('')}</tr>`;
  });
  return `<table><thead><tr><th>reader</th><th>ordered by (confidence sources)</th><th>AURC, 95 % CI${note(ev, 'selective')}</th><th>AURC if ranked perfectly</th>${targets.map((t) => `<th>coverage % at accuracy ≥ ${t}, 95 % CI; threshold</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

const answeredAs = (r: ReaderResult, column: string) => Object.values(r.metrics.confusion).reduce((s, row) => s + (row[column] ?? 0), 0);

/** Every UNCLASSIFIED answer with the reader's reason (and its message, which never quotes the report). */
function unclassifiedSection(ev: Evaluation, noText: boolean): string {
  const rows = ev.readers.flatMap((r) =>
    [...ev.truth].flatMap(([id, truth]) => {
      const p = r.predictions.get(id);
      if (p?.category !== UNCLASSIFIED) return [];
      const reason = p.unclassified?.reason ?? 'no reason recorded';
      const message = noText ? '' : `<td class="small">${escapeHtml(p.unclassified?.message ?? '')}</td>`;
      return [`<tr><td>${escapeHtml(id)}</td><td>${escapeHtml(truth)}</td><td>${escapeHtml(r.name)}</td><td>${escapeHtml(reason)}</td>${message}</tr>`];
    }),
  );
  if (rows.length === 0) return '<p class="small">No reader answered UNCLASSIFIED.</p>';
  return `<p>${rows.length} answer(s) UNCLASSIFIED: the reader gave no category, and says why. They count as wrong.</p>
<div class="scroll"><table><thead><tr><th>report</th><th>truth</th><th>reader</th><th>reason</th>${noText ? '' : '<th>message</th>'}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function consensusSection(ev: Evaluation): string {
  if (!ev.consensus) return '<p class="small">No consensus in this run. <code>cmrdx consensus &lt;dir&gt; --models a,b,c</code> adds one (majority vote, review list).</p>';
  const c = ev.consensus.summary;
  const scored = ev.readers.find((r) => r.kind === 'consensus');
  const chosen = c.selection?.by === 'top' ? ` (the ${c.selection.top} best by macro F1)` : '';
  return `<p>Majority vote of ${c.models.map((m) => `<b>${escapeHtml(m)}</b>`).join(', ')}${chosen}, at least ${c.minAgree} agreeing; a failed or UNCLASSIFIED answer casts no vote. Between the models, over the ${c.agreement.n} reports all of them answered: Fleiss' κ <b>${f3(c.agreement.fleissKappa)}</b>, Gwet's AC1 <b>${f3(c.agreement.ac1)}</b>${note(ev, 'agreement')}.</p>
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

/** A reader's answer as shown: the category, UNCLASSIFIED with its reason, failed with its code, or missing. */
function answerText(p: ReaderPrediction | undefined): string {
  if (!p) return 'missing';
  if (p.category === UNCLASSIFIED) return `UNCLASSIFIED (${p.unclassified?.reason ?? 'no reason'})`;
  return p.category ?? (p.error ? `failed (${p.error.code})` : 'failed');
}

function misclassifiedSection(ev: Evaluation, noText: boolean): string {
  const scored = ev.readers.filter((r) => r.kind !== 'consensus');
  const wrong = [...ev.truth].filter(([id, truth]) => scored.some((r) => r.predictions.get(id)?.category !== truth));
  if (wrong.length === 0) return '<p>Every reader classified every report correctly.</p>';
  const items = wrong.slice(0, MAX_LISTED).map(([id, truth]) => {
    const verdicts = scored.map((r) => {
      const p = r.predictions.get(id);
      return `<span class="${p?.category === truth ? 'right' : 'wrong'}">${escapeHtml(r.name)}: ${escapeHtml(answerText(p))}</span>`;
    });
    if (noText) return `<p class="small"><b>${escapeHtml(id)}</b> — truth <b>${escapeHtml(truth)}</b> — ${verdicts.join(' · ')}</p>`;
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
  const lead = noText ? 'Report texts and evidence quotes are left out of this copy (evaluate --no-text).' : 'Highlighted: the quotes of the readers that were wrong.';
  return `<p>${wrong.length} report(s) where at least one reader disagrees with the truth. ${lead}</p>${items.join('\n')}${more}`;
}

function best(ev: Evaluation): ReaderResult {
  return ev.readers.find((r) => r.name === ev.best)!;
}

/** The footnotes, in the order their markers first appear; `note(id)` links to one. */
function footnotes(ev: Evaluation): { id: string; html: string }[] {
  const classSet = ev.classSet.map(escapeHtml).join(', ');
  return [
    { id: 'ci', html: `95 % confidence intervals: percentile bootstrap over reports, ${ev.resamples.toLocaleString('en')} resamples, seeded (<code>--seed</code>); each resample averages over the class-set categories present in its truth.` },
    { id: 'macro', html: `<b>Class set</b>: the truth's categories in taxonomy order, the same for every reader (here ${classSet}). Macro precision, recall and F1 are unweighted means over it (a 0/0 ratio counts as 0, as in scikit-learn with <code>zero_division=0</code>); weighted F1 weights each class by its reports. Answers outside the class set are errors and add no class to any average. scikit-learn's default macro average over the union of truth and answer labels is in metrics.json as <code>macroUnionOfLabels</code>, secondary.` },
    { id: 'kappa', html: "Cohen's κ against the truth; chance agreement sums over the class set. Gwet's AC1 against the truth: (p<sub>a</sub> − p<sub>e</sub>) / (1 − p<sub>e</sub>), p<sub>e</sub> = Σ<sub>q</sub> π<sub>q</sub>(1 − π<sub>q</sub>) / (Q − 1) over the Q categories of the class set, π<sub>q</sub> the mean of the truth's and the reader's share of q; unlike κ it does not collapse when one class dominates. – : undefined." },
    { id: 'wrong', html: 'Wrong answers are counted, never dropped: a category outside the class set, UNCLASSIFIED (the reader gave no category, with its reason: not_cmr, non_diagnostic, no_findings, outside_taxonomy), a failed prediction and a missing one each lower accuracy and the recall of the true class, and have their own columns in Figure 2 (other categories, UNCLASSIFIED, FAILED).' },
    { id: 'mcnemar', html: "McNemar's exact test of each reader against the best one (highest macro F1) on the same reports: two-sided binomial test on the reports exactly one of the two got right." },
    { id: 'selective', html: "<b>Selective prediction</b>: each reader's reports ordered by its confidence (token logprobs, agreement of <code>--samples</code>, the guideline engine's score margin; the consensus by agreement level = its category's votes / models, and by agreement level then whether the guideline engine gives the same category), most confident first. Reports with equal confidence enter together; failed, UNCLASSIFIED and reports without a confidence come last and count as wrong when covered if they are wrong. <b>Coverage</b> at a target: the largest share of reports answered whose accuracy reaches it (0 %: even the most confident miss it), answering every report whose confidence is at least the threshold. <b>AURC</b>: the mean error rate of the k most confident reports over k = 1..n (ties at their expected error rate); lower is better, and the perfect-ranking AURC of the same errors is its floor. Intervals: percentile bootstrap over the same resamples as the other intervals." },
    { id: 'agreement', html: "Agreement between the consensus models over the reports all of them answered with a category: Fleiss' κ (1971) and Gwet's multi-rater AC1 with Q = the taxonomy's categories." },
  ];
}

function note(ev: Evaluation, id: string): string {
  const n = footnotes(ev).findIndex((f) => f.id === id) + 1;
  return `<sup><a href="#note-${id}">${n}</a></sup>`;
}

function figureSection(f: RenderedFigure, n: number): string {
  const body = f.svg ? `<figure class="chart">${f.svg}<figcaption>${escapeHtml(f.caption)}</figcaption></figure>` : `<p class="small">${escapeHtml(f.empty ?? 'Nothing to show.')}</p>`;
  return `<h2 id="${f.id}">Figure ${n} — ${escapeHtml(f.title)}</h2>\n${body}`;
}

export function renderReport(ev: Evaluation, figures: RenderedFigure[], meta: ReportMeta = {}): string {
  const top = best(ev);
  const noText = meta.noText === true;
  const source = `run configuration ${ev.source.runConfig ?? '(no run store)'}, predictions ${ev.source.predictions}`;
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
<p class="lead">${ev.truth.size} reports, truth from ${escapeHtml(ev.truthSource)}; class set ${ev.classSet.map(escapeHtml).join(', ')}${note(ev, 'macro')}; ${ev.readers.length} reader(s). Best: <b>${escapeHtml(top.name)}</b> (macro F1 ${f3(top.metrics.macro.f1)}, accuracy ${pct(top.metrics.accuracy)} %).${meta.generated ? ` Generated ${escapeHtml(meta.generated)}.` : ''}${noText ? ' <b>This copy carries no report text.</b>' : ''}</p>
${ev.warnings.length > 0 ? `<p class="small">${ev.warnings.map(escapeHtml).join('<br>')}</p>` : ''}

<h2 id="readers">Readers</h2>
<div class="scroll">${readersTable(ev)}</div>

${figures.map((f, i) => figureSection(f, i + 1)).join('\n\n')}

<h2 id="per-class">Per class</h2>
<div class="scroll">${perClassTable(ev)}</div>

<h2 id="selective">Selective prediction</h2>
<p class="small">What deferring the least sure reports to a person buys (curves in Figure 4).</p>
<div class="scroll">${selectiveTable(ev)}</div>

<h2 id="unclassified">UNCLASSIFIED answers</h2>
${unclassifiedSection(ev, noText)}

<h2 id="consensus">Consensus</h2>
${consensusSection(ev)}

<h2 id="misclassified">Misclassified reports</h2>
${misclassifiedSection(ev, noText)}

<h2 id="notes">Definitions</h2>
<ol class="notes">${footnotes(ev).map((f) => `<li id="note-${f.id}">${f.html}</li>`).join('')}</ol>
<p class="small">Generated by cmrdx from ${escapeHtml(source)}. This file is self-contained: it loads no script, font or style from anywhere.</p>
</main>
</body>
</html>
`;
}
