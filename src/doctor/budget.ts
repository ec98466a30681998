/**
 * Every check runs under its own time budget, so doctor ends in bounded time whatever a server does: the
 * check's requests get a signal that aborts when the budget is spent, and a check that has still not settled a
 * moment later is abandoned (its requests are cancelled by that same signal), never awaited.
 */
import { CmrdxError } from '../errors.js';
import { secondsText } from './check-result.js';

/** How long an abandoned check may take to notice the abort before doctor moves on without it. */
const GRACE_MS = 2000;

export class BudgetExceeded extends CmrdxError {
  constructor(readonly budgetMs: number) {
    super(`no result within ${secondsText(budgetMs / 1000)}`, { code: 'doctor.budget' });
    this.name = 'BudgetExceeded';
  }
}

export async function withinBudget<T>(budgetMs: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const exceeded = new BudgetExceeded(budgetMs);
  let grace: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => controller.abort(exceeded), budgetMs);
  const abandoned = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => (grace = setTimeout(() => reject(exceeded), GRACE_MS)), { once: true });
  });
  abandoned.catch(() => undefined);
  try {
    return await Promise.race([run(controller.signal), abandoned]);
  } catch (error) {
    // Whatever a request threw after the abort (cancelled, reset) is the budget running out.
    throw controller.signal.aborted ? exceeded : error;
  } finally {
    clearTimeout(timer);
    clearTimeout(grace);
  }
}

/** The budget ran out, or the request's own --timeout did (with the server up or hung): the server is too slow. */
export const isTimeout = (error: unknown): boolean => error instanceof BudgetExceeded || (CmrdxError.isInstance(error) && ['backend.timeout', 'backend.hung'].includes(error.code));

/** A signal that aborts when either does (the budget, the scheduler's abandon signal). */
export const eitherSignal = (a: AbortSignal, b: AbortSignal | undefined): AbortSignal => (b ? AbortSignal.any([a, b]) : a);
