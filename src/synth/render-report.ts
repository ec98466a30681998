/**
 * Writes a synthetic case as report text in one of many layouts (pipe tables, aligned tables, "Wert (Norm)"
 * lists, inline runs, bullets, tabs, ventricle blocks, LV/RV columns, slash groups, or numbers only in the
 * prose), and records every measurement it prints so tests can check that `cmrdx parse` finds them.
 */
import { joinList, segmentWords, TERRITORY_NAMES, type Lang } from './anatomy.js';
import type { Ctx, Phrasebook } from './phrasebook.js';
import { GERMAN } from './phrases-de.js';
import { ENGLISH } from './phrases-en.js';
import type { Rng } from '../util/rng.js';
import type { SynthCase, ValueKey } from './sample-case.js';

export interface PrintedValue {
  key: ValueKey;
  value: number;
}

export interface RenderedReport {
  text: string;
  printed: PrintedValue[];
  layout: Layout;
}

export type Layout = 'pipe' | 'aligned' | 'wertnorm' | 'inline' | 'bullets' | 'tabs' | 'blocks' | 'lvrv' | 'slash' | 'prose';
export const LAYOUTS: Layout[] = ['pipe', 'aligned', 'wertnorm', 'inline', 'bullets', 'tabs', 'blocks', 'lvrv', 'slash', 'prose'];

const BOOKS: Record<Lang, Phrasebook> = { de: GERMAN, en: ENGLISH };

const UNIT: Partial<Record<ValueKey, string>> = {
  LVEDV: 'ml', LVESV: 'ml', LVSV: 'ml', RVEDV: 'ml', RVESV: 'ml', LVEDVi: 'ml/m²', LVESVi: 'ml/m²', RVEDVi: 'ml/m²', RVESVi: 'ml/m²',
  LVEF: '%', RVEF: '%', ECV: '%', RF: '%', LVM: 'g', LVMi: 'g/m²', MWT: 'mm', T1: 'ms', T2: 'ms', LVOT_gradient: 'mmHg',
  LA_area: 'cm²', HR: '/min', BSA: 'm²', CO: 'l/min',
};

/** Keys that may go into a quantitative block, in the order reports list them. */
const BLOCK_ORDER: ValueKey[] = ['LVEDV', 'LVEDVi', 'LVESV', 'LVESVi', 'LVSV', 'LVEF', 'LVM', 'LVMi', 'MWT', 'RVEDV', 'RVEDVi', 'RVESV', 'RVESVi', 'RVEF', 'T1', 'T2', 'ECV', 'LVOT_gradient', 'RF', 'LA_area', 'CO', 'HR', 'BSA'];

export function renderReport(c: SynthCase, lang: Lang, rng: Rng): RenderedReport {
  const book = BOOKS[lang];
  const printed: PrintedValue[] = [];
  const layout = rng.weighted<Layout>([['pipe', 1], ['aligned', 1.2], ['wertnorm', 1.2], ['inline', 1.2], ['bullets', 1], ['tabs', 0.6], ['blocks', 0.8], ['lvrv', 0.6], ['slash', 0.4], ['prose', 1.4]]);
  const units = {
    ml: lang === 'de' ? (rng.chance(0.8) ? 'ml' : 'mL') : rng.chance(0.8) ? 'mL' : 'ml',
    mlm2: rng.chance(0.75) ? 'ml/m²' : 'ml/m2',
    gm2: rng.chance(0.75) ? 'g/m²' : 'g/m2',
  };
  if (lang === 'en' || units.ml === 'mL') units.mlm2 = units.mlm2.replace('ml', 'mL');
  const thousandsPoint = lang === 'de' ? rng.chance(0.5) : false;
  const thousandsComma = lang === 'en' ? rng.chance(0.2) : false;

  const num = (value: number, digits?: number): string => {
    const d = digits ?? (Number.isInteger(value) ? 0 : 1);
    const s = value.toFixed(d);
    if (value >= 1000 && d === 0 && (thousandsPoint || thousandsComma)) return `${s.slice(0, -3)}${thousandsPoint ? '.' : ','}${s.slice(-3)}`;
    return lang === 'de' ? s.replace('.', ',') : s;
  };
  // Values go into the text as markers and are formatted and recorded at the end, so only what survives into
  // the final text counts as printed (phrase alternatives that were built but not picked do not).
  const valueText = (key: ValueKey): string => {
    if (c.values[key] === undefined) throw new Error(`synth: case has no value for ${key}`);
    return `\u0000${key}\u0000`;
  };
  const unitText = (key: ValueKey): string => {
    const u = UNIT[key] ?? '';
    if (u === 'ml') return units.ml;
    if (u === 'ml/m²') return units.mlm2;
    if (u === 'g/m²') return units.gm2;
    if (u === 'l/min' && lang === 'en') return 'L/min';
    return u;
  };
  const withUnit = (key: ValueKey): string => {
    const u = unitText(key);
    const v = valueText(key);
    if (u === '') return v;
    return u === '%' && rng.chance(0.35) ? `${v}%` : `${v} ${u}`;
  };
  const refText = (key: ValueKey): string | null => {
    const r = c.refs[key];
    if (!r) return null;
    const dash = rng.chance(0.7) ? '–' : '-';
    const fmt = (n: number) => num(n);
    if (r.low !== undefined && r.high !== undefined) return `${fmt(r.low)}${dash}${fmt(r.high)}`;
    if (r.high !== undefined) return `< ${fmt(r.high)}`;
    if (r.low !== undefined) return `> ${fmt(r.low)}`;
    return null;
  };

  const blockKeys = chooseBlockKeys(c, rng, layout);
  const inBlock = new Set<ValueKey>(layout === 'prose' ? [] : blockKeys);
  const ctx: Ctx = {
    rng,
    c,
    lang,
    v: valueText,
    num,
    segs: (segments) => joinList(segments.map((s) => segmentWords(s, lang, (xs) => rng.pick(xs))), lang),
    territory: (t) => rng.pick(TERRITORY_NAMES[lang][t]),
    pick: (xs) => rng.pick(xs),
    chance: (p) => rng.chance(p),
    ref: refText,
    inBlock,
    prose: layout === 'prose',
    units,
  };

  const parts: string[] = [];
  const heading = (names: string[]) => {
    const name = rng.pick(names);
    const style = rng.weighted([['colon', 5], ['caps', 2], ['bold', 1], ['plain', 2]] as const);
    if (style === 'caps') return `${name.toUpperCase()}:`;
    if (style === 'bold') return `**${name}**`;
    if (style === 'plain') return name;
    return `${name}:`;
  };
  const inlineHeadings = rng.chance(0.5);
  const section = (names: string[], body: string) => {
    const h = heading(names);
    parts.push(inlineHeadings && h.endsWith(':') && !body.includes('\n') ? `${h} ${body}` : `${h}\n${body}`);
  };

  const title = book.title(ctx);
  if (title) parts.push(title);
  const { history, question } = book.history(ctx);
  section(book.headings.history, history);
  if (question) section(book.headings.question, question);
  if (rng.chance(0.8)) section(book.headings.technique, book.technique(ctx));

  if (layout !== 'prose') {
    const block = renderBlock(layout, blockKeys, book, ctx, { withUnit, valueText, unitText, refText });
    const blockHeading = rng.chance(0.7) ? heading(book.headings.quantitative) : null;
    parts.push(blockHeading ? `${blockHeading}\n${block}` : block);
  }

  const paragraphs = book.findings(ctx).filter((p) => p.sentences.length > 0);
  const oneLine = rng.chance(0.3);
  const findingsText = paragraphs
    .map((p) => {
      const body = oneLine ? p.sentences.join('\n') : p.sentences.join(' ');
      return p.heading ? `${p.heading}\n${body}` : body;
    })
    .join(rng.chance(0.6) ? '\n' : '\n\n');
  section(book.headings.findings, findingsText);

  const assessment = book.assessment(ctx);
  if (assessment.length > 0) {
    const numbered = assessment.length > 1 && rng.chance(0.6);
    section(book.headings.assessment, assessment.map((line, i) => (numbered ? `${i + 1}. ${line}` : line)).join('\n'));
  }
  const recommendation = book.recommendation(ctx);
  if (recommendation) section(book.headings.recommendation, recommendation);

  let text = parts.join(rng.chance(0.7) ? '\n\n' : '\n');
  if (rng.chance(0.15)) text = addTypos(text, book, rng);
  text = text.replace(/\u0000(\w+)\u0000/g, (_, key: ValueKey) => {
    printed.push({ key, value: c.values[key]! });
    return num(c.values[key]!, key === 'BSA' ? 2 : undefined);
  });
  return { text: `${text}\n`, printed, layout };
}

/** Which measurements the quantitative block lists; disease-defining ones are listed more often. */
function chooseBlockKeys(c: SynthCase, rng: Rng, layout: Layout): ValueKey[] {
  const { label, values } = c;
  const p: Partial<Record<ValueKey, number>> = {
    LVEF: 1, LVEDV: 0.8, LVEDVi: 0.8, LVESV: 0.6, LVESVi: 0.5, LVSV: 0.4, LVM: 0.6, LVMi: 0.6,
    MWT: ['HCM', 'CA'].includes(label) || c.findings.hypertrophy ? 0.95 : 0.4,
    RVEDV: 0.5, RVEDVi: 0.6, RVESV: 0.3, RVESVi: 0.3, RVEF: 0.85,
    T1: ['CA', 'MYO', 'CS'].includes(label) || c.subtype === 'fabry' ? 0.95 : 0.6,
    T2: label === 'MYO' ? 0.95 : 0.55,
    ECV: label === 'CA' ? 0.95 : 0.55,
    LVOT_gradient: 0.8, RF: 0.8, LA_area: 0.5, CO: 0.15, HR: 0.15, BSA: 0.2,
  };
  // Layouts built on ventricle rows need the volumes of both ventricles.
  if (layout === 'lvrv' || layout === 'blocks' || layout === 'slash') Object.assign(p, { LVEDV: 1, LVESV: 1, RVEDV: 1, RVESV: 0.8, RVEF: 1 });
  const keys = BLOCK_ORDER.filter((k) => values[k] !== undefined && rng.chance(p[k] ?? 0));
  if (!keys.includes('LVEDV') && !keys.includes('LVEDVi')) keys.splice(0, 0, 'LVEDVi');
  return BLOCK_ORDER.filter((k) => keys.includes(k));
}

interface Fmt {
  withUnit(key: ValueKey): string;
  valueText(key: ValueKey): string;
  unitText(key: ValueKey): string;
  refText(key: ValueKey): string | null;
}

const ABSENT_CANDIDATES: ValueKey[] = ['RVESV', 'LVSV', 'T2', 'ECV', 'LVM'];

function renderBlock(layout: Layout, keys: ValueKey[], book: Phrasebook, ctx: Ctx, f: Fmt): string {
  const { rng } = ctx;
  const label = (key: ValueKey) => rng.pick(book.labels[key] ?? [key]);
  const showRefs = rng.chance(0.6);
  // A value the report does not give: "n.d." or a dash, never a number.
  const absent = rng.chance(0.25) ? ABSENT_CANDIDATES.find((k) => !keys.includes(k)) : undefined;
  const rows = keys.map((key) => ({ key, label: label(key) }));
  const absentRow = absent ? { label: label(absent), text: rng.pick(book.absent) } : null;

  switch (layout) {
    case 'pipe': {
      const h = book.tableHeader;
      const lines = [`| ${rng.pick(h.parameter)} | ${rng.pick(h.value)} |${showRefs ? ` ${rng.pick(h.ref)} |` : ''}`, showRefs ? '|---|---|---|' : '|---|---|'];
      for (const row of rows) {
        lines.push(`| ${row.label} | ${f.withUnit(row.key)} |${showRefs ? ` ${f.refText(row.key) ?? '–'} |` : ''}`);
      }
      if (absentRow) lines.push(`| ${absentRow.label} | ${absentRow.text} |${showRefs ? ' |' : ''}`);
      return lines.join('\n');
    }
    case 'aligned':
    case 'tabs': {
      const sep = layout === 'tabs' ? '\t' : null;
      const unitColumn = layout === 'aligned' && rng.chance(0.4);
      const h = book.tableHeader;
      const header = [rng.pick(h.parameter), rng.pick(h.value), ...(unitColumn ? [rng.pick(h.unit)] : []), ...(showRefs ? [rng.pick(h.ref)] : [])];
      const table = rows.map((row) => {
        return [row.label, unitColumn ? f.valueText(row.key) : f.withUnit(row.key), ...(unitColumn ? [f.unitText(row.key)] : []), ...(showRefs ? [f.refText(row.key) ?? ''] : [])];
      });
      if (absentRow) table.push([absentRow.label, absentRow.text, ...(unitColumn ? [''] : []), ...(showRefs ? [''] : [])]);
      const all = rng.chance(0.7) ? [header, ...table] : table;
      if (sep) return all.map((cells) => cells.join(sep).trimEnd()).join('\n');
      const widths = header.map((_, i) => Math.max(...all.map((cells) => (cells[i] ?? '').length)) + rng.int(3, 6));
      return all.map((cells) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('').trimEnd()).join('\n');
    }
    case 'wertnorm':
    case 'bullets': {
      const bullet = layout === 'bullets' ? rng.pick(['- ', '• ', '* ']) : '';
      const refWord = rng.pick(book.refWords);
      const lines = rows.map((row) => {
        const ref = showRefs ? f.refText(row.key) : null;
        const refPart = ref ? (rng.chance(0.5) ? ` (${ref})` : ` (${refWord} ${ref})`) : '';
        return `${bullet}${row.label}: ${f.withUnit(row.key)}${refPart}`;
      });
      if (absentRow) lines.push(`${bullet}${absentRow.label}: ${absentRow.text}`);
      return lines.join('\n');
    }
    case 'inline': {
      // "LVEDV 152 ml (78 ml/m²), LVESV 61 ml, LVEF 60 %, ...": an index goes in brackets after its volume.
      const items: string[] = [];
      const done = new Set<ValueKey>();
      for (const row of rows) {
        if (done.has(row.key)) continue;
        let item = `${row.label} ${f.withUnit(row.key)}`;
        const indexKey = `${row.key}i` as ValueKey;
        if (['LVEDV', 'LVESV', 'RVEDV', 'RVESV'].includes(row.key) && keys.includes(indexKey) && rng.chance(0.7)) {
          item += ` (${f.withUnit(indexKey)})`;
          done.add(indexKey);
        } else if (row.key === 'LVM' && keys.includes('LVMi') && rng.chance(0.7)) {
          item += ` (${f.withUnit('LVMi')})`;
          done.add('LVMi');
        }
        const ref = showRefs && rng.chance(0.4) ? f.refText(row.key) : null;
        if (ref) item += ` (${rng.pick(book.refWords)} ${ref})`;
        items.push(item);
      }
      const sep = rng.chance(0.8) ? ', ' : '; ';
      const half = Math.ceil(items.length / 2);
      return rng.chance(0.5) ? items.join(sep) : `${items.slice(0, half).join(sep)}${sep.trim()}\n${items.slice(half).join(sep)}`;
    }
    case 'blocks':
    case 'lvrv':
    case 'slash':
      return renderVentricleLayout(layout, keys, book, ctx, f);
    case 'prose':
      return '';
  }
}

const GENERIC: [ValueKey, ValueKey, 'EDV' | 'EDVi' | 'ESV' | 'ESVi' | 'SV' | 'EF' | 'M'][] = [
  ['LVEDV', 'RVEDV', 'EDV'],
  ['LVEDVi', 'RVEDVi', 'EDVi'],
  ['LVESV', 'RVESV', 'ESV'],
  ['LVESVi', 'RVESVi', 'ESVi'],
  ['LVEF', 'RVEF', 'EF'],
];

/** Layouts organised by ventricle: subheading blocks, LV/RV columns, or slash groups. */
function renderVentricleLayout(layout: 'blocks' | 'lvrv' | 'slash', keys: ValueKey[], book: Phrasebook, ctx: Ctx, f: Fmt): string {
  const { rng } = ctx;
  const generic = (g: 'EDV' | 'EDVi' | 'ESV' | 'ESVi' | 'SV' | 'EF' | 'M') => rng.pick(book.genericLabels[g] ?? [g]);
  const rest = new Set(keys);
  const lines: string[] = [];
  if (layout === 'blocks') {
    for (const side of ['LV', 'RV'] as const) {
      const sideKeys = keys.filter((k) => k.startsWith(side) && ['EDV', 'EDVi', 'ESV', 'ESVi', 'SV', 'EF', 'M'].includes(k.slice(2)));
      if (sideKeys.length === 0) continue;
      lines.push(`${rng.pick(book.ventricleHeadings[side])}:`);
      for (const key of sideKeys) {
        rest.delete(key);
        lines.push(`${generic(key.slice(2) as 'EDV')} ${f.withUnit(key)}`);
      }
      lines.push('');
    }
  } else if (layout === 'lvrv') {
    lines.push(`${''.padEnd(18)}${'LV'.padEnd(10)}RV`);
    for (const [lvKey, rvKey, g] of GENERIC) {
      if (!keys.includes(lvKey) || !keys.includes(rvKey)) continue;
      const unit = f.unitText(lvKey);
      const labelText = `${generic(g)} (${unit})`;
      rest.delete(lvKey);
      rest.delete(rvKey);
      lines.push(`${labelText.padEnd(18)}${f.valueText(lvKey).padEnd(10)}${f.valueText(rvKey)}`);
    }
    lines.push('');
  } else {
    // slash: "LV: EDV/ESV/EF 165/80/52 (ml/ml/%)"
    for (const side of ['LV', 'RV'] as const) {
      const group = (['EDV', 'ESV', 'EF'] as const).map((g) => `${side}${g}` as ValueKey).filter((k) => keys.includes(k));
      if (group.length < 2) continue;
      for (const key of group) {
        rest.delete(key);
      }
      const names = group.map((k) => k.slice(2)).join('/');
      const nums = group.map((k) => f.valueText(k)).join('/');
      const unitsText = group.map((k) => f.unitText(k)).join('/');
      lines.push(`${side}: ${names} ${nums} (${unitsText})`);
    }
  }
  const others = keys.filter((k) => rest.has(k));
  if (others.length > 0) {
    const items = others.map((key) => {
      return `${rng.pick(book.labels[key] ?? [key])} ${f.withUnit(key)}`;
    });
    lines.push(items.join(', '));
  }
  return lines.join('\n').replace(/\n{2,}/g, '\n\n').trim();
}

function addTypos(text: string, book: Phrasebook, rng: Rng): string {
  const present = book.typos.filter(([word]) => text.includes(word));
  for (const [word, typo] of rng.sample(present, rng.int(1, 2))) text = text.replace(word, typo);
  return text;
}
