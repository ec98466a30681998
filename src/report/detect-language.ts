/**
 * Tells German from English report text by counting frequent function words. Reports are long enough that
 * this simple vote is reliable, and it needs no model or dictionary download.
 */
import type { Lang } from './report.js';

const GERMAN = /\b(?:und|der|die|das|mit|kein|keine|nicht|bei|eine?|im|ist|des|zur|zum|vereinbar|unauffällig|normal groß)\b/gi;
const ENGLISH = /\b(?:and|the|with|no|not|of|is|are|was|normal|consistent|findings|there)\b/gi;

export function detectLanguage(text: string): Lang {
  const de = text.match(GERMAN)?.length ?? 0;
  const en = text.match(ENGLISH)?.length ?? 0;
  return en > de ? 'en' : 'de';
}
