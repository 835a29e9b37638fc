// Which spoken-form rules a language gets. Languages without rules of their own are read as written, and
// eSpeak applies its own number and abbreviation rules.
import type { SpokenRule } from './spoken-form.ts';
import { speakSpanish } from './es/spoken-es.ts';

const RULES: Readonly<Record<string, SpokenRule>> = { es: speakSpanish };

export function spokenRuleFor(languageCode: string): SpokenRule | undefined {
  return RULES[languageCode];
}
