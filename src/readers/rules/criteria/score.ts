/**
 * The guideline engine's score (DOMAIN.md): per category, weighted criteria over the report's measurements and its
 * findings with their ConText status, and the diagnoses the report states. The category with the highest score wins;
 * with no abnormal evidence NORMAL wins the score, and its positive evidence is collected for abstain.ts, which gives
 * no category when there is none.
 *
 * Where to look: facts.ts gathers what the report says (numbers, findings, judgements several categories share);
 * diagnoses.ts weighs the stated diagnoses; one module per category fires its criteria (hcm.ts ... other.ts);
 * unexplained.ts gives abnormal findings no criterion explained a weak answer; normal.ts scores NORMAL.
 *
 * The modules run in this fixed order, and it matters: the explanation lists criteria in the order they fired, and a
 * few criteria read the scores so far (ICM's "no scar on this study", "CA beats HCM", the unexplained findings).
 */
import type { Measurement } from '../../../report/extract-measurements.js';
import type { DxCategory } from '../lexicon.js';
import type { Mention } from '../find-findings.js';
import type { FiredCriterion } from '../../reader.js';
import { ENGINE_CATEGORIES as CATEGORIES, type OtherSubtype } from '../outcomes.js';
import { gatherFacts } from './facts.js';
import { Tally } from './tally.js';
import { fireDiagnoses, fireOtherRuledOut } from './diagnoses.js';
import { fireHcm } from './hcm.js';
import { fireCa } from './ca.js';
import { fireMyo } from './myo.js';
import { fireCs } from './cs.js';
import { fireIcm } from './icm.js';
import { fireDcm } from './dcm.js';
import { fireOther } from './other.js';
import { fireUnexplained } from './unexplained.js';
import { fireNormal, normalEvidence, type NormalContext, type NormalEvidence } from './normal.js';

export interface Scored {
  category: DxCategory;
  scores: Record<DxCategory, number>;
  criteria: FiredCriterion[];
  /** When the category is OTHER: which OTHER diagnosis contributed most to its score. */
  subtype: OtherSubtype | null;
  /** When the category is NORMAL: the positive evidence of a normal study (none: the engine abstains). */
  normal: NormalEvidence[] | null;
}

export function score(mentions: Mention[], measurements: Measurement[], findSignals: () => Mention[] = () => [], context?: NormalContext): Scored {
  const facts = gatherFacts(mentions, measurements, context?.fromThisExam);
  const t = new Tally();
  const otherRuledOut = fireDiagnoses(facts, t);
  fireHcm(facts, t);
  fireCa(facts, t);
  fireMyo(facts, t);
  fireCs(facts, t);
  fireIcm(facts, t);
  fireDcm(facts, t);
  fireOther(facts, t);
  fireOtherRuledOut(otherRuledOut, t);
  fireUnexplained(facts, t);
  fireNormal(facts, t);

  const { scores } = t;
  let best: DxCategory = 'NORMAL';
  // A disease needs positive evidence: when nothing scores above zero NORMAL wins (and needs its own evidence).
  for (const c of CATEGORIES) if (scores[c] > scores[best] + 1e-9 && (c === 'NORMAL' || scores[c] > 0)) best = c;
  for (const c of CATEGORIES) scores[c] = Math.round(scores[c] * 100) / 100;
  const result: Scored = { category: best, scores, criteria: t.criteria, subtype: null, normal: null };
  if (best === 'OTHER') result.subtype = [...t.otherParts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
  if (best === 'NORMAL') result.normal = normalEvidence(facts, findSignals, context);
  return result;
}
