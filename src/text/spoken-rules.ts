// Which spoken-form rules a language gets. Languages without rules of their own are read as written, and
// eSpeak applies its own number and abbreviation rules.
import type { SpokenRule } from './spoken-form.ts';

const RULES: Readonly<Record<string, SpokenRule>> = {};

export function spokenRuleFor(languageCode: string): SpokenRule | undefined {
  return RULES[languageCode];
}
