/**
 * The two files of a batch run, as `vllm run-batch -i requests.jsonl -o results.jsonl` reads and writes them.
 *
 * Input (OpenAI Batch JSONL): one request per line, `{"custom_id", "method": "POST", "url":
 * "/v1/chat/completions", "body": <chat completion request>}`.
 *
 * Output, as vLLM writes it (vllm/entrypoints/openai/run_batch.py, classes BatchRequestOutput and
 * BatchResponseData, read at commit 0056ae7b of vllm-project/vllm): one line per request, in input order,
 * `{"id": "vllm-<uuid>", "custom_id", "response": {"status_code": 200, "request_id": "vllm-batch-<uuid>",
 * "body": <chat completion response>} | null, "error": null}`; a failed request has `response.status_code`
 * 400 (or the error's code) with `body` null and `error` a message string or an error object
 * (`{"error": {"message", "type", "code"}}` or the older flat `{"message", "type", "code"}`).
 *
 * `custom_id` names the run, the model, the report and the sample: `cmrdx|<run>|<model>|<report id>|<sample>`,
 * the model and report id URI-encoded so no `|` inside them can confuse the parts.
 */
import { z } from 'zod';
import { serverMessage } from '../readers/backends/server-message.js';

export const BATCH_URL = '/v1/chat/completions';

export interface RequestKey {
  run: string;
  model: string;
  reportId: string;
  sample: number;
}

export function customId(key: RequestKey): string {
  return ['cmrdx', key.run, encodeURIComponent(key.model), encodeURIComponent(key.reportId), String(key.sample)].join('|');
}

/** The parts of a cmrdx custom_id, or null for any other string. */
export function parseCustomId(id: string): RequestKey | null {
  const parts = id.split('|');
  if (parts.length !== 5 || parts[0] !== 'cmrdx' || !/^\d+$/.test(parts[4]!)) return null;
  try {
    return { run: parts[1]!, model: decodeURIComponent(parts[2]!), reportId: decodeURIComponent(parts[3]!), sample: Number(parts[4]) };
  } catch {
    return null;
  }
}

/** One line of the input file. */
export function requestLine(key: RequestKey, body: Record<string, unknown>): string {
  return JSON.stringify({ custom_id: customId(key), method: 'POST', url: BATCH_URL, body });
}

/** One line of vLLM's output file (extra fields are kept, missing ones refused). */
export const outputLineSchema = z.object({
  id: z.string().optional(),
  custom_id: z.string().min(1),
  response: z
    .object({
      status_code: z.number().int(),
      request_id: z.string().optional(),
      body: z.record(z.string(), z.unknown()).nullable().optional(),
    })
    .nullable(),
  error: z.unknown().optional(),
});

export type OutputLine = z.infer<typeof outputLineSchema>;

/**
 * Why a line failed, in one line: the HTTP status and the server's message as classify keeps one (a validation
 * message can quote the request, and with it report text; `sent` are the request's texts).
 */
export function failureOf(line: OutputLine, sent: () => string[]): string | null {
  const status = line.response?.status_code;
  if (line.error === null || line.error === undefined) {
    if (status === 200 && line.response?.body) return null;
    return status === 200 ? 'the line has no response body' : `status ${status ?? 'none'} without an error message`;
  }
  const e = line.error as { message?: unknown; error?: { message?: unknown } } | string;
  const message = typeof e === 'string' ? e : String((typeof e.error === 'object' && e.error?.message) || e.message || 'no message');
  return `${status ? `status ${status}: ` : ''}${serverMessage(message, sent())}`;
}
