// Dates: "24/11/2026", "30-2-1990", "1990-02-30", "1 enero", "abril 30", "10 mayo 1990", "abr. 22",
// "vier. 10 de mayo", "30 julio del 2020". The first of the month is "uno" in Spain, "primero" in Latin America.
import { readMap } from '../data.ts';
import { cardinal } from '../numbers.ts';
import { spellLetters } from '../spelling.ts';
import { alternation, fixed, type Tagger } from '../tagger.ts';
import type { SpanishLocale } from '../locales.ts';

const monthTable = () => readMap('months.tsv');
const weekdayTable = () => readMap('weekdays.tsv');
const MONTH_NAMES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

function dayWords(day: number, locale: SpanishLocale): string | undefined {
  if (day < 1 || day > 31) return undefined;
  return day === 1 && locale.firstOfMonth === 'primero' ? 'primero' : cardinal(day);
}

function say(
  day: number,
  monthName: string | undefined,
  year: string | undefined,
  joiner: string | undefined,
  locale: SpanishLocale,
): string | undefined {
  const dayWord = dayWords(day, locale);
  if (!dayWord || !monthName) return undefined;
  const yearWords = year ? ` ${joiner?.toLowerCase() ?? 'de'} ${cardinal(Number(year.length === 2 ? `20${year}` : year))}` : '';
  return `${dayWord} de ${monthName}${yearWords}`;
}

const monthNamed = (written: string) => monthTable().get(written) ?? monthTable().get(written.toLowerCase());

/** Numeric dates: day-month-year with "/", "-" or "."; ISO year-month-day. */
export const numericDateTagger: Tagger = {
  semioticClass: 'date',
  pattern: fixed(/(?<![\p{L}\p{N}.,/-])(?:(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})|(\d{4})-(\d{1,2})-(\d{1,2}))(?![\p{N}]|[/.-]\d)/gu),
  read: ([, day, , month, year, isoYear, isoMonth, isoDay], context) => {
    const monthName = MONTH_NAMES[Number(month ?? isoMonth) - 1];
    return say(Number(day ?? isoDay), monthName, year ?? isoYear, 'de', context.locale);
  },
};

/**
 * Dates with the month in words (or its abbreviation), in either order, the year optional. An abbreviation such
 * as "may" or "mar" is only taken with a day number right beside it.
 */
export const wordDateTagger: Tagger = {
  semioticClass: 'date',
  pattern: fixed(
    new RegExp(
      String.raw`(?<![\p{L}\p{N}])(?:(${alternation(weekdayTable().keys())})\s)?` +
        String.raw`(?:(\d{1,2})(?:\s(?:de\s)?)(${alternation(monthTable().keys())})|(${alternation(monthTable().keys())})\s(\d{1,2})(?![\d.,]\d))` +
        String.raw`(?:(?:\s(de|del|De|Del))?\s(\d{4}))?(?![\p{L}\p{N}])`,
      'gu',
    ),
  ),
  read: ([, weekday, dayFirst, monthAfter, monthFirst, dayAfter, joiner, year], context) => {
    const monthName = monthNamed((monthAfter ?? monthFirst)!);
    const weekdayName = weekday ? `${weekdayTable().get(weekday) ?? weekday} ` : '';
    const said = say(Number(dayFirst ?? dayAfter), monthName, year, joiner, context.locale);
    return said === undefined ? undefined : weekdayName + said;
  },
};

// The initials Spanish news gives dates by: 11-M, 23-F, 1-O, 20N (the month's first letter).
const MONTH_INITIALS = new Set(['E', 'F', 'M', 'A', 'J', 'S', 'O', 'N', 'D']);

/** Dates named by day and month initial: "el 11-M" -> "el once eme", "el 20N" -> "el veinte ene". */
export const dateCodeTagger: Tagger = {
  semioticClass: 'date',
  pattern: fixed(/(?<![\p{L}\p{N}.,/-])(\d{1,2})-?(\p{Lu})(?![\p{L}\p{N}])/gu),
  read: ([, day, initial]) =>
    MONTH_INITIALS.has(initial!) && Number(day) >= 1 && Number(day) <= 31 ? `${cardinal(Number(day))} ${spellLetters(initial!)}` : undefined,
};

const WEEKDAYS = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];

/**
 * A day and month without the year after a weekday: "el martes 16/11" -> "el martes dieciséis de noviembre". Alone,
 * "16/11" may be a fraction or a score; after a weekday it can only be the day.
 */
export const weekdayDateTagger: Tagger = {
  semioticClass: 'date',
  pattern: fixed(new RegExp(String.raw`(?<=(?<![\p{L}])(?:${WEEKDAYS.join('|')})\s)(\d{1,2})(/)(\d{1,2})(?![\p{N}]|/\d)`, 'giu')),
  read: ([, day, , month], context) => say(Number(day), MONTH_NAMES[Number(month) - 1], undefined, undefined, context.locale),
};
