/**
 * The guideline engine's answers on a fixed mixed cohort, as a golden file: proof that a change meant only to
 * make the engine faster (the matcher, folding, sections, measurements, the store and the export) leaves every
 * answer byte for byte as it was. The cohort: German and English synthetic reports of every category and OTHER
 * subtype, the real-text corpus, the hand-written fixtures, the demo cohort, and a few odd inputs (not a CMR
 * report, an aborted exam, Unicode that folds oddly, a very long report).
 *
 * Each golden line keeps what is readable (id, category, confidence) and a hash of the rest: the prediction
 * line of predictions.jsonl without its timing (`seconds`), and what `cmrdx parse` says of the report (sections
 * and measurements). The file was generated from main (05141e6, both vocabulary rounds of issue 12) without the speed
 * work of point 5, and the speed work gives the same file, with
 *
 *   node --import tsx test/helpers/golden-answers.ts --write
 *
 * A change that is meant to change answers (new vocabulary, new criteria) regenerates it with the same command
 * and says so in its commit; a speed change must leave it as it is.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classify } from '../../src/api/classify.js';
import { parseReport, parsedReportJson } from '../../src/report/parse-report.js';
import { generateCohort } from '../../src/synth/generate-cohort.js';

export const GOLDEN_FILE = fileURLToPath(new URL('../fixtures/golden/rules-answers.jsonl', import.meta.url));

interface CohortReport {
  id: string;
  text: string;
  lang?: string;
}

const FIXTURES = ['../fixtures/real', '../fixtures/handwritten'];

function readJsonl(path: string): CohortReport[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const { id, text, lang } = JSON.parse(line) as CohortReport;
      return lang ? { id, text, lang } : { id, text };
    });
}

/** Inputs unlike any cohort: they reach the abstention paths and the corners of text folding. */
const ODD: CohortReport[] = [
  { id: 'odd-ct', text: 'CT Thorax nativ vom 12.03.2024\nBefund: Keine Rundherde. Kein Pleuraerguss. Mediastinum unauffällig.\nBeurteilung: Unauffälliger CT-Befund.' },
  { id: 'odd-aborted', text: 'Kardio-MRT vom 01.02.2024: Untersuchung wegen Klaustrophobie nach dem Localizer abgebrochen. Keine Beurteilung möglich.' },
  { id: 'odd-junk', text: 'PK ÿØÿà JFIF \uFFFD\uFFFD 0x1f8b İstanbul ǅ ﬁ Ⅻ ﬀ Straße ẞ' },
  { id: 'odd-spellings', text: 'Befund: Linksventrikulaere Hypertrophie, Septum 19 mm. Fleckfoermiges intramyokardiales LGE. Kein Perikarderguß. Beurteilung: Hypertrophe nicht-obstruktive Kardiomyopathie.' },
  { id: 'odd-crlf', text: 'Indikation: V.a. Myokarditis?\r\nBefund: LVEF 58 %. T2 erhöht (62 ms). Subepikardiales LGE lateral.\r\nBeurteilung: Akute Myokarditis.' },
  { id: 'odd-empty-findings', text: 'Kardio-MRT\nBefund:\nBeurteilung:' },
];

/** The cohort, in a fixed order. */
export function goldenCohort(): CohortReport[] {
  const synthetic = (['de', 'en'] as const).flatMap((lang) =>
    generateCohort({ seed: `golden-${lang}`, n: 240, lang, mix: { OTHER: 48 } }).map((r) => ({ id: `syn-${lang}-${r.id}`, text: r.text, lang })),
  );
  const fixtures = FIXTURES.flatMap((dir) => {
    const folder = fileURLToPath(new URL(dir, import.meta.url));
    return readdirSync(folder)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .flatMap((f) => readJsonl(join(folder, f)));
  });
  const demo = readJsonl(fileURLToPath(new URL('../../examples/demo/reports.jsonl', import.meta.url))).map((r) => ({ ...r, id: `demo-${r.id}` }));
  const long = { id: 'odd-long', text: synthetic.slice(0, 12).map((r) => r.text).join('\n\n') };
  return [...synthetic, ...fixtures, ...demo, ...ODD, long];
}

export interface GoldenAnswer {
  id: string;
  category: string | null;
  confidence: number | null;
  /** sha256 of the predictions.jsonl line without `seconds`. */
  answer: string;
  /** sha256 of the `cmrdx parse --json` object of the report. */
  parse: string;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 20);

/** Classifies the cohort through the library's classify run (store and export included), as `cmrdx classify` does. */
export async function goldenAnswers(): Promise<{ answers: GoldenAnswer[]; lines: Map<string, string> }> {
  const cohort = goldenCohort();
  const dir = mkdtempSync(join(tmpdir(), 'cmrdx-golden-'));
  try {
    const input = join(dir, 'reports.jsonl');
    writeFileSync(input, cohort.map((r) => JSON.stringify(r)).join('\n'));
    await classify({ input, out: join(dir, 'run'), models: ['rules'] });
    const lines = new Map<string, string>();
    for (const line of readFileSync(join(dir, 'run', 'predictions.jsonl'), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const prediction = JSON.parse(line) as Record<string, unknown>;
      delete prediction.seconds;
      lines.set(prediction.id as string, JSON.stringify(prediction));
    }
    const answers = cohort.map((report): GoldenAnswer => {
      const line = lines.get(report.id);
      if (line === undefined) throw new Error(`no prediction for ${report.id}`);
      const prediction = JSON.parse(line) as { category: string | null; confidence?: { value: number } | null };
      const parsed = parsedReportJson(parseReport(report.lang ? { id: report.id, text: report.text, lang: report.lang as 'de' | 'en' } : { id: report.id, text: report.text }));
      return { id: report.id, category: prediction.category, confidence: prediction.confidence?.value ?? null, answer: sha(line), parse: sha(JSON.stringify(parsed)) };
    });
    return { answers, lines };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readGolden(): GoldenAnswer[] {
  return readFileSync(GOLDEN_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldenAnswer);
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  const { answers } = await goldenAnswers();
  writeFileSync(GOLDEN_FILE, `${answers.map((a) => JSON.stringify(a)).join('\n')}\n`);
  console.log(`${answers.length} answers written to ${GOLDEN_FILE}`);
}
