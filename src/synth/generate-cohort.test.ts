import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/helpers/temp-dir.js';
import { parseReport } from '../report/parse-report.js';
import { TERRITORY_SEGMENTS } from './anatomy.js';
import { apportion, generateCohort, resolveMix, writeCohort, type SynthReport } from './generate-cohort.js';
import { LAYOUTS } from './render-report.js';

const dir = tempDir();

test('same seed, byte-identical files; another seed, another cohort', () => {
  const write = (seed: number, name: string) => {
    const { reportsFile, labelsFile } = writeCohort(generateCohort({ seed }), join(dir, name));
    return readFileSync(reportsFile, 'utf8') + readFileSync(labelsFile, 'utf8');
  };
  const a = write(5, 'a');
  assert.equal(write(5, 'b'), a);
  assert.notEqual(write(6, 'c'), a);
});

test('the default mix is the study cohort', () => {
  const reports = generateCohort({ seed: 1 });
  const count = (label: string) => reports.filter((r) => r.label === label).length;
  assert.equal(reports.length, 109);
  assert.deepEqual(['HCM', 'CA', 'CS', 'MYO', 'ICM', 'DCM', 'NORMAL', 'OTHER'].map(count), [15, 14, 14, 14, 17, 16, 19, 0]);
  assert.deepEqual(reports.slice(0, 3).map((r) => r.id), ['cmr-001', 'cmr-002', 'cmr-003']);
  assert.ok(new Set(reports.slice(0, 10).map((r) => r.label)).size > 3, 'labels are interleaved, not in blocks');
});

test('--mix: exact counts for named labels, the rest of n spread like the study', () => {
  assert.deepEqual(resolveMix(undefined, { OTHER: 10 }), { HCM: 15, CA: 14, CS: 14, MYO: 14, ICM: 17, DCM: 16, NORMAL: 19, OTHER: 10 });
  const small = resolveMix(30, { OTHER: 5, HCM: 3 });
  assert.equal(Object.values(small).reduce((s, c) => s + c, 0), 30);
  assert.equal(small.OTHER, 5);
  assert.equal(small.HCM, 3);
  assert.throws(() => resolveMix(10, { OTHER: 20 }), /--mix adds up to 20, more than --n 10/);
  assert.deepEqual(apportion(10, { a: 1, b: 1, c: 1 }), { a: 4, b: 3, c: 3 });
});

test('OTHER covers its subtypes and difficulties follow the requested mix', () => {
  const reports = generateCohort({ seed: 2, n: 16, mix: { OTHER: 16 }, difficulty: { hard: 1 } });
  assert.equal(new Set(reports.map((r) => r.subtype)).size, 8);
  assert.ok(reports.every((r) => r.difficulty === 'hard'));
});

const cohorts: SynthReport[] = [
  ...generateCohort({ seed: 11, n: 240, mix: { OTHER: 30 } }),
  ...generateCohort({ seed: 12, n: 120, lang: 'en', mix: { OTHER: 15 } }),
];

test('every layout occurs', () => {
  assert.deepEqual(new Set(cohorts.map((r) => r.layout)), new Set(LAYOUTS));
});

test('every printed measurement is recovered by parse with the generated value', () => {
  let printed = 0;
  for (const r of cohorts) {
    const found = parseReport({ id: r.id, text: r.text }).measurements.map((m) => `${m.key}=${m.value}`);
    for (const p of r.printed) {
      printed++;
      const i = found.indexOf(`${p.key}=${p.value}`);
      assert.ok(i >= 0, `${r.id} (${r.lang}, ${r.layout}): ${p.key}=${p.value} not recovered`);
      found.splice(i, 1);
    }
  }
  assert.ok(printed > 3000);
});

// Clinical coherence of the generated cases (DOMAIN.md criteria).
test('coherence: volumes, EF and indices agree', () => {
  for (const { case: c, id } of cohorts) {
    const v = c.values;
    assert.ok(Math.abs(v.LVEF! - ((v.LVEDV! - v.LVESV!) / v.LVEDV!) * 100) <= 1, `${id} LVEF`);
    assert.ok(Math.abs(v.LVEDVi! - v.LVEDV! / c.patient.bsa) <= 1, `${id} LVEDVi`);
    assert.ok(Math.abs(v.RVEF! - ((v.RVEDV! - v.RVESV!) / v.RVEDV!) * 100) <= 1, `${id} RVEF`);
    assert.equal(v.LVSV, v.LVEDV! - v.LVESV!);
  }
});

const byLabel = (label: string) => cohorts.filter((r) => r.label === label).map((r) => r.case);

test('coherence: NORMAL has normal function, no scar, no oedema', () => {
  for (const c of byLabel('NORMAL')) {
    assert.ok(c.values.LVEF! >= 55 && c.values.MWT! <= 12 && c.findings.lge.length === 0 && !c.findings.oedema);
    assert.ok(c.values.T2! <= c.refs.T2!.high! && c.values.T1! <= c.refs.T1!.high!);
  }
});

test('coherence: HCM has a wall of 15 mm or more', () => {
  for (const c of byLabel('HCM')) assert.ok(c.values.MWT! >= 15 && c.findings.hypertrophy !== null);
});

test('coherence: CA has ECV > 40 %, diffuse or transmural LGE and raised native T1', () => {
  for (const c of byLabel('CA')) {
    assert.ok(c.values.ECV! > 40);
    assert.ok(c.findings.lge.some((l) => l.pattern === 'diffuse' || l.pattern === 'transmural'));
    assert.ok(c.values.T1! > c.refs.T1!.high!);
  }
});

test('coherence: MYO meets Lake Louise 2018 (a T2 and a T1 criterion)', () => {
  for (const c of byLabel('MYO')) {
    const t2 = c.findings.oedema !== null || c.values.T2! > c.refs.T2!.high!;
    const t1 = c.values.T1! > c.refs.T1!.high! || c.values.ECV! > c.refs.ECV!.high! || c.findings.lge.some((l) => l.pattern === 'subepicardial' || l.pattern === 'midwall');
    assert.ok(t2 && t1);
  }
});

test('coherence: ICM scar is subendocardial or transmural and inside one coronary territory', () => {
  for (const c of byLabel('ICM')) {
    const scar = c.findings.lge[0]!;
    assert.ok(scar.pattern === 'subendocardial' || scar.pattern === 'transmural');
    const territory = TERRITORY_SEGMENTS[scar.territory!];
    assert.ok(scar.segments.every((s) => territory.some((t) => t.level === s.level && t.wall === s.wall)));
    assert.equal(c.findings.wma?.kind, 'regional');
  }
});

test('coherence: DCM is dilated with reduced EF and no ischaemic scar', () => {
  for (const c of byLabel('DCM')) {
    assert.ok(c.values.LVEF! < 50);
    assert.ok(c.values.LVEDVi! > (c.patient.sex === 'm' ? 105 : 96));
    assert.ok(c.findings.lge.every((l) => l.pattern === 'stripe'));
  }
});

test('coherence: CS has patchy multifocal LGE and a context clue', () => {
  for (const c of byLabel('CS')) {
    assert.ok(c.findings.lge.some((l) => l.pattern === 'patchy' && l.segments.length >= 2));
    assert.ok(c.findings.lymph || c.history.some((h) => h.startsWith('cs-')));
  }
});

test('implicit German reports do not name the diagnosis in the assessment', () => {
  const names: Record<string, RegExp> = { HCM: /hypertroph\w* (?:obstruktive )?Kardiomyopathie|HCM/i, CA: /Amyloid/i, CS: /Sarkoid/i, MYO: /Myokarditis/i, DCM: /dilatative|DCM/i, ICM: /ischämische Kardiomyopathie|Infarkt/i };
  for (const r of cohorts.filter((x) => x.lang === 'de' && x.difficulty === 'implicit' && names[x.label])) {
    const parsed = parseReport({ id: r.id, text: r.text });
    const assessment = parsed.parts.assessment.map((s) => r.text.slice(s.start, s.end)).join(' ');
    assert.doesNotMatch(assessment, names[r.label]!, `${r.id} ${r.label}`);
  }
});

test('explicit reports name the diagnosis in the assessment', () => {
  const names: Record<string, RegExp> = { HCM: /hypertroph|HCM|HOCM/i, CA: /Amyloid/i, CS: /Sarko|Sarcoid/i, MYO: /Myo[kc]ardit|myocarditis/i, DCM: /dilat|DCM/i, ICM: /isch[äe]mi|infarct|Infarkt|ICM/i };
  for (const r of cohorts.filter((x) => x.difficulty === 'explicit' && names[x.label])) {
    assert.match(r.text.split(/\n(?:\*\*)?(?:Beurteilung|BEURTEILUNG|Zusammenfassung|ZUSAMMENFASSUNG|Impression|IMPRESSION|Conclusion|CONCLUSION|Summary|SUMMARY)/)[1] ?? '', names[r.label]!, r.id);
  }
});

test('the committed demo cohort is exactly what the generator writes for seed 2025', () => {
  const { reportsFile, labelsFile } = writeCohort(generateCohort({ seed: 2025 }), join(dir, 'demo'));
  const committed = new URL('../../examples/demo/', import.meta.url);
  assert.equal(readFileSync(reportsFile, 'utf8'), readFileSync(new URL('reports.jsonl', committed), 'utf8'));
  assert.equal(readFileSync(labelsFile, 'utf8'), readFileSync(new URL('labels.csv', committed), 'utf8'));
});
