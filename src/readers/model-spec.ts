/**
 * Model specs as users write them: `rules`, `ollama:<tag>` (split at the first colon, so `ollama:qwen2.5:32b`
 * is the tag `qwen2.5:32b`), `openai:<model>`, `llamacpp:<path-to.gguf>`. An unknown spec fails with the list
 * of the known forms.
 */
import { ConfigError } from '../errors.js';

export type ModelSpec =
  | { kind: 'rules'; spec: string }
  | { kind: 'ollama'; spec: string; model: string }
  | { kind: 'openai'; spec: string; model: string }
  | { kind: 'llamacpp'; spec: string; path: string };

export const MODEL_SPEC_FORMS = ['rules', 'ollama:<tag>', 'openai:<model>', 'llamacpp:<path.gguf>'];

export function parseModelSpec(spec: string): ModelSpec {
  const trimmed = spec.trim();
  if (trimmed === 'rules') return { kind: 'rules', spec: 'rules' };
  const colon = trimmed.indexOf(':');
  const prefix = colon === -1 ? trimmed : trimmed.slice(0, colon);
  const rest = colon === -1 ? '' : trimmed.slice(colon + 1);
  if (['ollama', 'openai', 'llamacpp'].includes(prefix) && rest === '') {
    throw new ConfigError(`--model ${spec}: no model after "${prefix}:"`, { code: 'config.model_spec', hint: `Write e.g. ${prefix === 'ollama' ? 'ollama:qwen2.5:32b' : prefix === 'openai' ? 'openai:Qwen/Qwen2.5-32B-Instruct' : 'llamacpp:models/model.gguf'}` });
  }
  if (prefix === 'ollama') return { kind: 'ollama', spec: trimmed, model: rest };
  if (prefix === 'openai') return { kind: 'openai', spec: trimmed, model: rest };
  if (prefix === 'llamacpp') return { kind: 'llamacpp', spec: trimmed, path: rest };
  throw new ConfigError(`--model ${spec}: unknown model spec`, { code: 'config.model_spec', hint: `Use one of ${MODEL_SPEC_FORMS.join(', ')}` });
}
