/**
 * The study's figures as Vega-Lite specifications, rendered to SVG in Node at evaluate time (no browser, no
 * canvas, no script in the page). Each figure is one small function from the evaluation to a spec (or null
 * when it has nothing to show), listed in FIGURES in the order of the report; a new figure is one more entry.
 * The specs are plain data, so tests can check them; vega and vega-lite are imported only when rendering.
 */
import type { Evaluation, ReaderResult } from '../evaluate/evaluate-run.js';
import { extent } from '../util/extent.js';

type Spec = Record<string, unknown>;

export interface FigureDef {
  id: string;
  title: string;
  caption: string;
  spec: (ev: Evaluation) => Spec | null;
  /** Shown instead of the figure when `spec` gives null. */
  empty?: string;
}

export const METRIC_NAMES = ['Accuracy', 'Precision', 'Recall', 'F1'] as const;
/** Light bar colours, so the dark whiskers stand out on the bar and beside it. */
const METRIC_COLOURS = ['#a6c8e6', '#f6c08c', '#a8d5a2', '#cdb8e0'];
const INK = '#1d2433';
const KIND_COLOURS: Record<string, string> = { rules: '#4c78a8', model: '#f58518', human: '#54a24b', consensus: '#b279a2' };
/** The colour scale of the reader kinds present, so the legend names no kind the figure does not show; each kind keeps its colour. */
function kindColours(kinds: string[]): { domain: string[]; range: string[] } {
  const domain = Object.keys(KIND_COLOURS).filter((k) => kinds.includes(k));
  return { domain, range: domain.map((k) => KIND_COLOURS[k]!) };
}
/** Chart widths grow with the number of readers between these bounds (the page column is about 1,120 px). */
const MIN_WIDTH = 420;
const MAX_WIDTH = 940;

/** Readers sorted by the mean of their four scores, best first (the order of Figures 1 and 3). */
export function readerOrder(ev: Evaluation): string[] {
  const mean = (r: ReaderResult) => (r.metrics.accuracy + r.metrics.macro.precision + r.metrics.macro.recall + r.metrics.macro.f1) / 4;
  return [...ev.readers].sort((a, b) => mean(b) - mean(a)).map((r) => r.name);
}

const widthFor = (readers: number, perReader: number) => Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, perReader * readers + 60));
/*
 * Names (readers, categories) never go into a spec where Vega-Lite writes them into an expression: a sort list
 * or a filter's value. Vega cannot parse an expression holding the string "toString", "constructor" or
 * "valueOf" ("Operator not defined"), and those are names a reader or a taxonomy may have. The order comes from
 * the scale's domain (a list of values, which is safe) or from a number carried in the data.
 */
const readerAxis = (ev: Evaluation) => ({ field: 'reader', type: 'nominal', scale: { domain: readerOrder(ev) }, title: null, axis: { labelAngle: ev.readers.length > 4 ? -30 : 0, labelLimit: 260 } });

/** Figure 1: accuracy and macro precision, recall, F1 per reader, with 95 % CI whiskers (capped, haloed). */
export function metricsSpec(ev: Evaluation): Spec {
  const values = ev.readers.flatMap((r) => [
    { reader: r.name, metric: 'Accuracy', value: r.metrics.accuracy, low: r.ci.accuracy.low, high: r.ci.accuracy.high },
    { reader: r.name, metric: 'Precision', value: r.metrics.macro.precision, low: r.ci.precision.low, high: r.ci.precision.high },
    { reader: r.name, metric: 'Recall', value: r.metrics.macro.recall, low: r.ci.recall.low, high: r.ci.recall.high },
    { reader: r.name, metric: 'F1', value: r.metrics.macro.f1, low: r.ci.f1.low, high: r.ci.f1.high },
  ]).map((v) => ({ ...v, description: `${v.reader}: ${v.metric} ${v.value.toFixed(3)} (95 % CI ${v.low.toFixed(3)}–${v.high.toFixed(3)})` }));
  const width = widthFor(ev.readers.length, 96);
  const cap = Math.max(6, Math.min(14, Math.floor((width - 60) / ev.readers.length / 4 / 2)));
  const y = (field: string) => ({ field, type: 'quantitative', scale: { domain: [0, 1] } });
  return {
    width,
    height: 260,
    data: { values },
    encoding: { x: readerAxis(ev), xOffset: { field: 'metric', sort: METRIC_NAMES } },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { ...y('value'), title: 'score (whiskers: 95 % CI)' },
          color: { field: 'metric', type: 'nominal', sort: METRIC_NAMES, scale: { domain: METRIC_NAMES, range: METRIC_COLOURS }, title: null, legend: { orient: 'top' } },
          description: { field: 'description' },
        },
      },
      // The whisker: a white halo under a dark line, so it reads on the bar and on the background alike.
      { mark: { type: 'rule', color: 'white', strokeWidth: 4 }, encoding: { y: y('low'), y2: { field: 'high' } } },
      { mark: { type: 'rule', color: INK, strokeWidth: 1.5 }, encoding: { y: y('low'), y2: { field: 'high' } } },
      { mark: { type: 'tick', color: INK, thickness: 1.5, size: cap }, encoding: { y: y('low') } },
      { mark: { type: 'tick', color: INK, thickness: 1.5, size: cap }, encoding: { y: y('high') } },
    ],
  };
}

/** Figure 2: one confusion matrix per reader, all with the same rows (the class set) and columns. */
export function confusionSpec(ev: Evaluation): Spec {
  const { columns, classSet } = ev;
  const order = readerOrder(ev);
  const values = ev.readers.flatMap((r) =>
    classSet.flatMap((truth) =>
      columns.map((predicted) => {
        const count = r.metrics.confusion[truth]?.[predicted] ?? 0;
        const support = r.metrics.perClass[truth]?.support ?? 0;
        return { reader: r.name, readerIndex: order.indexOf(r.name), truth, truthIndex: classSet.indexOf(truth), predicted, predictedIndex: columns.indexOf(predicted), count, share: support === 0 ? 0 : count / support, description: `${r.name}: truth ${truth}, answer ${predicted}: ${count}` };
      }),
    ),
  );
  const perRow = Math.min(ev.readers.length, 3);
  const cell = ev.readers.length === 1 ? 36 : ev.readers.length === 2 ? 30 : 24;
  const axis = { labelFontSize: 10, titleFontSize: 10 };
  return {
    data: { values },
    facet: { field: 'reader', type: 'nominal', sort: { field: 'readerIndex', op: 'min' }, title: null, header: { labelFontWeight: 'bold', labelFontSize: 12, labelLimit: 300 } },
    columns: perRow,
    spec: {
      width: cell * columns.length,
      height: cell * classSet.length,
      encoding: {
        x: { field: 'predicted', type: 'ordinal', scale: { domain: columns }, title: 'answer', axis: { ...axis, labelAngle: -45, orient: 'bottom' } },
        y: { field: 'truth', type: 'ordinal', scale: { domain: classSet }, title: 'truth', axis },
      },
      layer: [
        // Every cell outlined on white: a zero is an empty cell, never a faint colour.
        { mark: { type: 'rect', fill: 'white', stroke: '#d8dde6', strokeWidth: 0.5 } },
        {
          transform: [{ filter: 'datum.count > 0' }],
          mark: { type: 'rect', stroke: 'white', strokeWidth: 0.5 },
          encoding: { color: { field: 'share', type: 'quantitative', scale: { domain: [0, 1], range: ['#cfe1f2', '#08306b'] }, legend: null } },
        },
        // A line where the class set ends: the columns right of it are answers no report is (always errors).
        {
          transform: [{ filter: `datum.truthIndex === 0 && datum.predictedIndex === ${classSet.length}` }],
          mark: { type: 'rule', color: '#5b6474', strokeWidth: 1.5, strokeDash: [3, 2] },
          encoding: { x: { field: 'predicted', type: 'ordinal', scale: { domain: columns }, bandPosition: 0 }, y: { value: 0 }, y2: { value: cell * classSet.length } },
        },
        {
          transform: [{ filter: 'datum.count > 0' }],
          mark: { type: 'text', fontSize: cell >= 30 ? 12 : 10 },
          encoding: { text: { field: 'count', type: 'quantitative' }, description: { field: 'description' }, color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: INK } },
        },
      ],
    },
    // Each matrix draws its own axes, so a last row with fewer matrices leaves no axis floating under a gap.
    resolve: { scale: { color: 'shared' }, axis: { x: 'independent', y: 'independent' } },
    spacing: { row: 18, column: 24 },
  };
}

/** Figure 3: seconds per report per reader (log scale); a reader without timing is named with "no timing". */
export function secondsSpec(ev: Evaluation): Spec | null {
  const timed = ev.readers.flatMap((r) => [...ev.truth.keys()].map((id) => r.predictions.get(id)?.seconds).filter((s): s is number => typeof s === 'number' && s > 0).map((seconds) => ({ reader: r.name, kind: r.kind, seconds })));
  if (timed.length === 0) return null;
  const all = timed.map((v) => v.seconds);
  const [low, high] = extent(all);
  // The label sits in the middle of the log axis; the domain is padded so it also has room when all times are equal.
  const domain = [low / 2, high * 2];
  const untimed = ev.readers.filter((r) => r.seconds === null).map((r) => ({ reader: r.name, label: 'no timing', at: Math.sqrt(low * high) }));
  const y = { type: 'quantitative', scale: { type: 'log', domain }, title: 'seconds per report (log scale)' };
  return {
    width: widthFor(ev.readers.length, 80),
    height: 240,
    encoding: { x: readerAxis(ev) },
    layer: [
      {
        data: { values: timed },
        mark: { type: 'boxplot', extent: 'min-max', size: 26, median: { color: 'white' } },
        encoding: { y: { ...y, field: 'seconds' }, color: { field: 'kind', type: 'nominal', scale: kindColours(timed.map((t) => t.kind)), title: null, legend: { orient: 'top' } } },
      },
      ...(untimed.length > 0 ? [{ data: { values: untimed }, mark: { type: 'text', color: '#5b6474', fontStyle: 'italic', fontSize: 11 }, encoding: { y: { ...y, field: 'at' }, text: { field: 'label' } } }] : []),
    ],
  };
}

/** How a selective-prediction ordering is named in the figure and the table. */
export const ORDERING_NAMES = { confidence: 'by confidence', agreement: 'by agreement level', 'agreement-then-rules': 'by agreement, then rules' } as const;

/** Most points per curve drawn (a curve of 4,000 distinct confidences would weigh down the page, not inform). */
const MAX_CURVE_POINTS = 240;

/** Every step-th point of a long curve, always with its first and last point. */
function thin<T>(points: T[]): T[] {
  if (points.length <= MAX_CURVE_POINTS) return points;
  const step = Math.ceil(points.length / MAX_CURVE_POINTS);
  return points.filter((_, i) => i % step === 0 || i === points.length - 1);
}

/** Figure 4: accuracy against coverage per reader ordering (selective prediction), with the target accuracies. */
export function coverageSpec(ev: Evaluation): Spec | null {
  const curves = ev.readers.flatMap((r) => r.selective.map((s) => ({ line: r.selective.length > 1 || s.by !== 'confidence' ? `${r.name} ${ORDERING_NAMES[s.by]}` : r.name, s })));
  if (curves.length === 0) return null;
  const lines = curves.map((c) => c.line);
  const values = curves.flatMap(({ line, s }) =>
    thin(s.curve).map((p) => ({ line, coverage: p.coverage, accuracy: p.accuracy, description: `${line}: accuracy ${p.accuracy.toFixed(3)} at coverage ${p.coverage.toFixed(3)}${p.threshold === null ? '' : ` (confidence ≥ ${p.threshold.toFixed(3)})`}` })),
  );
  const [low] = extent(values.map((v) => v.accuracy));
  const floor = Math.max(0, Math.floor(Math.min(low, 0.9) * 10) / 10);
  const targets = [...new Set(curves.flatMap((c) => c.s.atAccuracy.map((a) => a.target)))].map((target) => ({ target, label: `${(target * 100).toFixed(0)} %` }));
  // A few pixels of room above 1, so a reader that is always right is drawn, not hidden in the frame.
  const yScale = { domain: [floor, 1], padding: 6, nice: false };
  const y = { field: 'accuracy', type: 'quantitative', scale: yScale, title: 'accuracy of the reports answered' };
  return {
    width: 760,
    height: 320,
    layer: [
      { data: { values: targets }, mark: { type: 'rule', color: '#9aa3b2', strokeDash: [4, 3], strokeWidth: 1 }, encoding: { y: { field: 'target', type: 'quantitative', scale: yScale } } },
      // Labelled right of the plot, where no curve runs.
      { data: { values: targets }, mark: { type: 'text', align: 'left', dx: 6, color: '#5b6474', fontSize: 10 }, encoding: { x: { datum: 1 }, y: { field: 'target', type: 'quantitative' }, text: { field: 'label' } } },
      {
        data: { values },
        mark: { type: 'line', point: { size: 12 }, strokeWidth: 2 },
        encoding: {
          x: { field: 'coverage', type: 'quantitative', scale: { domain: [0, 1] }, title: 'coverage: share of reports the reader answers (the rest go to a person)', axis: { format: '%' } },
          y,
          color: { field: 'line', type: 'nominal', scale: { domain: lines }, title: null, legend: { orient: 'top', columns: Math.min(3, lines.length), labelLimit: 320 } },
          order: { field: 'coverage', type: 'quantitative' },
          description: { field: 'description' },
        },
      },
    ],
  };
}

export const FIGURES: FigureDef[] = [
  {
    id: 'figure-1',
    title: 'accuracy, precision, recall and F1 per reader',
    caption: 'Accuracy, and precision, recall and F1 averaged over the class set (macro); whiskers: 95 % bootstrap confidence intervals. Readers sorted by the mean of the four scores.',
    spec: metricsSpec,
  },
  {
    id: 'figure-2',
    title: 'confusion matrices',
    caption: 'Rows: truth (the class set); columns: the answer, the same for every reader (the class set; then any other category, and UNCLASSIFIED, when a reader answered it; then FAILED = no valid answer). Each row adds up to the class\'s reports; right of the dashed line: answers outside the class set (all wrong). Colour: share of the true class; an empty cell is a zero.',
    spec: confusionSpec,
  },
  {
    id: 'figure-3',
    title: 'seconds per report',
    caption: 'Wall-clock seconds per report per reader, log scale (box: quartiles, white line: median; whiskers: min–max). "no timing": the reader recorded no time.',
    spec: secondsSpec,
    empty: 'No reader recorded its time.',
  },
  {
    id: 'figure-4',
    title: 'accuracy against coverage (selective prediction)',
    caption: 'Each reader\'s reports ordered by its confidence (the consensus by agreement level, and by agreement level then agreement with the guideline engine), most confident first; a point answers every report at or above one confidence, and the rest go to a person. Reports with equal confidence enter together; failed, UNCLASSIFIED and reports without a confidence come last. Dashed: the target accuracies of the table below.',
    spec: coverageSpec,
    empty: 'No reader gave a confidence (LLMs need logprobs from the server or --samples; the guideline engine gives its score margin).',
  },
];

/** Renders a Vega-Lite spec to an SVG string ready to inline in HTML (no namespace URLs, no external refs). */
export async function renderSvg(spec: Spec): Promise<string> {
  const [vegaLite, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const compiled = vegaLite.compile({ ...spec, config: { font: 'sans-serif', view: { stroke: null } } } as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // Inline SVG in HTML needs no xmlns; leaving it out keeps the page free of any URL.
    return svg.replace(/\s+xmlns(?::\w+)?="[^"]*"/g, '');
  } finally {
    view.finalize();
  }
}

export interface RenderedFigure {
  id: string;
  title: string;
  caption: string;
  /** null when the figure had nothing to show; `empty` says why. */
  svg: string | null;
  empty?: string;
}

export async function renderFigures(ev: Evaluation, figures: FigureDef[] = FIGURES): Promise<RenderedFigure[]> {
  return Promise.all(
    figures.map(async (f) => {
      const spec = f.spec(ev);
      return { id: f.id, title: f.title, caption: f.caption, svg: spec ? await renderSvg(spec) : null, empty: f.empty };
    }),
  );
}
