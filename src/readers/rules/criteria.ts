/**
 * The criteria of the guideline engine: the public entry. The engine itself lives in criteria/, one module per
 * category (criteria/score.ts says where to look).
 */
export { score, type Scored } from './criteria/score.js';
export type { NormalEvidence, NormalKind } from './criteria/normal.js';
