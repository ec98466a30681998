/**
 * The AHA 17-segment model and coronary territories as the generator uses them, with the German and
 * English words reports write for each segment and wall (DOMAIN.md §3).
 */

export type Level = 'basal' | 'mid' | 'apical';
export type Wall = 'anterior' | 'anteroseptal' | 'inferoseptal' | 'inferior' | 'inferolateral' | 'anterolateral' | 'septal' | 'lateral' | 'apex';

export interface Segment {
  level: Level;
  wall: Wall;
}

export type Territory = 'LAD' | 'RCX' | 'RCA';

export const TERRITORY_SEGMENTS: Record<Territory, Segment[]> = {
  LAD: [
    { level: 'basal', wall: 'anterior' },
    { level: 'basal', wall: 'anteroseptal' },
    { level: 'mid', wall: 'anterior' },
    { level: 'mid', wall: 'anteroseptal' },
    { level: 'apical', wall: 'anterior' },
    { level: 'apical', wall: 'septal' },
    { level: 'apical', wall: 'apex' },
  ],
  RCX: [
    { level: 'basal', wall: 'anterolateral' },
    { level: 'basal', wall: 'inferolateral' },
    { level: 'mid', wall: 'anterolateral' },
    { level: 'mid', wall: 'inferolateral' },
    { level: 'apical', wall: 'lateral' },
  ],
  RCA: [
    { level: 'basal', wall: 'inferior' },
    { level: 'basal', wall: 'inferoseptal' },
    { level: 'mid', wall: 'inferior' },
    { level: 'mid', wall: 'inferoseptal' },
    { level: 'apical', wall: 'inferior' },
  ],
};

export const TERRITORY_NAMES = {
  de: { LAD: ['RIVA', 'LAD', 'RIVA-Stromgebiet', 'Versorgungsgebiet des RIVA'], RCX: ['RCX', 'Ramus circumflexus', 'RCX-Stromgebiet', 'Versorgungsgebiet des RCX'], RCA: ['RCA', 'rechte Koronararterie', 'RCA-Stromgebiet', 'Versorgungsgebiet der RCA'] },
  en: { LAD: ['LAD', 'LAD territory', 'left anterior descending territory'], RCX: ['LCx', 'circumflex territory', 'LCx territory'], RCA: ['RCA', 'RCA territory', 'right coronary territory'] },
} as const;

const LEVEL_WORDS = {
  de: { basal: ['basal'], mid: ['mittventrikulär', 'midventrikulär', 'mittventrikulär'], apical: ['apikal'] },
  en: { basal: ['basal'], mid: ['mid', 'mid-ventricular', 'mid'], apical: ['apical'] },
} as const;

const WALL_WORDS = {
  de: {
    anterior: ['anterior', 'Vorderwand'],
    anteroseptal: ['anteroseptal'],
    inferoseptal: ['inferoseptal'],
    inferior: ['inferior', 'Hinterwand'],
    inferolateral: ['inferolateral', 'posterolateral'],
    anterolateral: ['anterolateral'],
    septal: ['septal'],
    lateral: ['lateral', 'Seitenwand'],
    apex: ['Apex', 'Herzspitze'],
  },
  en: {
    anterior: ['anterior'],
    anteroseptal: ['anteroseptal'],
    inferoseptal: ['inferoseptal'],
    inferior: ['inferior'],
    inferolateral: ['inferolateral'],
    anterolateral: ['anterolateral'],
    septal: ['septal'],
    lateral: ['lateral'],
    apex: ['apex', 'apical cap'],
  },
} as const;

export type Lang = 'de' | 'en';

/** "basal inferolateral", "mittventrikulär anteroseptal", "Herzspitze". */
export function segmentWords(segment: Segment, lang: Lang, pick: <T>(items: readonly T[]) => T): string {
  const wall = pick(WALL_WORDS[lang][segment.wall]);
  if (segment.wall === 'apex') return wall;
  // German wall names (Vorderwand, Hinterwand) take no adjective form: "Vorderwand basal".
  if (/^[A-Z]/.test(wall) && lang === 'de') return `${wall} ${pick(LEVEL_WORDS.de[segment.level])}`;
  return `${pick(LEVEL_WORDS[lang][segment.level])} ${wall}`;
}

/** Joins location phrases: "a, b und c" / "a, b and c". */
export function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'de' ? 'und' : 'and';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
