/**
 * German wording for synthetic CMR reports, after the structure of German university-hospital reports
 * (Bunck et al. 2020 templates, SCMR guideline): many phrasings per finding, abbreviations (V.a., DD, Z.n.,
 * LGE, KM), negations and hedges, so a classifier cannot get by on memorised sentences.
 */
import type { Ctx, Phrasebook } from './phrasebook.js';
import type { Label, LgePattern, SynthCase } from './sample-case.js';

const GRADE_SIZE = { small: 'klein', normal: 'normal groß', mild: 'leicht dilatiert', dilated: 'deutlich dilatiert', severe: 'hochgradig dilatiert' } as const;
const GRADE_FN = { hyper: 'hyperdynam', normal: 'normal', mild: 'leichtgradig eingeschränkt', moderate: 'mittelgradig eingeschränkt', severe: 'hochgradig eingeschränkt' } as const;

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function efPart(ctx: Ctx, key: 'LVEF' | 'RVEF'): string {
  if (ctx.inBlock.has(key) && !ctx.chance(0.25)) return '';
  if (!ctx.prose && !ctx.chance(0.4)) return '';
  return ctx.pick([` (${key} ${ctx.v(key)} %)`, `, ${key === 'LVEF' ? 'die LVEF beträgt' : 'RVEF'} ${ctx.v(key)} %`, ` (EF ${ctx.v(key)} %)`]);
}

/** Attributive forms: "Deutlich dilatierter linker Ventrikel mit mittelgradig eingeschränkter Funktion". */
const SIZE_ATTR = { small: 'Kleiner', normal: 'Normal großer', mild: 'Leicht dilatierter', dilated: 'Deutlich dilatierter', severe: 'Hochgradig dilatierter' } as const;
const FN_DAT = { hyper: 'hyperdynamer', normal: 'normaler', mild: 'leichtgradig eingeschränkter', moderate: 'mittelgradig eingeschränkter', severe: 'hochgradig eingeschränkter' } as const;

function lvSentences(ctx: Ctx): string[] {
  const f = ctx.c.findings;
  const ef = efPart(ctx, 'LVEF');
  const volume =
    ctx.prose || (!ctx.inBlock.has('LVEDVi') && ctx.chance(0.3))
      ? ctx.pick([` (LVEDV ${ctx.v('LVEDV')} ${ctx.units.ml}, ${ctx.v('LVEDVi')} ${ctx.units.mlm2})`, ` (LVEDVi ${ctx.v('LVEDVi')} ${ctx.units.mlm2})`, ` mit einem enddiastolischen Volumen von ${ctx.v('LVEDV')} ${ctx.units.ml}`])
      : '';
  const normal = f.lvSize === 'normal' && (f.lvFunction === 'normal' || f.lvFunction === 'hyper');
  const options = [
    `${SIZE_ATTR[f.lvSize]} linker Ventrikel${volume} mit ${FN_DAT[f.lvFunction]} globaler systolischer Funktion${ef}`,
    `Der linke Ventrikel ist ${GRADE_SIZE[f.lvSize]}${volume}, die systolische Funktion ist ${GRADE_FN[f.lvFunction]}${ef}`,
    `LV ${GRADE_SIZE[f.lvSize]}${volume}, LV-Funktion ${GRADE_FN[f.lvFunction]}${ef}`,
  ];
  if (normal) options.push(`Regelrechte Größe und ${f.lvFunction === 'hyper' ? 'hyperdyname' : 'normale'} Funktion des linken Ventrikels${volume}${ef}`, `Der linke Ventrikel ist normal dimensioniert${volume}, die Pumpfunktion ist ${f.lvFunction === 'hyper' ? 'hyperdynam' : 'erhalten'}${ef}`);
  return [sentence(ctx.pick(options))];
}

function wmaSentence(ctx: Ctx): string | null {
  const w = ctx.c.findings.wma;
  if (!w) return ctx.chance(0.7) ? ctx.pick(['Keine regionalen Wandbewegungsstörungen', 'Regelrechte regionale Wandbewegung', 'Normokinesie aller Segmente', 'Keine Kinetikstörungen']) : null;
  if (w.kind === 'global') return ctx.pick(['Globale Hypokinesie', 'Diffuse Hypokinesie aller Segmente ohne regionale Betonung', 'Global reduzierte Kontraktilität', 'Globale Hypokinesie ohne regionale Wandbewegungsstörungen']);
  if (w.kind === 'ballooning') return ctx.pick(['Akinesie der apikalen und mittventrikulären Segmente mit ballonartiger Auftreibung der Herzspitze bei hyperkontraktilen basalen Segmenten', 'Apikales Ballooning mit Akinesie aller apikalen Segmente, basal hyperdyname Kontraktion']);
  const motion = { hypokinesia: 'Hypokinesie', akinesia: 'Akinesie', dyskinesia: 'Dyskinesie' }[w.motion];
  return ctx.pick([`${motion} ${ctx.segs(w.segments)}`, `Regionale Wandbewegungsstörung im Sinne einer ${motion} ${ctx.segs(w.segments)}`, `${motion} der Segmente ${ctx.segs(w.segments)}`]);
}

function thicknessSentences(ctx: Ctx): string[] {
  const { c } = ctx;
  const h = c.findings.hypertrophy;
  const mwtLabelled = () => ctx.pick([`maximale enddiastolische Wanddicke ${ctx.v('MWT')} mm`, `max. Wanddicke ${ctx.v('MWT')} mm`, `Wanddicke bis ${ctx.v('MWT')} mm`]);
  const showValue = ctx.prose || !ctx.inBlock.has('MWT') || ctx.chance(0.3);
  if (!h) {
    if (!ctx.chance(0.6)) return [];
    return [sentence(ctx.pick([`Normale Wanddicken${showValue ? ` (${mwtLabelled()})` : ''}`, `Keine linksventrikuläre Hypertrophie${showValue ? `, ${mwtLabelled()}` : ''}`, 'Keine Hypertrophie']))];
  }
  const out: string[] = [];
  if (h.kind === 'asymmetric') {
    const where = ctx.segs([h.segment!]);
    out.push(ctx.pick([`Asymmetrische septumbetonte Hypertrophie ${where}${showValue ? ` (${mwtLabelled()})` : ''}`, `Ausgeprägte asymmetrische Hypertrophie des Septums, betont ${where}${showValue ? `, ${mwtLabelled()}` : ''}`, `Hypertrophie des interventrikulären Septums ${where}${showValue ? ` mit einer maximalen Wanddicke von ${ctx.v('MWT')} mm` : ''}`]));
  } else if (h.kind === 'apical') {
    out.push(`Apikal betonte Hypertrophie mit spatenförmiger Konfiguration des Cavums${showValue ? ` (${mwtLabelled()})` : ''}`);
  } else {
    out.push(ctx.pick([`Konzentrische linksventrikuläre Hypertrophie${showValue ? ` (${mwtLabelled()})` : ''}`, `Konzentrisch verdicktes Myokard${showValue ? `, ${mwtLabelled()}` : ''}`, `Symmetrische Wandverdickung aller Segmente${showValue ? ` (${mwtLabelled()})` : ''}`]));
  }
  if (c.findings.sam) {
    const gradient = c.values.LVOT_gradient !== undefined && (!ctx.inBlock.has('LVOT_gradient') || ctx.chance(0.3)) ? ` (maximaler Gradient ${ctx.v('LVOT_gradient')} mmHg)` : '';
    out.push(ctx.pick([`Systolische Vorwärtsbewegung des vorderen Mitralsegels (SAM) mit Flussbeschleunigung im LVOT${gradient}`, `SAM-Phänomen mit dynamischer LVOT-Obstruktion${gradient}`]));
  }
  return out.map(sentence);
}

function rvSentence(ctx: Ctx): string | null {
  const { rv } = ctx.c.findings;
  const ef = efPart(ctx, 'RVEF');
  if (rv === 'arvc') {
    const vol = ctx.inBlock.has('RVEDVi') ? '' : ` (RVEDVi ${ctx.v('RVEDVi')} ${ctx.units.mlm2})`;
    return `Deutlich dilatierter rechter Ventrikel${vol} mit eingeschränkter Funktion${ef} und regionalen Dyskinesien der freien Wand sowie kleinen Aussackungen (Mikroaneurysmen) im subtrikuspidalen Bereich`;
  }
  if (rv === 'reduced') return ctx.pick([`Auch der rechte Ventrikel ist in seiner systolischen Funktion eingeschränkt${ef}`, `RV mit eingeschränkter Funktion${ef}`]);
  if (!ef && ctx.chance(0.3)) return null;
  return ctx.pick([`Normal großer rechter Ventrikel mit normaler Funktion${ef}`, `RV unauffällig${ef}`, `Der rechte Ventrikel ist normal dimensioniert und kontrahiert regelrecht${ef}`, `Rechter Ventrikel normal groß, gute systolische Funktion${ef}`]);
}

function atriaSentences(ctx: Ctx): string[] {
  const f = ctx.c.findings;
  const out: string[] = [];
  const la = ctx.c.values.LA_area !== undefined && !ctx.inBlock.has('LA_area') && ctx.chance(0.5) ? ` (LA-Fläche ${ctx.v('LA_area')} cm²)` : '';
  if (f.atria === 'biatrial') out.push(ctx.pick(['Biatriale Vergrößerung', 'Beide Vorhöfe vergrößert']) + la);
  if (f.atria === 'la') out.push(`${ctx.pick(['Vergrößerter linker Vorhof', 'Dilatierter linker Vorhof', 'Linker Vorhof vergrößert'])}${la}`);
  if (f.atrialSeptum) out.push(ctx.pick(['Verdicktes interatriales Septum', 'Auffällig verdicktes Vorhofseptum']));
  if (f.special.includes('mitralRegurgitation')) {
    const rf = ctx.c.values.RF !== undefined && (!ctx.inBlock.has('RF') || ctx.chance(0.3)) ? ` mit einer Regurgitationsfraktion von ${ctx.v('RF')} %` : '';
    out.push(ctx.c.label === 'OTHER' ? `Hochgradige Mitralinsuffizienz mit Prolaps des posterioren Segels${rf}` : `Funktionelle Mitralinsuffizienz${rf}`);
  }
  if (f.special.includes('aorticStenosis')) out.push(`Bikuspide, verkalkte Aortenklappe mit deutlich eingeschränkter Öffnung, planimetrische Öffnungsfläche ${ctx.num(ctx.rng.range(0.6, 0.9, 1))} cm², Flussbeschleunigung über der Klappe (Vmax ${ctx.num(ctx.rng.range(4.1, 5, 1))} m/s)`);
  return out.map(sentence);
}

const LGE_WORDS: Record<LgePattern, string[]> = {
  subepicardial: ['subepikardiales', 'subepikardial betontes', 'epikardiales'],
  midwall: ['intramyokardiales', 'mittmyokardiales', 'intramurales'],
  stripe: ['streifiges mittmyokardiales', 'schmales intramurales', 'streifenförmiges intramyokardiales'],
  subendocardial: ['subendokardiales'],
  transmural: ['transmurales'],
  diffuse: ['diffuses, zirkumferentielles subendokardial betontes', 'globales, subendokardial betontes', 'ausgedehntes diffuses'],
  patchy: ['fleckförmiges, multifokales', 'fleckiges, multifokales', 'multifokales, fleckiges'],
  insertion: ['punktförmiges'],
};

function lgeSentences(ctx: Ctx): string[] {
  const { c } = ctx;
  const f = c.findings;
  const implicit = c.difficulty === 'implicit';
  const term = () => ctx.pick(['Late Enhancement', 'LGE', 'Late Gadolinium Enhancement', 'Spätenhancement']);
  if (f.lge.length === 0) {
    return [sentence(ctx.pick(['Kein Late Enhancement', 'Kein Nachweis einer myokardialen Kontrastmittelanreicherung in den Spätaufnahmen', 'In den LGE-Sequenzen kein Nachweis von Narben oder Fibrose', 'Kein LGE', 'Keine fokale Fibrose im Late Enhancement']))];
  }
  const out: string[] = [];
  for (const l of f.lge) {
    const adj = ctx.pick(LGE_WORDS[l.pattern]);
    const where = l.segments.length > 0 ? ` ${ctx.segs(l.segments)}` : '';
    switch (l.pattern) {
      case 'subepicardial':
      case 'midwall':
        out.push(`${cap(adj)} ${term()}${where}${ctx.pick([', keiner koronaren Versorgung folgend', ' (nicht-ischämisches Verteilungsmuster)', ' unter Aussparung des Subendokards', '', ', fleckförmig'])}`);
        break;
      case 'stripe':
        out.push(`${cap(adj)} ${term()} im Septum${ctx.pick([' ("midwall stripe")', '', ', kein ischämisches Narbenmuster'])}`);
        break;
      case 'subendocardial':
      case 'transmural': {
        const t = l.territory ? ctx.pick([` im ${ctx.territory(l.territory)}`, ` (${ctx.territory(l.territory)})`]) : '';
        const extent = l.pattern === 'transmural' ? ctx.pick([' mit einer Transmuralität > 75 %', ', keine Vitalität', '']) : ctx.pick([' mit einer Transmuralität < 50 %', ', Vitalität erhalten', '']);
        const meaning = implicit || !l.territory ? '' : ctx.pick([', vereinbar mit einer Infarktnarbe', ', ischämisches Narbenmuster', '']);
        out.push(`${cap(adj)} ${term()}${where}${t}${extent}${meaning}`);
        break;
      }
      case 'diffuse':
        out.push(`${cap(adj)} ${term()}${ctx.pick([' aller Segmente', ' mit Beteiligung auch der Vorhofwände', ''])}`);
        break;
      case 'patchy': {
        const rv = l.rvSide ? ctx.pick([' mit Betonung der rechtsventrikulären Seite des Septums', ', septal rechtsventrikulär betont']) : '';
        out.push(`${cap(adj)} ${term()}${where}${rv}${ctx.pick([', teils transmural', ', teils mittmyokardial, teils subepikardial', ''])}`);
        break;
      }
      case 'insertion':
        out.push(`${cap(adj)} ${term()} an den rechtsventrikulären Insertionsstellen`);
        break;
    }
  }
  if (f.nulling) out.push(ctx.pick(['Erschwerte Nullung des Myokards im TI-Scout', 'Auffällige Kontrastmittelkinetik mit Nullung des Myokards vor dem Blutpool', 'Das Myokard lässt sich nur schwer nullen']));
  return out.map(sentence);
}

function tissueSentences(ctx: Ctx): string[] {
  const { c } = ctx;
  const f = c.findings;
  const out: string[] = [];
  if (f.oedema?.kind === 'regional') out.push(ctx.pick([`Myokardödem ${ctx.segs(f.oedema.segments)} in der T2-gewichteten Bildgebung`, `Regional erhöhte T2-Signalintensität ${ctx.segs(f.oedema.segments)} im Sinne eines Ödems`, `In der T2-TIRM umschriebenes Ödem ${ctx.segs(f.oedema.segments)}`]));
  else if (f.oedema?.kind === 'global') out.push(ctx.pick(['Global erhöhte T2-Signalintensität im Sinne eines diffusen Myokardödems', 'Diffuses Myokardödem']));
  else if (f.oedema?.kind === 'apical') out.push(ctx.pick(['Ödem der apikalen und mittventrikulären Segmente', 'Apikal betontes Myokardödem in der T2-Wichtung']));
  else if (ctx.chance(0.6)) out.push(ctx.pick(['Kein Myokardödem', 'Kein Ödem in der T2-Wichtung', 'Kein Hinweis auf ein Myokardödem']));

  const mapping: string[] = [];
  const t1Word = { normal: 'normwertig', elevated: 'erhöht', high: 'deutlich erhöht', low: 'auffällig niedrig' }[f.t1];
  const show = (key: 'T1' | 'T2' | 'ECV') => ctx.prose || !ctx.inBlock.has(key) || ctx.chance(0.25);
  if (show('T1') && ctx.chance(0.85)) {
    const ref = ctx.ref('T1');
    mapping.push(ctx.pick([`native T1-Zeit ${t1Word} (${ctx.v('T1')} ms${ref ? `, Normwert ${ref} ms` : ''})`, `T1 nativ ${ctx.v('T1')} ms${ref ? ` (Norm ${ref} ms)` : ''}, ${t1Word}`]));
  } else if (f.t1 !== 'normal') mapping.push(`native T1-Zeit ${t1Word}`);
  if (show('T2') && ctx.chance(0.8)) {
    const ref = ctx.ref('T2');
    mapping.push(`T2-Zeit ${f.t2 === 'elevated' ? 'erhöht' : 'normal'} (${ctx.v('T2')} ms${ref ? `; Norm ${ref} ms` : ''})`);
  } else if (f.t2 === 'elevated' && !f.oedema) mapping.push('T2-Zeit erhöht');
  if (show('ECV') && ctx.chance(0.8)) {
    mapping.push(f.ecv === 'normal' ? `ECV ${ctx.v('ECV')} %` : ctx.pick([`ECV ${f.ecv === 'high' ? 'deutlich ' : ''}erhöht (${ctx.v('ECV')} %)`, `erhöhtes Extrazellulärvolumen (${ctx.v('ECV')} %)`]));
  } else if (f.ecv !== 'normal') mapping.push(f.ecv === 'high' ? 'ECV deutlich erhöht' : 'ECV erhöht');
  if (mapping.length > 0) out.push(cap(mapping.join(', ')));
  return out.map(sentence);
}

function pericardiumSentences(ctx: Ctx): string[] {
  const f = ctx.c.findings;
  const out: string[] = [];
  if (f.special.includes('pericardium')) out.push(ctx.pick(['Verdicktes Perikard mit deutlichem Kontrastmittel-Enhancement beider Perikardblätter', 'Perikard verdickt und in den Spätaufnahmen kräftig anreichernd']));
  if (f.effusion === 'small') out.push(ctx.pick(['Schmaler Perikarderguss', 'Geringer Perikarderguss', 'Kleiner zirkumferentieller Perikarderguss']));
  else if (f.effusion === 'moderate') out.push(ctx.pick(['Mäßiger zirkumferentieller Perikarderguss', 'Mittelgradiger Perikarderguss ohne hämodynamische Relevanz']));
  else if (ctx.chance(0.6)) out.push(ctx.pick(['Kein Perikarderguss', 'Perikard unauffällig', 'Kein Perikard- oder Pleuraerguss']));
  if (f.pleural) out.push(ctx.pick(['Beidseitige Pleuraergüsse', 'Kleiner Pleuraerguss rechts']));
  return out.map(sentence);
}

function otherSentences(ctx: Ctx): string[] {
  const f = ctx.c.findings;
  const out: string[] = [];
  if (f.thinning.length > 0) out.push(`Wandverdünnung ${ctx.segs(f.thinning)}`);
  if (f.thrombus) out.push(`Wandständiger Thrombus apikal (${ctx.num(ctx.rng.int(9, 18))} x ${ctx.num(ctx.rng.int(6, 12))} mm)`);
  else if (ctx.c.label === 'ICM' && ctx.chance(0.4)) out.push('Kein intrakavitärer Thrombus');
  if (f.perfusionDefect) out.push(`In der Adenosin-Stressperfusion Perfusionsdefekt im ${ctx.territory(f.perfusionDefect)}, deckungsgleich mit der Narbe`);
  if (f.lymph) out.push(ctx.pick(['Hiläre und mediastinale Lymphadenopathie in den Übersichtssequenzen', 'Vergrößerte mediastinale und hiläre Lymphknoten', 'Bihiläre Lymphknotenvergrößerung']));
  if (f.special.includes('lvnc')) out.push(`Ausgeprägte Trabekularisierung des linken Ventrikels apikal und lateral mit einem Verhältnis nicht-kompaktierter zu kompaktierter Schicht von ${ctx.num(ctx.rng.range(2.5, 3.6, 1))} (enddiastolisch)`);
  if (f.special.includes('tumour')) out.push(`Im linken Vorhof ${ctx.num(ctx.rng.int(25, 45))} mm große, rundliche, gestielte Raumforderung mit Anheftung am Vorhofseptum, T2-hyperintens, mit heterogener Kontrastmittelaufnahme`);
  return out.map(sentence);
}

/** A diagnosis in the four forms the sentences need: [nominative, "mit ..." dative, "auf ..." accusative, "Vorliegen ..." genitive]. */
type Forms = [nom: string, dat: string, acc: string, gen: string];
/** A feminine noun without adjective: "Myokarditis", "einer Myokarditis", "eine Myokarditis". */
const noun = (nom: string): Forms => [nom, `einer ${nom}`, `eine ${nom}`, `einer ${nom}`];
/** A feminine noun phrase whose adjectives decline: "kardiale Amyloidose" → "einer kardialen Amyloidose". */
const fem = (nom: string, adjNom: string, adjDat: string): Forms => {
  const dat = nom.replace(adjNom, adjDat);
  return [nom, `einer ${dat}`, `eine ${nom}`, `einer ${dat}`];
};

const NAMES: Record<Exclude<Label, 'OTHER'>, Forms[]> = {
  HCM: [fem('hypertrophe Kardiomyopathie', 'hypertrophe', 'hypertrophen'), noun('HCM'), fem('hypertrophe Kardiomyopathie (HCM)', 'hypertrophe', 'hypertrophen')],
  CA: [fem('kardiale Amyloidose', 'kardiale', 'kardialen'), noun('Amyloidose mit kardialer Beteiligung'), noun('Herzamyloidose')],
  CS: [fem('kardiale Sarkoidose', 'kardiale', 'kardialen'), fem('kardiale Beteiligung bei Sarkoidose', 'kardiale', 'kardialen')],
  MYO: [fem('akute Myokarditis', 'akute', 'akuten'), noun('Myokarditis'), fem('floride Myokarditis', 'floride', 'floriden')],
  ICM: [fem('ischämische Kardiomyopathie', 'ischämische', 'ischämischen'), noun('ICM'), ['stattgehabter Myokardinfarkt', 'einem stattgehabten Myokardinfarkt', 'einen stattgehabten Myokardinfarkt', 'eines stattgehabten Myokardinfarkts']],
  DCM: [fem('dilatative Kardiomyopathie', 'dilatative', 'dilatativen'), noun('DCM'), fem('nicht-ischämische dilatative Kardiomyopathie', 'nicht-ischämische dilatative', 'nicht-ischämischen dilatativen')],
  NORMAL: [['Normalbefund', 'einem Normalbefund', 'einen Normalbefund', 'eines Normalbefunds']],
};
const OTHER_NAMES: Record<NonNullable<SynthCase['subtype']>, Forms[]> = {
  takotsubo: [noun('Tako-Tsubo-Kardiomyopathie'), noun('Stress-Kardiomyopathie (Takotsubo)')],
  lvnc: [fem('linksventrikuläre Non-Compaction-Kardiomyopathie (LVNC)', 'linksventrikuläre', 'linksventrikulären'), noun('Non-Compaction-Kardiomyopathie')],
  fabry: [fem('kardiale Beteiligung bei Morbus Fabry', 'kardiale', 'kardialen'), noun('Fabry-Kardiomyopathie')],
  arvc: [fem('arrhythmogene rechtsventrikuläre Kardiomyopathie (ARVC)', 'arrhythmogene rechtsventrikuläre', 'arrhythmogenen rechtsventrikulären'), noun('ARVC')],
  pericarditis: [fem('akute Perikarditis', 'akute', 'akuten'), fem('exsudative Perikarditis', 'exsudative', 'exsudativen')],
  valve: [['hochgradiges Klappenvitium', 'einem hochgradigen Klappenvitium', 'ein hochgradiges Klappenvitium', 'eines hochgradigen Klappenvitiums'], fem('relevante Herzklappenerkrankung', 'relevante', 'relevanten')],
  tumour: [['Vorhofmyxom', 'einem Vorhofmyxom', 'ein Vorhofmyxom', 'eines Vorhofmyxoms']],
  hypertensive: [fem('hypertensive Herzerkrankung', 'hypertensive', 'hypertensiven'), fem('hypertensive Herzkrankheit', 'hypertensive', 'hypertensiven')],
};

export type Form = 'nom' | 'dat' | 'acc' | 'gen';
const FORM_INDEX: Record<Form, number> = { nom: 0, dat: 1, acc: 2, gen: 3 };

function diagnosisName(label: Label, ctx: Ctx, form: Form): string {
  const { c } = ctx;
  const i = FORM_INDEX[form];
  if (label === 'OTHER') return ctx.pick(OTHER_NAMES[c.subtype ?? 'hypertensive'])[i]!;
  if (label === 'HCM' && c.label === 'HCM' && c.findings.sam && ctx.chance(0.5)) return fem('hypertrophe obstruktive Kardiomyopathie (HOCM)', 'hypertrophe obstruktive', 'hypertrophen obstruktiven')[i]!;
  if (label === 'MYO' && c.label === 'MYO' && c.findings.effusion !== 'none' && ctx.chance(0.4)) return noun('Perimyokarditis')[i]!;
  return ctx.pick(NAMES[label])[i]!;
}

/** What an implicit assessment says instead of a name: the key findings in a few words. */
function summary(ctx: Ctx): string {
  const { c } = ctx;
  const f = c.findings;
  switch (c.label) {
    case 'HCM':
      return ctx.pick([`Asymmetrische Hypertrophie bis ${ctx.v('MWT')} mm${f.sam ? ' mit LVOT-Obstruktion' : ''}${f.lge.length ? ' und fleckigem intramyokardialem LGE' : ''}`, `Septumbetonte Hypertrophie mit hyperdynamer LV-Funktion${f.sam ? ' und SAM' : ''}`]);
    case 'CA':
      return ctx.pick(['Konzentrische Hypertrophie mit diffusem subendokardialem LGE und deutlich erhöhtem ECV', `Konzentrische Wandverdickung, ${f.nulling ? 'erschwerte Nullung, ' : ''}diffuses LGE, ECV ${ctx.v('ECV')} %`]);
    case 'CS':
      return ctx.pick([`Multifokales, nicht-ischämisches LGE basal septal und lateral${f.lymph ? ' bei hilärer Lymphadenopathie' : ''}`, `Fleckiges LGE basal septal mit rechtsventrikulärer Betonung${f.lymph ? ', mediastinale Lymphadenopathie' : ''}`]);
    case 'MYO':
      return ctx.pick(['Myokardödem und subepikardiales LGE in identischer Lokalisation, T1 und T2 erhöht', 'Nicht-ischämisches LGE mit begleitendem Ödem, erhöhte Mapping-Werte']);
    case 'ICM': {
      const l = f.lge[0]!;
      return ctx.pick([`${l.pattern === 'transmural' ? 'Transmurale' : 'Subendokardiale'} Narbe im ${ctx.territory(l.territory!)} mit korrespondierender Wandbewegungsstörung, LVEF ${ctx.v('LVEF')} %`, `${l.pattern === 'transmural' ? 'Transmurales' : 'Subendokardiales'} LGE ${ctx.segs(l.segments)} mit regionaler ${f.wma?.kind === 'regional' && f.wma.motion === 'akinesia' ? 'Akinesie' : 'Hypokinesie'}`]);
    }
    case 'DCM':
      return ctx.pick([`Dilatierter linker Ventrikel mit ${GRADE_FN[f.lvFunction]}er Funktion (LVEF ${ctx.v('LVEF')} %)${f.lge.length ? ', septales mittmyokardiales LGE' : ', kein LGE'}`, 'Linksventrikuläre Dilatation mit globaler Hypokinesie, kein ischämisches Narbenmuster']);
    case 'NORMAL':
      return ctx.pick(['Normale Volumina und Funktion beider Ventrikel, kein LGE, kein Ödem', 'Regelrechte Ventrikelgrößen und -funktion ohne Nachweis von Fibrose']);
    case 'OTHER':
      return otherSummary(ctx);
  }
}

function otherSummary(ctx: Ctx): string {
  switch (ctx.c.subtype) {
    case 'takotsubo':
      return 'Apikale Akinesie mit Ödem ohne Late Enhancement';
    case 'lvnc':
      return 'Ausgeprägte Trabekularisierung mit erhöhtem NC/C-Verhältnis';
    case 'fabry':
      return 'Konzentrische Hypertrophie mit erniedrigter nativer T1-Zeit und LGE basal inferolateral';
    case 'arvc':
      return 'Dilatierter, eingeschränkter rechter Ventrikel mit regionalen Dyskinesien';
    case 'pericarditis':
      return 'Perikarderguss mit Perikardverdickung und -enhancement, Myokard unauffällig';
    case 'valve':
      return ctx.c.findings.special.includes('aorticStenosis') ? 'Hochgradig stenosierte bikuspide Aortenklappe' : 'Relevante Mitralinsuffizienz';
    case 'tumour':
      return 'Gestielte Raumforderung im linken Vorhof';
    default:
      return 'Konzentrische linksventrikuläre Hypertrophie ohne spezifisches LGE-Muster';
  }
}

function assessment(ctx: Ctx): string[] {
  const { c } = ctx;
  const lines: string[] = [];
  const name = (form: Form) => diagnosisName(c.label, ctx, form);
  const dd = c.differentials.length > 0 ? diagnosisName(ctx.pick(c.differentials), ctx, 'nom') : null;
  const negated = () => {
    const options = c.differentials.filter((d) => d !== c.label);
    if (options.length === 0 || !ctx.chance(0.5)) return null;
    const other = ctx.pick(options);
    return sentence(ctx.pick([`Kein Anhalt für das Vorliegen ${diagnosisName(other, ctx, 'gen')}`, `Kein Hinweis auf ${diagnosisName(other, ctx, 'acc')}`, `Insbesondere kein Anhalt für ${diagnosisName(other, ctx, 'acc')}`]));
  };
  const mode = c.difficulty === 'hard' ? ctx.pick(['explicit', 'hedged'] as const) : c.difficulty;

  if (c.label === 'NORMAL') {
    if (mode === 'implicit') return ctx.chance(0.3) ? [] : [sentence(summary(ctx))];
    lines.push(sentence(ctx.pick(['Unauffälliges Kardio-MRT', 'Normalbefund', 'Altersentsprechender Normalbefund des Herzens', 'Regelrechte Größe und Funktion beider Ventrikel ohne Nachweis von Ödem oder Fibrose'])));
    if (mode === 'hedged') lines.push(sentence(`Kein sicherer Anhalt für eine strukturelle Herzerkrankung`));
    const diffs = c.differentials.map((d) => diagnosisName(d, ctx, 'acc'));
    lines.push(sentence(ctx.pick([`Insbesondere kein Anhalt für ${diffs[0]}`, `Kein Hinweis auf ${diffs[0]}`, 'Kein Nachweis einer Myokarditis, Narbe oder Kardiomyopathie', 'Insbesondere kein Anhalt für eine Myokarditis oder Kardiomyopathie'])));
    return lines;
  }
  if (mode === 'implicit') return ctx.chance(0.25) ? [] : [sentence(summary(ctx))];

  if (c.priorMyocarditis) lines.push(sentence(ctx.pick(['Z.n. Myokarditis vor 3 Jahren', 'Anamnestisch Z.n. Myokarditis'])));
  if (mode === 'explicit') {
    lines.push(
      sentence(
        ctx.pick([
          `Befundkonstellation vereinbar mit ${name('dat')}`,
          `Bild ${name('gen')}`,
          cap(name('nom')),
          `Typischer Befund ${name('gen')}`,
          `Die Befunde sprechen für das Vorliegen ${name('gen')}`,
        ]),
      ),
    );
  } else {
    const ddPart = dd ? ctx.pick([`, DD ${dd}`, `; differenzialdiagnostisch ${dd}`, `, DD: ${dd}`]) : '';
    lines.push(
      sentence(
        ctx.pick([
          `V.a. ${name('nom')}${ddPart}`,
          `Am ehesten ${name('nom')}${ddPart}`,
          `Befunde suggestiv für ${name('acc')}${ddPart}`,
          `Verdacht auf ${name('nom')}${ddPart}`,
          `Befundkonstellation am ehesten i.S. ${name('dat')}${ddPart}`,
        ]),
      ),
    );
  }
  if (ctx.chance(0.5)) lines.splice(lines.length - 1, 0, sentence(summary(ctx)));
  const n = negated();
  if (n) lines.push(n);
  if (c.label === 'DCM' && c.priorMyocarditis) lines.push(sentence(ctx.pick(['Kein Hinweis auf eine floride Myokarditis', 'Kein Ödem als Hinweis auf eine aktive Entzündung'])));
  return lines;
}

function recommendation(ctx: Ctx): string | null {
  if (!ctx.chance(0.35)) return null;
  const map: Partial<Record<Label, string[]>> = {
    CA: ['Skelettszintigraphie und Leichtkettendiagnostik empfohlen.', 'Weitere Abklärung mittels DPD-Szintigraphie empfohlen.'],
    CS: ['FDG-PET empfohlen.', 'Ergänzende FDG-PET/CT zur Aktivitätsbeurteilung empfohlen.'],
    MYO: ['Verlaufskontrolle in 6 Monaten empfohlen.', 'Sportkarenz für 3–6 Monate.'],
    HCM: ['Genetische Beratung und Familienscreening empfohlen.', 'Risikostratifizierung für plötzlichen Herztod empfohlen.'],
    ICM: ['Vorstellung im Herzkatheterlabor zur Revaskularisation empfohlen.'],
    DCM: ['Optimierung der Herzinsuffizienztherapie, Verlaufskontrolle.'],
  };
  const options = map[ctx.c.label];
  return options ? ctx.pick(options) : null;
}

function history(ctx: Ctx): { history: string; question: string | null } {
  const { c } = ctx;
  const age = c.patient.age;
  const patient = c.patient.sex === 'm' ? ctx.pick([`${age}-jähriger Patient`, `${age}-jähriger Mann`, `Pat. (m), ${age} J.`]) : ctx.pick([`${age}-jährige Patientin`, `${age}-jährige Frau`, `Pat. (w), ${age} J.`]);
  const territoryWall = (): string => {
    const t = c.findings.lge[0]?.territory;
    return t === 'LAD' ? 'Vorderwandinfarkt' : t === 'RCA' ? 'Hinterwandinfarkt' : 'Seitenwandinfarkt';
  };
  const texts: Record<SynthCase['history'][number], string[]> = {
    'hcm-family': ['Familienanamnese positiv für HCM (Bruder), Screening', 'Plötzlicher Herztod des Vaters mit 45 Jahren'],
    'hcm-murmur': ['Systolikum, echokardiographisch Septumverdickung', 'Systolikum und Belastungsdyspnoe'],
    'hcm-syncope': ['Synkope unter Belastung, im EKG Linkshypertrophiezeichen', 'Belastungsabhängiger Schwindel und Synkope'],
    'hcm-ecg': ['Auffälliges EKG mit ausgeprägten T-Negativierungen', 'EKG mit Linkshypertrophie und Repolarisationsstörungen'],
    'ca-hfpef': ['Herzinsuffizienz mit erhaltener Ejektionsfraktion, NT-proBNP deutlich erhöht', 'Zunehmende Dyspnoe, Ödeme, HFpEF'],
    'ca-lowvoltage': ['Niedervoltage im EKG trotz echokardiographischer Wandverdickung', 'Diskrepanz zwischen Wanddicke im Echo und Niedervoltage im EKG'],
    'ca-carpal': ['Bilaterales Karpaltunnelsyndrom, unklare linksventrikuläre Hypertrophie', 'Z.n. Karpaltunnel-OP beidseits, LV-Hypertrophie unklarer Ursache'],
    'ca-gammopathy': ['Bekannte monoklonale Gammopathie, Dyspnoe', 'MGUS, neu aufgetretene Herzinsuffizienz'],
    'cs-pulmonary': ['Bekannte pulmonale Sarkoidose, kardiales Screening', 'Pulmonale Sarkoidose Stadium II, Palpitationen'],
    'cs-avblock': [`Neu aufgetretener AV-Block III° bei ${age}-jährigem Patienten`, 'Höhergradiger AV-Block, Schrittmacherimplantation geplant'],
    'cs-vt': ['Anhaltende ventrikuläre Tachykardie, Koronarangiographie ohne Stenosen', 'Rezidivierende VT, KHK ausgeschlossen'],
    'cs-lymph': ['Im Thorax-CT hiläre Lymphadenopathie, Belastungsdyspnoe', 'Bihiläre Lymphadenopathie im Röntgen-Thorax, Synkope'],
    'myo-infect': ['Thoraxschmerz und Troponinanstieg 1 Woche nach grippalem Infekt', 'Thorakale Schmerzen nach Atemwegsinfekt, Troponin erhöht'],
    'myo-troponin': ['Troponin-positives akutes Koronarsyndrom, Koronarangiographie unauffällig', 'Troponinanstieg bei unauffälligen Koronarien'],
    'myo-palpitations': ['Palpitationen und Abgeschlagenheit nach viralem Infekt', 'Neu aufgetretene Extrasystolie nach Infekt'],
    'myo-stelevation': ['Diffuse ST-Hebungen, Koronarien unauffällig', 'ST-Hebungen inferolateral, Herzkatheter ohne Stenosen'],
    'icm-infarct': [`Z.n. ${territoryWall()}`, `Bekannte KHK, Z.n. ${territoryWall()}`],
    'icm-pci': ['KHK, Z.n. PCI und Stentimplantation', 'Koronare Herzerkrankung mit Z.n. mehrfacher PCI'],
    'icm-viability': ['Vitalitätsdiagnostik vor geplanter Revaskularisation bei koronarer 3-Gefäßerkrankung', 'Vitalitätsfrage bei chronischem Verschluss'],
    'icm-nstemi': ['Z.n. NSTEMI vor 3 Monaten, eingeschränkte LV-Funktion', 'Z.n. Myokardinfarkt, Belastungsdyspnoe'],
    'dcm-hf': ['Herzinsuffizienz NYHA III, Koronarangiographie ohne relevante Stenosen', 'Dyspnoe NYHA II-III, KHK ausgeschlossen'],
    'dcm-new': ['Neu diagnostizierte hochgradig eingeschränkte LV-Funktion, KHK ausgeschlossen', 'Echokardiographisch neu eingeschränkte Pumpfunktion'],
    'dcm-family': ['Familiäre Kardiomyopathie (Mutter), Belastungsdyspnoe', 'Positive Familienanamnese für Herzinsuffizienz'],
    'dcm-followup': ['Verlaufskontrolle bei bekannter Herzinsuffizienz unter Therapie', 'Kontrolle der LV-Funktion unter Herzinsuffizienztherapie'],
    'normal-palpitations': ['Palpitationen, Ausschluss strukturelle Herzerkrankung', 'Gelegentliches Herzstolpern'],
    'normal-chestpain': ['Atypische Thoraxschmerzen', 'Stechende Thoraxschmerzen in Ruhe'],
    'normal-exclude-myo': ['Ausschluss Myokarditis nach COVID-19-Infektion', 'Abgeschlagenheit nach Infekt, Ausschluss Myokarditis'],
    'normal-exclude-cm': ['Ausschluss Kardiomyopathie bei ventrikulären Extrasystolen', 'Familienscreening, Ausschluss Kardiomyopathie'],
    'normal-athlete': ['Sportmedizinische Abklärung bei Leistungssportler', 'Sporttauglichkeitsuntersuchung'],
    'normal-dyspnoea': ['Belastungsdyspnoe unklarer Genese', 'Leistungsknick'],
    'other-stress': ['Akuter Thoraxschmerz nach emotionaler Belastung, Troponin erhöht, Koronarien unauffällig', 'Thoraxschmerz nach Trauerfall, Koronarangiographie ohne Stenosen'],
    'other-lvnc': ['Echokardiographisch auffällige Trabekularisierung', 'Herzinsuffizienz, Echo mit auffälliger Myokardstruktur'],
    'other-fabry': ['Neuropathische Schmerzen, Proteinurie, LV-Hypertrophie', 'Niereninsuffizienz unklarer Genese, Angiokeratome, LV-Hypertrophie'],
    'other-arvc': ['Ventrikuläre Extrasystolen mit Linksschenkelblockmorphologie, Synkope', 'Epsilonwellen im EKG, VT aus dem RVOT'],
    'other-pericarditis': ['Atemabhängige Thoraxschmerzen, CRP erhöht', 'Lageabhängige Brustschmerzen nach Infekt'],
    'other-valve': ['Systolikum, Belastungsdyspnoe', 'Bekanntes Herzgeräusch, Quantifizierung'],
    'other-tumour': ['Echokardiographisch Raumforderung im linken Vorhof', 'Zufallsbefund einer intrakardialen Raumforderung'],
    'other-hypertension': ['Langjährige arterielle Hypertonie, echokardiographisch LV-Hypertrophie', 'Arterielle Hypertonie, schlecht eingestellt'],
    'mislead-myo': ['V.a. Myokarditis', 'Ausschluss Myokarditis'],
    'mislead-cad': ['V.a. Myokardinfarkt, Troponinanstieg', 'Ausschluss Ischämie, Troponin erhöht'],
    'mislead-amyloid': ['Ausschluss kardiale Amyloidose', 'V.a. Speicherkrankheit'],
    'mislead-dcm': ['V.a. dilatative Kardiomyopathie', 'DCM?'],
    'mislead-hcm': ['V.a. hypertrophe Kardiomyopathie', 'HCM?'],
  };
  const body = c.history.map((h) => ctx.pick(texts[h])).join('. ');
  const historyText = sentence(ctx.chance(0.5) ? `${patient}, ${body}` : body);
  const questionOptions: Partial<Record<Label, string[]>> = {
    HCM: ['HCM?', 'Ausschluss HCM', 'Hypertrophe Kardiomyopathie?'],
    CA: ['Amyloidose?', 'Speicherkrankheit?', 'Ursache der Hypertrophie?'],
    CS: ['Kardiale Sarkoidose?', 'Kardiale Beteiligung?'],
    MYO: ['Myokarditis?', 'Ausschluss Myokarditis'],
    ICM: ['Vitalität?', 'Narbenausdehnung?', 'Vitalitätsdiagnostik'],
    DCM: ['Ursache der Kardiomyopathie?', 'Ätiologie der eingeschränkten LV-Funktion?'],
    NORMAL: ['Strukturelle Herzerkrankung?', 'Ausschluss Kardiomyopathie', 'Myokarditis?'],
    OTHER: ['Ursache der Beschwerden?', 'Weitere Abklärung'],
  };
  const misleading = c.history.some((h) => h.startsWith('mislead'));
  const question = !misleading && ctx.chance(0.4) ? ctx.pick(questionOptions[c.label] ?? ['Weitere Abklärung']) : null;
  return { history: historyText, question };
}

export const GERMAN: Phrasebook = {
  lang: 'de',
  headings: {
    history: ['Anamnese', 'Klinik', 'Klinische Angaben', 'Indikation', 'Rechtfertigende Indikation', 'Fragestellung'],
    question: ['Fragestellung', 'Klinische Fragestellung'],
    technique: ['Technik', 'Untersuchungstechnik', 'Untersuchungsprotokoll', 'Sequenzen'],
    quantitative: ['Quantitative Auswertung', 'Messwerte', 'Volumetrie', 'Quantitativ', 'Funktionsparameter'],
    findings: ['Befund', 'Befunde', 'Befundbeschreibung'],
    assessment: ['Beurteilung', 'Zusammenfassung', 'Beurteilung und Empfehlung'],
    recommendation: ['Empfehlung', 'Procedere'],
  },
  title: (ctx) =>
    ctx.chance(0.5)
      ? ctx.pick([`Kardio-MRT vom ${ctx.rng.int(1, 28)}.${String(ctx.rng.int(1, 12)).padStart(2, '0')}.${ctx.rng.int(2019, 2025)}`, 'MRT des Herzens', 'Kardiale Magnetresonanztomographie', 'Kardio-MRT in Ruhe'])
      : null,
  history,
  technique: (ctx) => {
    const field = ctx.c.field === 1.5 ? ctx.pick(['1,5 T', '1,5-Tesla', '1.5T']) : ctx.pick(['3 T', '3-Tesla', '3T']);
    const scanner = ctx.pick(['Siemens Avanto', 'Siemens Aera', 'Philips Ingenia', 'GE Signa', 'Siemens Skyra', 'Philips Achieva']);
    const seq = ctx.pick([
      'Cine-SSFP in Kurz- und Langachsen, T2-gewichtete TIRM, native und postkontrast T1-Mapping, T2-Mapping, LGE (PSIR) nach Gadobutrol',
      'Cine (bSSFP), T2-STIR, T1-Mapping (MOLLI), LGE 10 min nach KM-Gabe',
      'Cine-Sequenzen, T1- und T2-Mapping, Spätkontrastierung',
      'Funktionsanalyse, Ödemsequenzen, Mapping, LGE',
    ]);
    return sentence(ctx.pick([`${field} (${scanner}). ${seq}`, `${seq} an einem ${field}-Gerät`, `MRT bei ${field}: ${seq}`]));
  },
  labels: {
    LVEF: ['LVEF', 'LV-EF', 'EF (LV)', 'Linksventrikuläre Ejektionsfraktion', 'Ejektionsfraktion LV'],
    LVEDV: ['LVEDV', 'LV-EDV', 'EDV (LV)', 'Enddiastolisches Volumen LV'],
    LVEDVi: ['LVEDVi', 'LVEDV/KOF', 'LVEDV indexiert', 'LV-EDV-Index', 'LVEDVI'],
    LVESV: ['LVESV', 'LV-ESV', 'Endsystolisches Volumen LV'],
    LVESVi: ['LVESVi', 'LVESV/KOF', 'LVESV indexiert'],
    LVSV: ['LVSV', 'Schlagvolumen', 'LV-Schlagvolumen'],
    LVM: ['LV-Masse', 'Myokardmasse', 'LVM'],
    LVMi: ['LVMi', 'LV-Masse/KOF', 'LV-Masse indexiert', 'LVMI'],
    MWT: ['max. Wanddicke', 'maximale enddiastolische Wanddicke', 'MWT', 'Max. enddiastolische Wanddicke'],
    RVEF: ['RVEF', 'RV-EF', 'EF (RV)', 'Rechtsventrikuläre Ejektionsfraktion'],
    RVEDV: ['RVEDV', 'RV-EDV', 'EDV (RV)'],
    RVEDVi: ['RVEDVi', 'RVEDV/KOF', 'RVEDV indexiert'],
    RVESV: ['RVESV', 'RV-ESV'],
    RVESVi: ['RVESVi', 'RVESV/KOF'],
    T1: ['native T1', 'T1 nativ', 'T1-Zeit (nativ)', 'Native T1-Zeit'],
    T2: ['T2', 'T2-Zeit', 'T2-Mapping', 'T2 (global)'],
    ECV: ['ECV', 'Extrazellulärvolumen (ECV)', 'Extrazellulärvolumen'],
    LVOT_gradient: ['LVOT-Gradient', 'max. LVOT-Gradient'],
    RF: ['Regurgitationsfraktion (Mitralklappe)', 'Regurgitationsfraktion'],
    LA_area: ['LA-Fläche', 'Fläche linker Vorhof'],
    CO: ['HZV', 'Herzzeitvolumen'],
    HR: ['Herzfrequenz', 'HF'],
    BSA: ['KOF', 'Körperoberfläche'],
  },
  genericLabels: { EDV: ['EDV', 'Enddiastolisches Volumen'], EDVi: ['EDVi', 'EDV-Index'], ESV: ['ESV', 'Endsystolisches Volumen'], ESVi: ['ESVi'], SV: ['SV', 'Schlagvolumen'], EF: ['EF', 'Ejektionsfraktion'], M: ['Masse', 'Myokardmasse'] },
  ventricleHeadings: { LV: ['Linker Ventrikel', 'LV', 'Linksventrikulär'], RV: ['Rechter Ventrikel', 'RV', 'Rechtsventrikulär'] },
  tableHeader: { parameter: ['Parameter', 'Messgröße'], value: ['Wert', 'Messwert', 'Ergebnis'], ref: ['Norm', 'Normbereich', 'Referenz', 'Normwert'], unit: ['Einheit'] },
  absent: ['n.d.', '–', 'nicht bestimmt', 'n.a.'],
  refWords: ['Norm', 'Normwert', 'Ref.', 'Norm:'],
  findings: (ctx) => {
    const withHeadings = ctx.chance(0.35);
    const lv = [...lvSentences(ctx), ...[wmaSentence(ctx)].filter((s): s is string => s !== null).map(sentence), ...thicknessSentences(ctx)];
    const rv = [rvSentence(ctx)].filter((s): s is string => s !== null).map(sentence);
    const tissue = [...tissueSentences(ctx), ...lgeSentences(ctx)];
    const rest = [...atriaSentences(ctx), ...otherSentences(ctx), ...pericardiumSentences(ctx)];
    if (withHeadings) {
      return [
        { heading: ctx.pick(['Linker Ventrikel:', 'LV:']), sentences: lv },
        { heading: ctx.pick(['Rechter Ventrikel:', 'RV:']), sentences: rv },
        { heading: ctx.pick(['Gewebecharakterisierung:', 'Myokard:', 'Mapping und LGE:']), sentences: ctx.chance(0.5) ? tissue : tissue.reverse() },
        { heading: ctx.pick(['Weitere Befunde:', 'Sonstiges:']), sentences: rest },
      ];
    }
    const order = ctx.chance(0.5) ? [lv, rv, tissue, rest] : [lv, rv, rest, tissue];
    return order.map((sentences) => ({ sentences }));
  },
  assessment,
  recommendation,
  typos: [
    ['Ventrikel', 'Ventrikl'],
    ['subepikardial', 'subepikradial'],
    ['Perikarderguss', 'Perikarderguß'],
    ['Myokarditis', 'Myocarditis'],
    ['linksventrikulär', 'linksventrikulaer'],
    ['Hypertrophie', 'Hypertropie'],
    ['Kardiomyopathie', 'Kardiomypathie'],
    ['eingeschränkt', 'eingeschrängt'],
    ['Enhancement', 'Enhancment'],
  ],
  diagnosisName,
};
