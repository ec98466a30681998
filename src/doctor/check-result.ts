/**
 * What one doctor check found: a verdict (ok / warn / fail), a one-line detail with counts and report ids (never
 * report text), what to do about a warn or fail, and the measured numbers for --json.
 */
export type Verdict = 'ok' | 'warn' | 'fail';

export const CHECK_NAMES = ['server', 'context', 'structured', 'reasoning', 'logprobs', 'capacity', 'smoke'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export interface CheckResult {
  check: CheckName;
  verdict: Verdict;
  detail: string;
  /** What to do; set for every warn and fail. */
  advice?: string;
  measured?: Record<string, unknown>;
}

const RANK: Record<Verdict, number> = { ok: 0, warn: 1, fail: 2 };

export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'ok';
  for (const v of verdicts) if (RANK[v] > RANK[worst]) worst = v;
  return worst;
}

export const ok = (check: CheckName, detail: string, measured?: Record<string, unknown>): CheckResult => ({ check, verdict: 'ok', detail, ...(measured ? { measured } : {}) });

export const warn = (check: CheckName, detail: string, advice: string, measured?: Record<string, unknown>): CheckResult => ({ check, verdict: 'warn', detail, advice, ...(measured ? { measured } : {}) });

export const fail = (check: CheckName, detail: string, advice: string, measured?: Record<string, unknown>): CheckResult => ({ check, verdict: 'fail', detail, advice, ...(measured ? { measured } : {}) });

/** 12,345 */
export const count = (n: number) => n.toLocaleString('en-US');

/** 0.42 s, 3.1 s, 75 s */
export const secondsText = (s: number) => (s < 1 ? `${s.toFixed(2)} s` : s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`);
