/**
 * When the guideline engine gives no category. A disease needs positive evidence (criteria/score.ts), and so does
 * NORMAL: a text that merely lacks disease is not a normal study. The engine answers UNCLASSIFIED with a reason:
 * - `not_cmr`: the text is no CMR report: binary-looking; an MRI of another organ (its title names the organ, "MRT
 *   Kniegelenk", "cMRT"); an MR word with nothing of the heart; a report whose opening (title, first line,
 *   technique) names another modality or document (CT, echo, catheter, ultrasound, ECG/Holter, a discharge letter,
 *   laboratory values) and that names no MR exam of its own: an MRI it recommends ("Kardio-MRT empfohlen",
 *   "consider cardiac MRI") is another exam, and a CT's "late enhancement" or an echo's "cine loops" are that
 *   modality's; or a text with no cardiac finding or measurement at all ("No abnormality." names no organ). This
 *   overrides findings: lymphadenopathy on a CT thorax is no cardiac sarcoidosis. A case text that tells its echo,
 *   CT and angiography before the CMR's findings names its CMR there, and stays a CMR report.
 * - `non_diagnostic`: today's exam (not one in the history) is described as aborted or non-diagnostic, and either
 *   its disease is known only from the history, or it states neither a disease nor both normal function and no
 *   LGE (a normal study stated of an exam stopped as a whole covers only the images before it stopped); or it is
 *   described as limited (artefacts, claustrophobia, no contrast, a sequence not done) with nothing normal stated.
 * - `no_findings`: a CMR report with neither a disease nor positive evidence of a normal study.
 * Messages name what was missing, never words of the report.
 */
import type { Measurement } from '../../report/extract-measurements.js';
import type { Span } from '../../report/report.js';
import type { Section, SectionKind } from '../../report/split-sections.js';
import type { UnclassifiedReason } from '../../taxonomy/taxonomy.js';
import type { Scored } from './criteria.js';
import type { Mention } from './find-findings.js';

export interface Abstention {
  reason: UnclassifiedReason;
  message: string;
  /** Where the report says why (the aborted exam, the other modality), for evidence quotes. */
  spans: Span[];
}

/*
 * What names a cardiac MR exam (folded text: lower case, no umlauts). A name of the cardiac MR itself settles it;
 * a plain MR word ("MRT", "MRI", "Kernspin") or an MR-only technique (gadolinium, SSFP, mapping) needs the heart
 * somewhere in the text (a knee, brain or lung MRI is no CMR); words other modalities share ("cine" loops of an
 * echo, "late enhancement" of a cardiac CT, ECV, scar by its depth) count only where the text's opening names no
 * other modality that uses them. "cMRT" is a cranial MRI; "MR" alone is mitral regurgitation.
 */
const CMR_NAMES = /\b(?:cmr|cmri|kardio-?mrt?|kardio-?magnetresonanz\w*|kardio-?mr-?tomogra\w*|herz-?mrt?|herz-?magnetresonanz\w*|cardiac mri?|cardiac magnetic resonance|cardiovascular (?:mri?|magnetic resonance)|heart mri?|kardiale\w* (?:mrt?|mr-?\w+|magnetresonanz\w*|kernspin\w*)|(?:mrt?|mri|magnetresonanz\w*|kernspin\w*|mr-?tomogra\w*) (?:des herzens|of the heart|herz|heart|cardiac))(?![a-z0-9])/;
const GENERIC_MR = /\b(?:mrt|mri|kernspin\w*|mr[ -](?:imaging|scan|study|examination|untersuchung|bildgebung)|mr-?t?omogra\w*|magnetresonanz\w*|magnet-?resonanz\w*|magnetic resonance)(?![a-z0-9])/;
const MR_TECH = /\b(?:ssfp|bssfp|truefisp|stir|tirm|psir|lge|late[ -]gadolinium[ -]enhancement|gadolinium\w*|gadobutrol|gadoterat\w*|gadovist|dotarem|t1-?mapping|t2-?mapping|t2\*|t[12][ -]?(?:gewicht\w*|weighted|hyperinten\w*|hypointen\w*)|t2w|nativ\w* t1|t1[ -]nativ|molli|nullung|ti-?scout|inversion[ -]recovery|\d(?:[.,]\d)? ?tesla|cine[ -]?(?:ssfp|mrt?|sequen\w*|bildgebung|imaging|aufnahmen)|(?:turbo[ -]?)?spin[ -]?echo\w*|gradient(?:en)?[ -]?echo\w*|echo[ -]?(?:time|zeit)|de-?mri)(?![a-z0-9])/;
/** MR words other modalities share: late (iodine) enhancement of a cardiac CT, an echo's cine loops, ECV. */
const LATE_MR = /\b(?:late[ -](?:\w+ )?enhancement|spat-?enhancement|spatanreicherung|delayed[ -](?:gadolinium[ -])?(?:hyper)?enhancement|hyperenhancement)(?![a-z0-9])/;
const SHARED_MR = /\b(?:cine|ecv|extrazellularvolumen|extracellular volume)(?![a-z0-9])/;
const MR_KEYS = new Set(['T1', 'T2', 'T2STAR', 'ECV', 'FIELD']);
/** Measurements of no cardiac structure: the heart rate (an ECG has one) and the body surface area. */
const NON_CARDIAC_KEYS = new Set([...MR_KEYS, 'HR', 'BSA']);
/**
 * Words of the heart. Plain "ventricles" is left out (the brain has them), and so is "infarct" (so has the brain); the
 * ventricles' size and function ("Ventrikelgrößen und -funktion", "Pumpfunktion") and the myocardial segments'
 * names ("inferolateral") are the heart's.
 */
const CARDIAC_WORDS = /\b(?:herz\w*|\w*kardi\w*|\w*cardi\w*|heart|myokard\w*|myocard\w*|(?:links|rechts|bi)ventrikul\w*|(?:left|right|bi)[ -]?ventric\w*|lv\w*|rv\w*|perikard\w*|pericard\w*|\w*septal\w*|septum|vorhof\w*|atri(?:um|al|a)|koronar\w*|coronar\w*|mitral\w*|aortenklapp\w*|aortic|trikuspid\w*|tricuspid\w*|wandbewegung\w*|wall motion|ejektionsfraktion|ejection fraction|lge|endokard\w*|endocard\w*|epikard\w*|epicard\w*|apikal\w*|apical|(?:vorder|hinter|seiten|lateral|septum|frei\w*|spitzen|ventrikel)wand\w*|wanddicke\w*|(?:anterior|inferior|lateral|septal|posterior|free|inferolateral|anterolateral|inferoseptal|anteroseptal|apical|basal) wall|mid-?wall|subendo\w*|subepi\w*|intramyo\w*|intramural\w*|transmural\w*|mittmyokard\w*|crista terminalis|papillar\w*|trabekul\w*|trabecul\w*|adenosin\w*|regadenoson|dobutamin\w*|perfusionsdefekt\w*|perfusion defects?|lad|rca|rcx|riva|lcx|ramus circumflexus|pumpfunktion\w*|ventrikel(?:gro|funktion|volum|dimension|dilat)\w*|ventricular (?:function|size|volumes?|dimensions?|dilat\w*)|(?:infero|antero)(?:lateral|septal)\w*|laterobasal\w*|posterolateral\w*|pfo|asd|vsd|foramen ovale|\w*septumdefekt\w*|septal defects?|shunt\w*)(?![a-z0-9])/;
/** An MR exam of another organ named with the exam ("MRT Kniegelenk", "MRI brain", "cMRT"). */
const OTHER_ORGAN = /\b(?:knie\w*|knee|schulter\w*|shoulder|hufte|hip|wirbelsaule|lws|hws|bws|spine|spinal|schadel\w*|kopf|head|brain|gehirn\w*|hirn\w*|cerebr\w*|zerebr\w*|kranial\w*|cranial|neuro\w*|abdomen|abdominal|leber|liver|prostat\w*|becken|pelvis|pelvic|mamma\w*|breast|thorax|chest|lunge\w*|lungs?|pulmo\w*|nieren?|kidneys?|renal|pankreas|pancrea\w*|mrcp|orbita|sella|hals|neck|extremit\w*|sprunggelenk\w*|ankle|handgelenk\w*|wrist|ellenbogen|elbow)(?![a-z0-9])/;
/** The organ stands beside the MR word, within two words ("MRT Kniegelenk rechts", "MRI of the brain", "Schädel-MRT"). */
function organMr(line: string): boolean {
  const mr = new RegExp(GENERIC_MR.source, 'g');
  for (let m: RegExpExecArray | null; (m = mr.exec(line)); ) {
    const before = line.slice(Math.max(0, m.index - 30), m.index).split(/[^a-z0-9-]+/).slice(-3);
    const after = line.slice(m.index + m[0].length, m.index + m[0].length + 40).split(/[^a-z0-9-]+/).slice(0, 4);
    if (OTHER_ORGAN.test([...before, ...after].join(' '))) return true;
  }
  return false;
}
const CRANIAL_MR = /\bc-?mrt?(?![a-z0-9])|\bc-?mri(?![a-z0-9])/;
/**
 * Findings only a heart has: its chambers and myocardium, their function and scar. An organ beside the MR word in
 * a title is often the reason for the scan ("MRT Thorax", "MRT bei pulmonaler Sarkoidose", "MRI for chest pain"), not
 * the organ scanned; with these in the text the exam is the heart's. "Herz normal groß" alone, as a chest MRI of the
 * lungs says it, is not enough.
 */
const HEART_FINDINGS = /\b(?:lge|late[ -]gadolinium[ -]enhancement|lv\w*|rv\w*|(?:links|rechts|bi)ventrikul\w*|(?:left|right|bi)[ -]?ventric\w*|myokard\w*|myocard\w*|subepi\w*|subendo\w*|mittmyokard\w*|mid-?wall|transmural\w*|(?:vorder|hinter|seiten|septum|spitzen)wand\w*|(?:anterior|inferior|lateral|septal|posterior|inferolateral|anterolateral|inferoseptal|anteroseptal|apical) wall|wandbewegung\w*|wall motion|akines\w*|hypokines\w*|dyskines\w*|ejektionsfraktion|ejection fraction|perfusionsdefekt\w*|perfusion defects?)(?![a-z0-9])/;
/** Scar described by its depth or pattern is tissue characterisation, which only MR does among cardiac imaging. */
const LGE_PATTERNS = ['subendo', 'subepi', 'midwall', 'transmural', 'patchy', 'diffuse', 'insertion', 'stripe'];
const describedScar = (m: Mention) => m.concept === 'lge' && m.status !== 'asked' && LGE_PATTERNS.some((a) => m.attrs.has(a));
/** An earlier exam told in the history: dated, or told as past or outside. */
const PAST = /\b(?:(?:19|20)\d\d|z\.? ?n\.|vor (?:\d+|einem|einer|zwei|drei|vier|mehreren|wenigen) (?:jahr|monat|woche|tag)\w*|damals|damalig\w*|vorbekannt\w*|voruntersuchung\w*|auswartig\w*|extern\w*|prior|previous\w*|earlier|outside|\w+ (?:years?|months?|weeks?) ago)\b/;

/** Advice or a plan ("Kardio-MRT empfohlen", "consider cardiac MRI"): another exam, not this one. */
const ADVICE = /\b(?:empf(?:ohlen|ehlen|iehlt|ehlung|ehlenswert)\w*|anzuraten|angeraten|sinnvoll|zu erwagen|erwogen|geplant|vorgesehen|angestrebt|angemeldet|recommend\w*|(?:is|was|are|were|be) suggested|we suggest|consider|should|planned|warranted|advis(?:ed|able)|if (?:symptoms|clinically|indicated))(?![a-z0-9])/;

/** Other modalities and documents, named in messages by their label. */
const OTHER_KINDS: [string, RegExp][] = [
  ['CT', /\b(?:ct|cct|ccta|ctpa|mdct|msct|ct-?thorax|ct-?angiogra\w*|\w*computertomogra\w*|computed tomogra\w*|hounsfield|agatston|calcium score|kalk-?score|late iodine enhancement|iodine)\b/],
  ['echocardiography', /\b(?:\w*echokardiogra\w*|\w*echocardiogra\w*|(?:stress-?)?echo|stressecho\w*|tte|tee|transthorakal\w*|transthoracic|trans-?o?e?sophageal\w*|transosophageal\w*|doppler\w*|tapse|m-mode)\b/],
  ['ultrasound', /\b(?:\w*sonogra\w*|sonography|ultrasound|ultraschall\w*|duplex\w*)\b/],
  ['X-ray', /\b(?:rontgen\w*|roentgen\w*|x-?rays?|radiogra\w*|thoraxaufnahme)\b/],
  ['nuclear imaging', /\b(?:\w*szintigra\w*|scintigra\w*|spect|pet-?ct|fdg-?pet)\b/],
  ['cardiac catheterisation', /\b(?:\w*herzkatheter\w*|\w*katheteruntersuchung|koronarangiogra\w*|coronary angiogra\w*|(?:left |right )?heart cath\w*|cardiac cath\w*|catheteri[sz]ation|cath lab|lv angiogra\w*|left ventricular angiogra\w*|lavokardiogra\w*|ventrikulogra\w*|ventriculogra\w*)\b/],
  // ECG gating is part of an MR exam ("EKG-getriggert", "ECG-gated"), not an ECG.
  ['ECG', /\b(?:(?:\w+-)?\w*(?:ekg|ecg)(?![ -]?(?:getrigger\w*|trigger\w*|gated|gating|synchron\w*))|elektrokardiogra\w*|electrocardiogra\w*|holter\w*|ergometrie|sinusrhythmus|sinus rhythm|qtc)\b/],
  ['a discharge letter', /\b(?:entlassungsbrief|entlassung\w*|arztbrief|epikrise|discharge\w*|entlassmedikation|medikation bei entlassung|wir berichten)\b/],
  ['laboratory values', /\b(?:labor\w*|laboratory|blutbild|hamoglobin|haemoglobin|hemoglobin|leukozyten|kreatinin|creatinine|crp)\b/],
];
/** Modalities that show late enhancement or scar themselves: under their title those words are not MR. */
const TISSUE_KINDS = new Set(['CT', 'nuclear imaging']);

/**
 * Where the report speaks of today's exam: not in the history (an earlier exam, an external echo), a comparison
 * or a recommendation section, unless its line carries the CMR's own label before it ("Befund Kardio-MRT: ...",
 * "History: flu. CMR: oedema ..."), as find-findings.ts reads a case text that opens with "Anamnese:".
 */
const ELSEWHERE = new Set<SectionKind>(['history', 'recommendation', 'comparison']);
export function ownPlaces(folded: string, sections: Section[]): (pos: number) => boolean {
  const elsewhere = sections.filter((s) => ELSEWHERE.has(s.kind)).map((s) => s.span);
  return (pos) => {
    if (!elsewhere.some((s) => pos >= s.start && pos < Math.max(s.end, s.start + 1))) return true;
    // A label that starts at or before the position (its own name, "CMR: ..."); a line longer than 2,000 characters
    // is read from a cut, which must not pass for a line's start.
    const lineStart = folded.lastIndexOf('\n', pos - 1) + 1;
    const from = Math.max(lineStart, pos - 2000);
    const lineEnd = folded.indexOf('\n', pos);
    const line = `${from > lineStart ? ' ' : ''}${folded.slice(from, Math.min(pos + 160, lineEnd === -1 ? folded.length : lineEnd))}`;
    const at = pos - from + (from > lineStart ? 1 : 0);
    const m = CMR_LABEL.exec(line);
    return m !== null && m.index <= at;
  };
}
/** The CMR's own label or a findings heading opening a line or a sentence ("Kardio-MRT (Cine, LGE):", "CMR at 3 T:", "... Befund:"). */
const CMR_LABEL = /(?:^|[.;]\s)\s*(?:[-*\u2022]\s*)?(?:\w+ (?:und|and|sowie|&|\/) )?(?:(?:verlauf|befund|serielle?|kontroll|follow-?up|repeat|initial)[ -]?)?(?:(?:kardio-?mrt?|cardio-?mrt?|herz-?mrt?|kardiale?s? mrt?|cardiac mri?|cardiac magnetic resonance|cmr|mrt?|mri)\b[^:\n]{0,140}|befunde?|beurteilung|findings|impression|conclusion|results|ergebnisse?)\s*:/;
/** A span's place: its last character (a sentence span starts at its line's heading, "Anamnese: ..."). */
const placeOf = (s: Span) => Math.max(s.start, s.end - 1);

/** The sentence around a position: from the previous line break or ". " to the next. */
export function sentenceAround(folded: string, pos: number): string {
  let a = pos;
  while (a > 0 && folded[a - 1] !== '\n' && !(folded[a - 2] === '.' && folded[a - 1] === ' ') && pos - a < 400) a--;
  let b = pos;
  while (b < folded.length && folded[b] !== '\n' && !(folded[b] === '.' && (folded[b + 1] === ' ' || b + 1 === folded.length)) && b - pos < 400) b++;
  return folded.slice(a, b);
}

/** The clause around a position: between commas, semicolons, colons, line breaks or sentence ends. */
function clauseAround(folded: string, pos: number): string {
  const stop = (i: number) => folded[i] === '\n' || folded[i] === ',' || folded[i] === ';' || folded[i] === ':' || (folded[i] === '.' && /\s/.test(folded[i + 1] ?? ' '));
  let a = pos;
  while (a > 0 && !stop(a - 1) && pos - a < 200) a--;
  let b = pos;
  while (b < folded.length && !stop(b) && b - pos < 200) b++;
  return folded.slice(a, b);
}

/** Does the text name this exam with the pattern: in its own places, in a clause that is no advice? */
function namesOwn(pattern: RegExp, folded: string, own: (pos: number) => boolean): boolean {
  const re = new RegExp(pattern.source, 'g');
  let m: RegExpExecArray | null;
  for (let n = 0; (m = re.exec(folded)) && n < 200; n++) {
    if (!own(m.index)) continue;
    // The advice governs the exam in its own clause ("V.a. Amyloidose, Kardio-MRT empfohlen", "consider cardiac MRI"). A
    // question is no sign of another exam: "Kardio-MRT bei V.a. Myokarditis?" is this exam's referral.
    // The MR name that opens the text is its title, this exam, whatever its clause plans ("Cardiac MRI prior to planned
    // AF ablation", "Cardiac MRI to consider ARVC"); advice names an exam inside a report of another.
    const opens = folded.slice(0, m.index).trim() === '';
    if (!opens && ADVICE.test(clauseAround(folded, m.index))) continue;
    return true;
  }
  return false;
}

/**
 * Is a finding at this position this CMR's own: in the report's own places (ownPlaces), and in a sentence that
 * names no other modality without an MR ("Echo extern: EF 60 %" is the echo's)? For the NORMAL evidence.
 */
export function fromThisExam(folded: string, sections: Section[]): (span: Span, section?: SectionKind) => boolean {
  const own = ownPlaces(folded, sections);
  return (span, section) => (section ? !ELSEWHERE.has(section) : own(placeOf(span))) && !namesOtherModality(sentenceAround(folded, span.start));
}
/** The same for a measurement: its sentence names no other modality ("Echo extern: EF 60 %"); a case text's history tells the CMR's numbers too. */
export function measuredByThisExam(folded: string): (span: Span) => boolean {
  return (span) => !namesOtherModality(sentenceAround(folded, span.start));
}

/** A sentence that names another modality (an echo's EF) and no MR: its findings are not this CMR's. */
export function namesOtherModality(sentence: string): boolean {
  if (CMR_NAMES.test(sentence) || GENERIC_MR.test(sentence) || MR_TECH.test(sentence)) return false;
  return OTHER_KINDS.some(([name, re]) => name !== 'a discharge letter' && name !== 'laboratory values' && re.test(sentence));
}

type Modality = { cmr: true } | { cmr: false; message: string };

/** Is this text a report of a cardiac MR exam (see the patterns above)? */
function modalityOf(folded: string, sections: Section[], mentions: Mention[], measurements: Measurement[]): Modality {
  // A case text tells its CMR inside its history ("Anamnese: ... Im Kardio-MRT zeigte sich ..."); an earlier exam
  // in the history is dated or told as past ("Z.n. Myokarditis 2019 (Kardio-MRT: ...)", "prior CMR"), and a
  // comparison or recommendation section names another exam.
  const elsewhere = sections.filter((s) => s.kind === 'recommendation' || s.kind === 'comparison').map((s) => s.span);
  const history = sections.filter((s) => s.kind === 'history').map((s) => s.span);
  const labelled = ownPlaces(folded, sections);
  const own = (pos: number) => {
    if (elsewhere.some((s) => pos >= s.start && pos < s.end)) return false;
    if (!history.some((s) => pos >= s.start && pos < s.end) || labelled(pos)) return true;
    return !PAST.test(sentenceAround(folded, pos));
  };
  const headSpans = openingSpans(folded, sections);
  const head = headSpans.map((h) => folded.slice(h.start, h.end)).join('\n');
  const inHead = (pos: number) => headSpans.some((h) => pos >= h.start && pos < h.end);
  const cardiac = CARDIAC_WORDS.test(folded) || measurements.some((m) => !NON_CARDIAC_KEYS.has(m.key));
  const title = head.split('\n').slice(0, 2).join('\n').slice(0, 300);
  const ownName = namesOwn(CMR_NAMES, folded, own);
  // "MRT Kniegelenk", "MRI brain", "cMRT": an MR exam of another organ, unless the text names a cardiac MR too.
  const heartFindings = () => HEART_FINDINGS.test(folded) || measurements.some((m) => !NON_CARDIAC_KEYS.has(m.key));
  if (!ownName && (CRANIAL_MR.test(title) || organMr(title)) && !CARDIAC_WORDS.test(title) && !heartFindings()) {
    return { cmr: false, message: 'not a CMR report: its title names an MR exam of another organ than the heart, and it names no cardiac MR' };
  }
  const tech = namesOwn(GENERIC_MR, folded, own) || namesOwn(MR_TECH, folded, own) || measurements.some((m) => MR_KEYS.has(m.key) && m.key !== 'ECV');
  if (ownName || (tech && cardiac)) return { cmr: true };
  // The opening's MR counts as its modality unless it is advice ("Echo: ... Kardio-MRT empfohlen." on one line).
  const headMr = [GENERIC_MR, MR_TECH, CMR_NAMES].some((re) => namesOwn(re, folded, inHead));
  // Another modality the opening only advises ("Szintigraphie empfohlen") is not what the text is, as for the MR above
  // (the cheap test of the opening first: namesOwn scans the whole text).
  const others = headMr ? [] : OTHER_KINDS.filter(([, re]) => re.test(head) && namesOwn(re, folded, inHead)).map(([name]) => name);
  const late = namesOwn(LATE_MR, folded, own) || mentions.some((m) => describedScar(m) && own(m.span.start));
  const shared = namesOwn(SHARED_MR, folded, own) || measurements.some((m) => m.key === 'ECV');
  // Late enhancement and scar under a CT or PET title are that modality's; cine loops and ECV under any other title too.
  if (cardiac && others.every((o) => !TISSUE_KINDS.has(o)) && (late || (shared && others.length === 0))) return { cmr: true };
  if (others.length > 0) {
    return { cmr: false, message: `not a CMR report: its title or technique names ${others.join(' and ')}, and it names nothing of a cardiac MR exam of its own (MRI, cine, LGE, mapping)` };
  }
  if (tech && !cardiac) return { cmr: false, message: 'not a CMR report: it names an MR exam but nothing of the heart' };
  // "No abnormality." or "Normal study." names no organ: no cardiac finding, unless the text names the heart
  // ("Small PFO with left-to-right flow. Otherwise unremarkable.").
  const cardiacFinding = mentions.some((m) => !m.concept.startsWith('ctx:') && !(m.concept === 'dx:NORMAL' && !cardiac));
  if (!measurements.some((m) => !NON_CARDIAC_KEYS.has(m.key)) && !cardiacFinding) {
    return { cmr: false, message: 'not a CMR report: no cardiac MR exam named and no cardiac finding or measurement' };
  }
  return { cmr: true };
}

/** What the text says it is: its first line and the text before the first heading (a title), and its technique. */
function openingSpans(folded: string, sections: Section[]): Span[] {
  const firstLine = folded.indexOf('\n');
  // A first line under a history heading ("Anamnese: ... CRP 80 mg/l", "History: echo showed ...") tells the patient,
  // not what the document is.
  const end = firstLine === -1 ? folded.length : firstLine;
  const historyFirst = sections.some((s) => s.kind === 'history' && s.span.start < Math.min(end, 40));
  const spans = historyFirst ? [] : [{ start: 0, end: Math.min(end, 250) }];
  for (const s of sections) {
    if (s.kind === 'preamble' || s.kind === 'technique') spans.push({ start: s.span.start, end: Math.min(s.span.end, s.span.start + 300) });
  }
  return spans;
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

/** The exam as a whole stopped: the exam named with a verb of stopping ("Untersuchung ... abgebrochen", "the scan was terminated"). */
const EXAM_STOPPED = /\b(?:untersuchung|messung|exam\w*|study|scan)\b.*\b(?:abgebrochen|abbruch\w*|beendet|aborted|terminated|discontinued|stopped|abandoned)\b|\b(?:abbruch|abgebrochen)\w* (?:der |des )?(?:untersuchung|messung)/;

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
  const modality = modalityOf(folded, sections, mentions, measurements);
  if (!modality.cmr) return { reason: 'not_cmr', message: modality.message, spans: [] };
  const own = ownPlaces(folded, sections);
  // Today's exam: an earlier exam aborted in the history ("letzte Untersuchung abgebrochen") is not this one.
  const today = (m: Mention) => said(m) && m.status !== 'historical' && !ELSEWHERE.has(m.section) && own(placeOf(m.sentence));
  let found: Mention[] | undefined;
  const aborted = () => (found ??= signals()).filter((m) => m.concept === 'exam:aborted' && today(m));
  if (scored.category !== 'NORMAL') {
    // An aborted exam with a disease known only from the history (a prior infarction, sarcoidosis) found nothing itself.
    const positive = scored.criteria.filter((c) => c.category === scored.category && c.weight > 0);
    const read = new Set(mentions.filter((m) => !ELSEWHERE.has(m.section)).map((m) => m.sentence.start));
    // Evidence another modality gave ("Die Echokardiographie zeigte eine LVEF von 35 %") is not this exam's.
    const mine = (s: Span) => (read.has(s.start) || own(placeOf(s))) && !namesOtherModality(sentenceAround(folded, s.start));
    // (In this order: most reports have their evidence, and the signals are found only when asked for.)
    if (positive.some((c) => c.spans.some(mine))) return null;
    const stopped = aborted();
    if (stopped.length === 0) return null;
    return { reason: 'non_diagnostic', message: 'the exam is described as aborted, not done or non-diagnostic, and the disease is known only from the history or another modality, not from this exam', spans: stopped.map((m) => m.sentence) };
  }
  const normal = new Set((scored.normal ?? []).map((e) => e.kind));
  // A normal study stated of an exam stopped as a whole speaks only of the images before it stopped ("no abnormality
  // on the images obtained", "soweit beurteilbar unauffällig"); one stated beside a sequence that was stopped or
  // could not be read ("T2-Mapping abgebrochen", "nicht auswertbar") still stands.
  const stopped = aborted().filter((m) => !normal.has('stated') || EXAM_STOPPED.test(folded.slice(m.sentence.start, m.sentence.end)));
  // An aborted exam that judged the heart's function and found no LGE answered its question.
  if (stopped.length > 0 && !(normal.has('function') && normal.has('no-lge'))) {
    return { reason: 'non_diagnostic', message: 'the exam is described as aborted or non-diagnostic, and it states no disease and not both normal function and no LGE', spans: stopped.map((m) => m.sentence) };
  }
  if (normal.size > 0) return null;
  const limited = (found ??= signals()).filter((m) => m.concept === 'exam:limited' && today(m));
  if (limited.length > 0) {
    return { reason: 'non_diagnostic', message: 'the exam is described as limited (artefacts, claustrophobia, no contrast or a sequence not done) and it states no disease and nothing normal', spans: limited.map((m) => m.sentence) };
  }
  return { reason: 'no_findings', message: 'no disease and no positive evidence of a normal study (normal function or size, no LGE, normal mapping, no inducible perfusion defect, or a study called normal)', spans: [] };
}
