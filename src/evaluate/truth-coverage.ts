/**
 * How far a truth reaches the models of a run, said in the same words by every command that scores them against
 * it (evaluate, consensus). A report of the truth that a model has no prediction for is counted as wrong
 * (failed), and the user is told how many, since nothing failed that they could see; a truth that names none of
 * the reports any reader answered (ids changed on the way: leading zeros lost in a spreadsheet, another id
 * scheme, the truth of another cohort) is refused, since it would score every reader 0.000 as if all had failed.
 */
import { InputError } from '../errors.js';

/** The reports a reader answered, by id. */
export interface Answered {
  has(id: string): boolean;
}

/** The warning for a model without a prediction for some reports of the truth, or undefined when it has all. */
export function unansweredWarning(model: string, truth: ReadonlyMap<string, string>, answered: Answered): string | undefined {
  let unanswered = 0;
  for (const id of truth.keys()) if (!answered.has(id)) unanswered++;
  return unanswered > 0 ? `${model}: no prediction for ${unanswered} report(s) of the truth; they count as wrong (failed)` : undefined;
}

/** Refuses a truth that shares no report id with any of the readers (`dir` is the run they belong to). */
export function refuseDisjointTruth(readers: Answered[], truth: ReadonlyMap<string, string>, truthSource: string, dir: string): void {
  if ([...truth.keys()].some((id) => readers.some((r) => r.has(id)))) return;
  throw new InputError({ file: truthSource }, `none of its ${truth.size} report id(s) is a report any reader of ${dir} answered`, {
    code: 'input.truth_disjoint',
    hint: 'Check that the truth names the run\'s report ids exactly as classified (leading zeros, prefixes), or pass the truth of this run',
  });
}
