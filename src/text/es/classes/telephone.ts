// Telephone numbers, said digit by digit as a newsreader gives a number to call: "+34 91 123 45 67",
// "123-456-7890 ext. 12", "llame al 112", "0-800-hermano", and IP addresses ("123.123.0.40").
import { wordsBefore, type Context } from '../context.ts';
import { cardinal } from '../numbers.ts';
import { spellDigits } from '../spelling.ts';
import { fixed, type Tagger } from '../tagger.ts';

const CALL_WORDS = new Set([
  'llamar',
  'llame',
  'llamen',
  'llama',
  'llamó',
  'llámame',
  'llámanos',
  'teléfono',
  'teléfonos',
  'tel',
  'móvil',
  'celular',
  'whatsapp',
  'marcar',
  'marque',
  'marcando',
  'línea',
  'contacto',
  'fax',
  'emergencias',
]);
const saysCall = (context: Context) => wordsBefore(context, 4).some((word) => CALL_WORDS.has(word));

const countryCode = (code: string) => (code.length <= 2 ? cardinal(Number(code)) : spellDigits(code));

/** "+58 (123) 123-5678 ext. 12" and its variants. */
export const telephoneTagger: Tagger = {
  semioticClass: 'telephone',
  pattern: fixed(
    /(?<![\p{L}\p{N}.,+-])(?:\+(\d{1,3})[\s-]?)?((?:\(\d{1,4}\)\s?)?\d{2,4}(?:[\s-]\d{2,4}){1,4})(?:\s?(?:ext\.?|extensión)\s?(\d{1,5}))?(?![\p{N}]|[.,]\d)/gu,
  ),
  read: ([, country, body, extension], context) => {
    const groups = body!.replace(/[()]/g, '').split(/[\s-]+/);
    const digits = groups.join('');
    const hyphenated = body!.includes('-');
    // "2010-2015" is a range and "1 000 000" a number: a phone needs a country code, a call word before it, or
    // a shape numbers never have (hyphen-joined groups of three or more digits, nine digits in small groups).
    const years = groups.length === 2 && groups.every((group) => /^(?:1[89]|20)\d\d$/.test(group));
    const thousands = !hyphenated && groups.slice(1).every((group) => group.length === 3) && groups[0]!.length <= 3;
    const phoneShape =
      (hyphenated && groups.length >= 2 && groups.slice(0, 2).every((group) => group.length >= 3) && digits.length >= 7 && !years) ||
      (!hyphenated && digits.length === 9 && /^[6789]/.test(digits) && !thousands);
    if (country === undefined && !phoneShape && !(saysCall(context) && digits.length >= 6)) return undefined;
    // A short last group after a full number is an extension: "123-5678-12".
    let said = groups;
    let trailingExtension: string | undefined;
    if (hyphenated && groups.length >= 3 && groups.at(-1)!.length <= 2 && digits.length > 9) {
      trailingExtension = groups.at(-1);
      said = groups.slice(0, -1);
    }
    const parts = [country ? `más ${countryCode(country)}` : '', spellDigits(said.join(''))];
    const ext = extension ?? trailingExtension;
    if (ext) parts.push(`extensión ${spellDigits(ext)}`);
    return parts.filter(Boolean).join(' ');
  },
};

// Emergency and public-service numbers, said digit by digit wherever an article names them: "el 112", "al 016".
const SERVICE_NUMBERS = new Set(['112', '091', '092', '061', '062', '016', '024', '080', '085', '088', '010', '012', '911', '060']);
const NAMING_WORDS = new Set(['el', 'al', 'del', 'servicio', 'número', 'teléfono']);

/** Short service and emergency numbers: "llamar al 112", "el 016", "el teléfono 112". */
export const serviceNumberTagger: Tagger = {
  semioticClass: 'telephone',
  pattern: fixed(/(?<![\p{L}\p{N}.,]|\d\s)(0\d{2,3}|1\d{2}|911)(?![\p{N}]|[.,]\d|\s\d)/gu),
  read: ([digits], context) => {
    const named = SERVICE_NUMBERS.has(digits!) && wordsBefore(context, 1).some((word) => NAMING_WORDS.has(word));
    return saysCall(context) || named ? spellDigits(digits!) : undefined;
  },
};

/** Toll-free prefixes before a word: "1-800-go-u-haul", "0-800-hermano". */
export const tollFreeTagger: Tagger = {
  semioticClass: 'telephone',
  pattern: fixed(/(?<![\p{L}\p{N}])(\d)-(\d{3})-(?=\p{L})/gu),
  read: ([, prefix, exchange]) => `${cardinal(Number(prefix))} ${cardinal(Number(exchange))} `,
};

/** IPv4 addresses, digit by digit with "punto". */
export const ipAddressTagger: Tagger = {
  semioticClass: 'telephone',
  pattern: fixed(/(?<![\p{L}\p{N}.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\p{N}]|\.\d)/gu),
  // "1.000.000.000" is a number in Spain: every group after the first of three digits means thousands.
  read: (match) =>
    match.slice(2, 5).every((part) => part!.length === 3)
      ? undefined
      : match
          .slice(1, 5)
          .map((part) => spellDigits(part!))
          .join(' punto '),
};
