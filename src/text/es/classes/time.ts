// Clock times: "22:15", "a las 22.15", "13 hs.", "1.00 p.m.", "3:02:32 pst", "12h02m00s", "15H00", "20:00 gmt-3".
// Hours are feminine ("la una", "las veintiuna"); ":15" and ":30" are "y cuarto", "y media".
import { endsSentence, textAfter, wordsBefore, type Context } from '../context.ts';
import { readMap } from '../data.ts';
import { cardinal, countingCardinal } from '../numbers.ts';
import { spellLetters } from '../spelling.ts';
import { perLocale, type Tagger } from '../tagger.ts';

const zoneTable = () => readMap('time-zones.tsv');

const hourWords = (hours: number) => countingCardinal(hours, 'f');

function minuteWords(minutes: number): string {
  if (minutes === 0) return '';
  if (minutes === 15) return ' y cuarto';
  if (minutes === 30) return ' y media';
  return ` y ${cardinal(minutes)}`;
}

function dayPart(hours: number, meridiem: string): string {
  const pm = /p/i.test(meridiem);
  if (!pm) return hours === 12 ? ' de la noche' : ' de la mañana';
  if (hours === 12) return ' del mediodía';
  return hours >= 8 ? ' de la noche' : ' de la tarde';
}

function zoneWords(
  zone: string | undefined,
  offsetSign: string | undefined,
  offsetHours: string | undefined,
  offsetMinutes: string | undefined,
): string {
  if (!zone) return '';
  const name = zoneTable().get(zone.toLowerCase()) ?? spellLetters(zone).toLowerCase();
  if (!offsetSign) return ` ${name}`;
  // "+1" is a number of hours; "+1:30" reads like a clock ("más una treinta").
  const offset = offsetMinutes ? `${hourWords(Number(offsetHours))} ${cardinal(Number(offsetMinutes))}` : cardinal(Number(offsetHours));
  return ` ${name} ${offsetSign === '+' ? 'más' : 'menos'} ${offset}`;
}

// After these words a bare "22.15" or "9 h" is a time of day.
const TIME_WORDS = new Set(['las', 'la', 'hora', 'horas', 'hasta', 'desde', 'sobre', 'hacia', 'entre']);
const saysClock = (context: Context) => wordsBefore(context, 2).some((word) => TIME_WORDS.has(word));

export const timeTagger: Tagger = {
  semioticClass: 'time',
  pattern: perLocale(() => {
    const zone = [...zoneTable().keys()].sort((a, b) => b.length - a.length).join('|');
    return new RegExp(
      String.raw`(?<![\p{L}\p{N}.,:])(?:(las|Las)\s+)?(\d{1,2})(?:([:.])(\d{2})(?::(\d{2}))?(?!\d)(?![.,]\d))?` +
        String.raw`(?:h(\d{2})(?:m(\d{2})s)?(?![\p{L}\p{N}])|\s?(h|hs|hrs)\.?(?![\p{L}])|\s(horas)\b)?` +
        String.raw`(?:\s?((?:a|p)\.?\s?m\.?)(?![\p{L}]))?` +
        String.raw`(?:\s?(${zone})(?:\s?([+-−])(\d{1,2})(?::(\d{2}))?)?(?![\p{L}]))?`,
      'giu',
    );
  }),
  // "a las 13 hs. Abre...": a period taken with "hs." or "p.m." that also ends the sentence is kept.
  // "a las 01:00 horas": the article is taken with the hour so one o'clock can make it singular ("a la una").
  read: (match, context) => {
    const [, article, hoursText] = match;
    const clock = clockWords(match, context);
    if (clock === undefined) return undefined;
    const said = article === undefined ? clock : `${Number(hoursText) === 1 ? article.slice(0, 2) : article} ${clock}`;
    return endsSentence(match[0], context) ? `${said}.` : said;
  },
};

function clockWords(match: RegExpExecArray, context: Context): string | undefined {
  const [
    ,
    article,
    hoursText,
    separator,
    minutesText,
    secondsText,
    compactMinutes,
    ,
    hourSuffix,
    hoursWord,
    meridiem,
    zone,
    offsetSign,
    offsetHours,
    offsetMinutes,
  ] = match;
  const clockWord = article !== undefined || saysClock(context);
  const hours = Number(hoursText);
  const minutes = Number(minutesText ?? compactMinutes ?? 0);
  if (hours > 24 || minutes > 59 || Number(secondsText ?? 0) > 59) return undefined;
  // "22.15" is a time in Spain (a thousands group has three digits); where "." marks decimals, only in context.
  const dotTime = separator === '.' && (context.locale.decimalMark === ',' || hourSuffix !== undefined || clockWord);
  // "a las 22.15 horas": the written word asks for the official reading, "veintidós horas y quince minutos"
  // ("2.50 horas" on a Mexican page is a decimal, left to the decimal class).
  if (hoursWord !== undefined) {
    if (separator !== ':' && !dotTime) return undefined;
    // "a la una horas" is no Spanish: one o'clock after its article is said without the word ("a la una", "a la
    // una y diez minutos"). In "entre las 00.00 y 1.00 horas" the word is shared by both hours and stays.
    if (hours === 1 && (article !== undefined || wordsBefore(context, 1)[0] === 'la'))
      return minutes === 0 ? 'una' : `una y ${cardinal(minutes)} minutos`;
    return minutes === 0 ? `${hourWords(hours)} horas` : `${hourWords(hours)} horas y ${cardinal(minutes)} minutos`;
  }
  const clockShape = separator === ':' || compactMinutes !== undefined || meridiem !== undefined || zone !== undefined;
  const suffixTime = separator === undefined && hourSuffix !== undefined && (hoursText!.startsWith('0') || clockWord);
  // "a la 1 de la mañana": a bare hour before the part of the day it is in ("a la una de la mañana").
  const dayPartTime = separator === undefined && clockWord && /^\s+de\s+la\s+(?:mañana|tarde|noche|madrugada)\b/u.test(textAfter(context));
  if (!clockShape && !dotTime && !suffixTime && !dayPartTime) return undefined;
  const zoneSaid = zoneWords(zone, offsetSign, offsetHours, offsetMinutes);
  if (secondsText !== undefined && Number(secondsText) > 0) {
    return `${cardinal(hours)} horas ${cardinal(minutes)} minutos y ${cardinal(Number(secondsText))} segundos${meridiem ? dayPart(hours, meridiem) : ''}${zoneSaid}`;
  }
  return `${hourWords(hours)}${minuteWords(minutes)}${meridiem ? dayPart(hours, meridiem) : ''}${zoneSaid}`;
}

/** "2 h 30 min" and "15 h 10 min 40 seg": durations written as a clock reading. */
export const durationTagger: Tagger = {
  semioticClass: 'time',
  pattern: perLocale(() => /(?<![\p{L}\p{N}])(\d{1,2})\s?h\s(\d{1,2})\s?min(?:\s(\d{1,2})\s?seg)?(?![\p{L}])/gu),
  read: ([, hours, minutes, seconds]) =>
    seconds === undefined
      ? `${hourWords(Number(hours))}${minuteWords(Number(minutes))}`
      : `${cardinal(Number(hours))} horas ${cardinal(Number(minutes))} minutos y ${cardinal(Number(seconds))} segundos`,
};

// Before a minute mark these words make it a minute of play ("al 88'"); elsewhere an ASCII apostrophe may close a quote.
const MINUTE_WORDS = new Set(['al', 'el', 'del', 'los', 'minuto', 'min']);
// A match lasts 90 minutes, 120 with extra time; a larger number before a prime is no minute of play.
const LAST_MINUTE = 130;

/**
 * The minute of a match written with a prime: "gol al 88′" -> "gol al minuto ochenta y ocho", "(90+3′)" -> "(minuto
 * noventa más tres)", "a los 12′" -> "a los doce minutos". A prime after a degree ("40° 25′") is an arc minute, left.
 */
export const matchMinuteTagger: Tagger = {
  semioticClass: 'time',
  pattern: perLocale(() => /(?<![\p{L}\p{N}.,])(?<![°º]\s?)(\d{1,3})(?:\s?\+\s?(\d{1,2}))?\s?([′'’])(?![\p{L}\p{N}])/gu),
  read: ([, minute, added, mark], context) => {
    if (Number(minute) > LAST_MINUTE) return undefined;
    const before = wordsBefore(context, 1)[0];
    const bracketed = /\(\s*$/.test(context.text.slice(Math.max(0, context.start - 2), context.start));
    if (mark !== '′' && !bracketed && !MINUTE_WORDS.has(before ?? '')) return undefined;
    const extra = added === undefined ? '' : ` más ${cardinal(Number(added))}`;
    if (before === 'los') return `${cardinal(Number(minute))}${extra} minutos`;
    return `${before === 'minuto' || before === 'min' ? '' : 'minuto '}${cardinal(Number(minute))}${extra}`;
  },
};
