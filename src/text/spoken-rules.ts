// Which spoken-form rules a language gets, and in which regional variant. Languages without rules of their own
// are read as written, and eSpeak applies its own number and abbreviation rules.
import type { SpokenRule } from './spoken-form.ts';
import { DEFAULT_SPANISH_LOCALE } from './es/locales.ts';
import { speakSpanish } from './es/spoken-es.ts';

const RULES: Readonly<Record<string, { rule: SpokenRule; defaultLocale: string }>> = {
  es: { rule: speakSpanish, defaultLocale: DEFAULT_SPANISH_LOCALE },
};

export function spokenRuleFor(languageCode: string): SpokenRule | undefined {
  return RULES[languageCode]?.rule;
}

/** The regional variant the rules of `languageCode` follow: the one asked for, else their default; null without rules. */
export function spokenLocaleFor(languageCode: string, requested: string | undefined): string | null {
  const rules = RULES[languageCode];
  return rules ? (requested ?? rules.defaultLocale) : null;
}
