/**
 * The study's three figures as Vega-Lite specifications, rendered to SVG in Node at evaluate time (no browser,
 * no canvas): grouped bars of accuracy, precision, recall and F1 per reader with 95 % CI whiskers; confusion
 * matrices as small multiples (counts, blue intensity); seconds per report per reader on a log scale.
 * The specs are plain data, so tests can check them; vega and vega-lite are imported only when rendering.
 */
import type { Evaluation } from '../evaluate/evaluate-run.js';
import { FAILED } from '../evaluate/metrics.js';

type Spec = Record<string, unknown>;

export const METRIC_NAMES = ['Accuracy', 'Precision', 'Recall', 'F1'] as const;

/** Readers sorted by the mean of their four scores, best first (the order of Figure 1). */
export function readerOrder(ev: Evaluation): string[] {
  const mean = (r: Evaluation['readers'][number]) => (r.metrics.accuracy + r.metrics.macro.precision + r.metrics.macro.recall + r.metrics.macro.f1) / 4;
  return [...ev.readers].sort((a, b) => mean(b) - mean(a)).map((r) => r.name);
}

export function metricsSpec(ev: Evaluation): Spec {
  const values = ev.readers.flatMap((r) => [
    { reader: r.name, metric: 'Accuracy', value: r.metrics.accuracy, low: r.ci.accuracy.low, high: r.ci.accuracy.high },
    { reader: r.name, metric: 'Precision', value: r.metrics.macro.precision, low: r.ci.precision.low, high: r.ci.precision.high },
    { reader: r.name, metric: 'Recall', value: r.metrics.macro.recall, low: r.ci.recall.low, high: r.ci.recall.high },
    { reader: r.name, metric: 'F1', value: r.metrics.macro.f1, low: r.ci.f1.low, high: r.ci.f1.high },
  ]);
  const x = { field: 'reader', type: 'nominal', sort: readerOrder(ev), title: null, axis: { labelAngle: -25, labelLimit: 180 } };
  return {
    width: Math.min(980, 120 * ev.readers.length + 40),
    height: 260,
    data: { values },
    encoding: { x, xOffset: { field: 'metric', sort: METRIC_NAMES }, color: { field: 'metric', type: 'nominal', sort: METRIC_NAMES, scale: { scheme: 'tableau10' }, title: null, legend: { orient: 'top' } } },
    layer: [
      { mark: { type: 'bar' }, encoding: { y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: 'score (macro average; 95 % bootstrap CI)' }, tooltip: [{ field: 'reader' }, { field: 'metric' }, { field: 'value', format: '.3f' }] } },
      { mark: { type: 'rule', color: '#333' }, encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
    ],
  };
}

export function confusionSpec(ev: Evaluation): Spec {
  const anyFailed = ev.readers.some((r) => r.metrics.failed > 0);
  const columns = [...ev.classes, ...(anyFailed ? [FAILED] : [])];
  const values = ev.readers.flatMap((r) =>
    ev.classes.flatMap((truth) => columns.map((predicted) => ({ reader: r.name, truth, predicted, count: r.metrics.confusion[truth]?.[predicted] ?? 0, share: (r.metrics.confusion[truth]?.[predicted] ?? 0) / Math.max(1, r.metrics.perClass[truth]?.support ?? 1) }))),
  );
  const side = Math.max(140, 22 * columns.length);
  return {
    data: { values },
    facet: { field: 'reader', type: 'nominal', sort: readerOrder(ev), title: null, header: { labelFontWeight: 'bold', labelFontSize: 12 } },
    columns: 3,
    spec: {
      width: side,
      height: side,
      encoding: {
        x: { field: 'predicted', type: 'ordinal', sort: columns, title: 'predicted', axis: { labelAngle: -45 } },
        y: { field: 'truth', type: 'ordinal', sort: ev.classes, title: 'truth' },
      },
      layer: [
        { mark: { type: 'rect' }, encoding: { color: { field: 'share', type: 'quantitative', scale: { scheme: 'blues', domain: [0, 1] }, legend: null } } },
        {
          transform: [{ filter: 'datum.count > 0' }],
          mark: { type: 'text', fontSize: 10 },
          encoding: { text: { field: 'count', type: 'quantitative' }, color: { condition: { test: 'datum.share > 0.5', value: 'white' }, value: 'black' } },
        },
      ],
    },
    resolve: { scale: { color: 'shared' } },
  };
}

export function secondsSpec(ev: Evaluation): Spec | null {
  const values = ev.readers.flatMap((r) => [...r.predictions.values()].filter((p) => typeof p.seconds === 'number' && p.seconds > 0).map((p) => ({ reader: r.name, seconds: p.seconds })));
  if (values.length === 0) return null;
  const order = readerOrder(ev).filter((name) => values.some((v) => v.reader === name));
  return {
    width: Math.min(980, 90 * order.length + 40),
    height: 240,
    data: { values },
    mark: { type: 'boxplot', extent: 'min-max', size: 28 },
    encoding: {
      x: { field: 'reader', type: 'nominal', sort: order, title: null, axis: { labelAngle: -25, labelLimit: 180 } },
      y: { field: 'seconds', type: 'quantitative', scale: { type: 'log' }, title: 'seconds per report (log scale)' },
      color: { field: 'reader', type: 'nominal', legend: null, scale: { scheme: 'tableau10' } },
    },
  };
}

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

export interface Charts {
  metrics: string;
  confusion: string;
  seconds: string | null;
}

export async function renderCharts(ev: Evaluation): Promise<Charts> {
  const seconds = secondsSpec(ev);
  const [metrics, confusion, secondsSvg] = await Promise.all([renderSvg(metricsSpec(ev)), renderSvg(confusionSpec(ev)), seconds ? renderSvg(seconds) : Promise.resolve(null)]);
  return { metrics, confusion, seconds: secondsSvg };
}
