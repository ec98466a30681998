/**
 * The words of the reading and adjudication page, in German and English (`--lang de|en`; by default the
 * language most of the reports are written in), and German names for the default taxonomy's categories.
 */
import type { Lang } from '../report/report.js';
import { detectLanguage } from '../report/detect-language.js';
import { DEFAULT_TAXONOMY, type Taxonomy, type UnclassifiedReason } from '../taxonomy/taxonomy.js';

export interface PageStrings {
  titleRead: string;
  titleAdjudicate: string;
  readingAs: string;
  adjudicatingAs: string;
  of: string;
  answered: string;
  adjudicated: string;
  elapsed: string;
  pause: string;
  resume: string;
  paused: string;
  choose: string;
  chooseFinal: string;
  unsure: string;
  comment: string;
  back: string;
  skip: string;
  saved: string;
  notSaved: string;
  allDone: string;
  allDoneHint: string;
  keysHelp: string;
  keysHelpAdjudicate: string;
  report: string;
  readers: string;
  showQuotes: string;
  quotes: string;
  noAnswer: string;
  failed: string;
  unaligned: string;
  reasonNoMajority: string;
  reasonRules: string;
  reasonBelowTarget: string;
  quotedBy: string;
  serverGone: string;
  /** The reading page's "no category" answers: the heading and each reason. */
  noCategory: string;
  noCategoryHint: string;
  reasons: Record<UnclassifiedReason, string>;
}

const EN: PageStrings = {
  titleRead: 'cmrdx – reading',
  titleAdjudicate: 'cmrdx – adjudication',
  readingAs: 'Reading as',
  adjudicatingAs: 'Adjudicating as',
  of: 'of',
  answered: 'answered',
  adjudicated: 'adjudicated',
  elapsed: 'Time on this report',
  pause: 'Pause',
  resume: 'Continue',
  paused: 'Paused. The clock is stopped and the report hidden. Press P or “Continue” to go on.',
  choose: 'Category',
  chooseFinal: 'Final category',
  unsure: 'Unsure',
  comment: 'Comment',
  back: 'Back',
  skip: 'Skip',
  saved: 'Saved',
  notSaved: 'Not saved',
  allDone: 'All reports answered.',
  allDoneHint: 'Every answer is saved. Go back to change one, or close this page and stop cmrdx with Ctrl-C.',
  keysHelp: 'Keys: 1–9 choose · N no category (then ↹/Enter) · U unsure · C comment (Esc leaves it) · ← back · → skip · P pause',
  keysHelpAdjudicate: 'Keys: 1–9 choose · C comment (Esc leaves it) · ← back · → skip · P pause',
  report: 'Report',
  readers: 'Readers',
  showQuotes: 'mark the quotes of',
  quotes: 'quote(s) marked',
  noAnswer: 'no answer',
  failed: 'failed',
  unaligned: 'not found in the text',
  reasonNoMajority: 'The readers reached no majority.',
  reasonRules: 'The guideline engine disagrees with the majority',
  reasonBelowTarget: 'Too few readers agree for the target accuracy',
  quotedBy: 'quoted by',
  serverGone: 'cmrdx is not running. Start it again and open the new address it prints; every answer given so far is saved.',
  noCategory: 'No category',
  noCategoryHint: 'When the text cannot be given a category. It counts as wrong against any truth, as it does for every reader.',
  reasons: {
    not_cmr: 'Not a cardiac MRI report',
    non_diagnostic: 'Non-diagnostic or aborted exam',
    no_findings: 'No findings to judge',
    outside_taxonomy: 'Fits no category of the list',
  },
};

const DE: PageStrings = {
  titleRead: 'cmrdx – Befundung',
  titleAdjudicate: 'cmrdx – Adjudikation',
  readingAs: 'Befundung durch',
  adjudicatingAs: 'Adjudikation durch',
  of: 'von',
  answered: 'beantwortet',
  adjudicated: 'entschieden',
  elapsed: 'Zeit für diesen Befund',
  pause: 'Pause',
  resume: 'Weiter',
  paused: 'Pausiert. Die Uhr steht, der Befund ist verborgen. Mit P oder „Weiter“ geht es weiter.',
  choose: 'Kategorie',
  chooseFinal: 'Endgültige Kategorie',
  unsure: 'Unsicher',
  comment: 'Kommentar',
  back: 'Zurück',
  skip: 'Überspringen',
  saved: 'Gespeichert',
  notSaved: 'Nicht gespeichert',
  allDone: 'Alle Befunde beantwortet.',
  allDoneHint: 'Jede Antwort ist gespeichert. Mit „Zurück“ lässt sich eine ändern; sonst diese Seite schließen und cmrdx mit Strg-C beenden.',
  keysHelp: 'Tasten: 1–9 wählen · N keine Kategorie (dann ↹/Enter) · U unsicher · C Kommentar (Esc verlässt ihn) · ← zurück · → überspringen · P Pause',
  keysHelpAdjudicate: 'Tasten: 1–9 wählen · C Kommentar (Esc verlässt ihn) · ← zurück · → überspringen · P Pause',
  report: 'Befund',
  readers: 'Leser',
  showQuotes: 'Zitate markieren von',
  quotes: 'Zitat(e) markiert',
  noAnswer: 'keine Antwort',
  failed: 'fehlgeschlagen',
  unaligned: 'nicht im Text gefunden',
  reasonNoMajority: 'Die Leser kamen zu keiner Mehrheit.',
  reasonRules: 'Die Leitlinien-Regeln widersprechen der Mehrheit',
  reasonBelowTarget: 'Die Übereinstimmung der Leser reicht für die Zielgenauigkeit nicht aus',
  quotedBy: 'zitiert von',
  serverGone: 'cmrdx läuft nicht. Bitte neu starten und die neue Adresse öffnen; alle bisherigen Antworten sind gespeichert.',
  noCategory: 'Keine Kategorie',
  noCategoryHint: 'Wenn sich der Text keiner Kategorie zuordnen lässt. Gegen jede Referenz zählt das als falsch, wie bei jedem Leser.',
  reasons: {
    not_cmr: 'Kein Kardio-MRT-Befund',
    non_diagnostic: 'Nicht diagnostisch oder abgebrochen',
    no_findings: 'Keine beurteilbaren Befunde',
    outside_taxonomy: 'Passt in keine Kategorie der Liste',
  },
};

/** German names of the default categories (the taxonomy itself names them in English). */
const DE_NAMES: Record<string, string> = {
  HCM: 'Hypertrophe Kardiomyopathie',
  CA: 'Kardiale Amyloidose',
  CS: 'Kardiale Sarkoidose',
  MYO: 'Myokarditis',
  ICM: 'Ischämische Kardiomyopathie',
  DCM: 'Dilatative Kardiomyopathie',
  NORMAL: 'Normalbefund',
  OTHER: 'Andere Diagnose',
};

export function pageStrings(lang: Lang): PageStrings {
  return lang === 'de' ? DE : EN;
}

/** The name shown for a category: the taxonomy's, or the German one for the default taxonomy in German. */
export function categoryName(taxonomy: Taxonomy, id: string, lang: Lang): string {
  const category = taxonomy.categories.find((c) => c.id === id);
  if (lang === 'de' && taxonomy.name === DEFAULT_TAXONOMY.name && DE_NAMES[id]) return DE_NAMES[id];
  return category?.name ?? id;
}

/** The language most reports are written in (their `lang`, else detected from the text): the page's default. */
export function pageLanguage(reports: { text: string; lang?: Lang }[]): Lang {
  let de = 0;
  for (const r of reports) if ((r.lang ?? detectLanguage(r.text)) === 'de') de++;
  return de * 2 >= reports.length ? 'de' : 'en';
}
