/**
 * When the guideline engine gives no category. A disease needs positive evidence (criteria/score.ts), and so does
 * NORMAL: a text that merely lacks disease is not a normal study. The engine answers UNCLASSIFIED with a reason:
 * - `not_cmr`: the text is no CMR report: binary-looking, or naming no cardiac MR at all while its opening (title,
 *   first line, technique) names another modality or document (CT, echocardiography, a discharge letter,
 *   laboratory values), or while it holds no cardiac finding or measurement. This overrides findings:
 *   lymphadenopathy on a CT thorax is no cardiac sarcoidosis. Elsewhere in a report another modality is only
 *   history or advice ("FDG-PET empfohlen").
 * - `non_diagnostic`: the exam is described as aborted or non-diagnostic, or as limited (artefacts,
 *   claustrophobia, no contrast, a sequence not done) with nothing normal stated; no disease found.
 * - `no_findings`: a CMR report with neither a disease nor positive evidence of a normal study.
 * Messages name what was missing, never words of the report.
 */
import type { Measurement } from '../../report/extract-measurements.js';
import type { Span } from '../../report/report.js';
import type { Section } from '../../report/split-sections.js';
import type { UnclassifiedReason } from '../../taxonomy/taxonomy.js';
import type { Scored } from './criteria.js';
import type { Mention } from './find-findings.js';

export interface Abstention {
  reason: UnclassifiedReason;
  message: string;
  /** Where the report says why (the aborted exam, the other modality), for evidence quotes. */
  spans: Span[];
}

/**
 * Words only a cardiac MR exam uses (folded text: lower case, no umlauts). A CT or echo report has none of them;
 * "MR" alone is left out (mitral regurgitation).
 */
const MR_WORDS =
  /\b(?:mrt|mri|cmr|cmri|c-?mrt|c-?mri|kernspin\w*|mr[ -](?:imaging|scan|study|examination|untersuchung|bildgebung|des herzens)|mr-?t?omogra|kardio-?mr|herz-?mr|cardiac mr|cardiovascular mr|magnetresonanz|magnet-?resonanz|magnetic resonance|cine|ssfp|bssfp|truefisp|stir|tirm|psir|lge|late[ -](?:gadolinium[ -])?enhancement|spat-?enhancement|spatanreicherung|delayed[ -](?:gadolinium[ -])?(?:hyper)?enhancement|de-?mri|hyperenhancement|gadolinium|gadobutrol|gadoterat|gadovist|dotarem|t1-?mapping|t2-?mapping|t2\*|t2-?(?:gewicht\w*|weighted|hyperinten\w*)|t2w|nativ\w* t1|t1[ -]nativ|molli|ecv|extrazellularvolumen|extracellular volume|nullung|ti-?scout|inversion[ -]recovery|tesla)(?![a-z0-9])/;
const MR_KEYS = new Set(['T1', 'T2', 'ECV', 'FIELD']);
/** Scar described by its depth or pattern is tissue characterisation, which only MR does among cardiac imaging. */
const LGE_PATTERNS = ['subendo', 'subepi', 'midwall', 'transmural', 'patchy', 'diffuse', 'insertion', 'stripe'];
const describedScar = (m: Mention) => m.concept === 'lge' && m.status !== 'asked' && LGE_PATTERNS.some((a) => m.attrs.has(a));

/** Other modalities and documents, named in messages by their label. */
const OTHER_KINDS: [string, RegExp][] = [
  ['CT', /\b(?:ct|cct|ccta|ctpa|mdct|msct|ct-?thorax|ct-?angiogra\w*|computertomogra\w*|computed tomogra\w*|hounsfield|agatston|calcium score|kalk-?score)\b/],
  ['echocardiography', /\b(?:echokardiogra\w*|echocardiogra\w*|echo|tte|tee|transthorakal\w*|transthoracic|trans-?o?e?sophageal\w*|transosophageal\w*|doppler\w*|tapse|m-mode)\b/],
  ['X-ray', /\b(?:rontgen\w*|roentgen\w*|x-?rays?|radiogra\w*|thoraxaufnahme)\b/],
  ['nuclear imaging', /\b(?:szintigra\w*|scintigra\w*|spect|pet-?ct|fdg-?pet)\b/],
  ['cardiac catheterisation', /\b(?:herzkatheter\w*|linksherzkatheter\w*|koronarangiogra\w*|coronary angiogra\w*|lavokardiogra\w*|ventrikulogra\w*)\b/],
  ['a discharge letter', /\b(?:entlassungsbrief|entlassung\w*|arztbrief|epikrise|discharge\w*|entlassmedikation|medikation bei entlassung|wir berichten)\b/],
  ['laboratory values', /\b(?:labor\w*|laboratory|blutbild|hamoglobin|haemoglobin|hemoglobin|leukozyten|kreatinin|creatinine|crp)\b/],
];

/** What the text says it is: its first line and the text before the first heading (a title), and its technique. */
function opening(folded: string, sections: Section[]): string {
  const firstLine = folded.indexOf('\n');
  const parts = [folded.slice(0, Math.min(firstLine === -1 ? folded.length : firstLine, 250))];
  for (const s of sections) {
    if (s.kind === 'preamble' || s.kind === 'technique') parts.push(folded.slice(s.span.start, Math.min(s.span.end, s.span.start + 300)));
  }
  return parts.join('\n');
}

/** Share of control characters (or replacement characters) above which a text is not prose at all. */
function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 4000);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c < 0xa0) || c === 0xfffd) odd++;
  }
  return odd > Math.max(2, n * 0.02);
}

/** A signal the report asserts (or reports as history, or hedges), not one it negates or asks about. */
const said = (m: Mention) => m.status !== 'negated' && m.status !== 'asked';

export interface AbstainInput {
  text: string;
  folded: string;
  scored: Scored;
  mentions: Mention[];
  /** The signals (found on demand, see find-findings.ts). */
  signals: () => Mention[];
  measurements: Measurement[];
  sections: Section[];
}

/** Why the engine gives no category for this report, or null when it answers with `scored.category`. */
export function abstain({ text, folded, scored, mentions, signals, measurements, sections }: AbstainInput): Abstention | null {
  if (looksBinary(text)) return { reason: 'not_cmr', message: 'the text looks binary (control characters), not like a report', spans: [] };
  if (!measurements.some((m) => MR_KEYS.has(m.key)) && !MR_WORDS.test(folded) && !mentions.some(describedScar)) {
    const head = opening(folded, sections);
    const others = OTHER_KINDS.filter(([, re]) => re.test(head)).map(([name]) => name);
    if (others.length > 0) {
      return { reason: 'not_cmr', message: `not a CMR report: its title or technique names ${others.join(' and ')}, and it names nothing of a cardiac MR exam (MRI, cine, LGE, mapping)`, spans: [] };
    }
    if (!measurements.length && !mentions.some((m) => !m.concept.startsWith('ctx:'))) {
      return { reason: 'not_cmr', message: 'not a CMR report: no cardiac MR exam named and no cardiac finding or measurement', spans: [] };
    }
  }
  if (scored.category !== 'NORMAL') return null;
  const normal = new Set((scored.normal ?? []).map((e) => e.kind));
  if (normal.has('stated')) return null;
  const found = signals();
  const aborted = found.filter((m) => m.concept === 'exam:aborted' && said(m));
  const limited = found.filter((m) => m.concept === 'exam:limited' && said(m));
  // An aborted exam that was still called normal (above), or judged the heart's function and found no LGE, answered its question.
  if (aborted.length > 0 && !(normal.has('function') && normal.has('no-lge'))) {
    return { reason: 'non_diagnostic', message: 'the exam is described as aborted or non-diagnostic, and it states no disease, no normal study and not both normal function and no LGE', spans: aborted.map((m) => m.sentence) };
  }
  if (normal.size > 0) return null;
  if (limited.length > 0) {
    return { reason: 'non_diagnostic', message: 'the exam is described as limited (artefacts, claustrophobia, no contrast or a sequence not done) and it states no disease and nothing normal', spans: limited.map((m) => m.sentence) };
  }
  return { reason: 'no_findings', message: 'no disease and no positive evidence of a normal study (normal function or size, no LGE, normal mapping, or a study called normal)', spans: [] };
}
