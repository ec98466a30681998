/**
 * What an LLM reads for each report: the narrative part (findings and assessment, as in the study; the
 * quantitative block and the question lines are left out), the whole text when there is no narrative, or its
 * English translation when the run translates. Optionally the extracted measurements are appended.
 */
import { AnswerError } from '../../errors.js';
import { parseReport } from '../../report/parse-report.js';
import type { Report } from '../../report/report.js';
import { textOf } from '../../report/split-sections.js';
import type { ReadText } from './llm-reader.js';

export class ReadTexts {
  private readonly cache = new Map<string, { narrative: string; source: 'narrative' | 'full'; measurements: string; lang: string }>();
  private readonly translations = new Map<string, string>();
  private readonly failures = new Map<string, string>();

  constructor(private readonly options: { withMeasurements?: boolean; translateModel?: string } = {}) {}

  private parsed(report: Report) {
    let entry = this.cache.get(report.id);
    if (!entry) {
      const parsed = parseReport(report);
      const narrative = textOf(report.text, parsed.parts.narrative).trim();
      const measurements = parsed.measurements.map((m) => `${m.key} ${m.value}${m.unit ? ` ${m.unit}` : ''}${m.ref ? ` (ref ${m.ref.text})` : ''}`).join('; ');
      entry = { narrative: narrative || report.text, source: narrative ? 'narrative' : 'full', measurements, lang: parsed.lang };
      this.cache.set(report.id, entry);
    }
    return entry;
  }

  /** The German text to translate, or null when the run does not translate or the report is English. */
  toTranslate(report: Report): string | null {
    if (!this.options.translateModel) return null;
    const entry = this.parsed(report);
    return entry.lang === 'de' ? entry.narrative : null;
  }

  setTranslation(reportId: string, text: string): void {
    this.translations.set(reportId, text);
  }

  setTranslationFailure(reportId: string, message: string): void {
    this.failures.set(reportId, message);
  }

  textFor(report: Report): ReadText {
    const entry = this.parsed(report);
    const measurements = this.options.withMeasurements ? entry.measurements : undefined;
    if (this.toTranslate(report) !== null) {
      const translation = this.translations.get(report.id);
      if (translation === undefined) {
        throw new AnswerError(`no translation of report "${report.id}" (${this.failures.get(report.id) ?? 'not translated'})`, { code: 'answer.no_translation', raw: '' });
      }
      return { text: translation, source: 'translation', translationModel: this.options.translateModel, measurements };
    }
    return { text: entry.narrative, source: entry.source, measurements };
  }
}
