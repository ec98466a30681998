/**
 * YAML's parser, loaded on first use. Only a taxonomy file or a prompt file is YAML, and loading the parser
 * costs some 50 ms of every command's start-up (`cmrdx classify --model rules` reads neither).
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
let yaml: typeof Yaml | undefined;

export function parseYaml(text: string): unknown {
  yaml ??= require('yaml') as typeof Yaml;
  return yaml.parse(text);
}
