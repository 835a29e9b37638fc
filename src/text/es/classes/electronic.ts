// E-mail addresses, URLs, @handles and #hashtags. Inside addresses, names the voice knows (data/address-words.tsv:
// "gmail", "com") are read as words, everything else letter by letter, digits one by one, symbols by name
// ("arroba", "punto", "barra"). Handles and hashtags are words people say: read as words when Spanish syllables
// can be made of them.
import { readMap } from '../data.ts';
import { cardinal } from '../numbers.ts';
import { loneLetters, readsAsWord, spellDigits } from '../spelling.ts';
import { fixed, type Tagger } from '../tagger.ts';

const addressWords = () => readMap('address-words.tsv');
const symbolNames = () => readMap('symbols.tsv');

/** Letters one by one as the voice names them (eSpeak names a lone letter), digits as digit names. */
function spellRun(run: string): string {
  return /^\d+$/.test(run) ? spellDigits(run) : loneLetters(run);
}

function sayAddressPart(part: string, asWords: boolean | 'hashtag'): string {
  return (part.match(/\p{L}+|\d+/gu) ?? [])
    .map((run) => {
      // In a hashtag a year or a count is said as a number ("#Elecciones2023").
      if (/^\d+$/.test(run)) return asWords === 'hashtag' && run.length <= 4 ? cardinal(BigInt(run)) : spellDigits(run);
      if (addressWords().has(run.toLowerCase()) || (asWords && readsAsWord(run))) return run.toLowerCase();
      return spellRun(run);
    })
    .join(' ');
}

/** An address said piece by piece: "a.bc@gmail.com" -> "a punto b c arroba gmail punto com". */
export function sayAddress(address: string, asWords: boolean | 'hashtag' = false): string {
  const said: string[] = [];
  for (const token of address.match(/:\/\/|[\p{L}\d]+|[^\p{L}\d]/gu) ?? []) {
    if (token === '://') said.push('dos puntos barra barra');
    else if (/^[\p{L}\d]+$/u.test(token)) said.push(sayAddressPart(token, asWords));
    else said.push(symbolNames().get(token) ?? token);
  }
  return said.join(' ');
}

const TLD =
  'com|org|net|edu|gob|gov|int|info|io|eu|es|mx|ar|co|cl|pe|uy|ve|ec|bo|py|cr|do|gt|hn|ni|pa|sv|pr|cu|us|uk|de|fr|it|pt|br|sm|me|tv|fm|news|app|ai|ly|cat|gal|eus|ru|cn|jp|in';

export const electronicTagger: Tagger = {
  semioticClass: 'electronic',
  // A mailbox name is at most 64 characters and a domain label 63 (RFC 5321, RFC 1035). Unbounded, a long run of
  // "1-1-1…" (a start after every hyphen) was read to its end from each of them.
  pattern: fixed(
    new RegExp(
      String.raw`(?<![\p{L}\p{N}@.])(?:` +
        String.raw`[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+` +
        String.raw`|(?:https?:\/\/)?(?:[\w-]{1,63}\.)+(?:${TLD})(?![\p{L}\p{N}])(?:\/[^\s]*[^\s.,;:!?)»"”'])?` +
        String.raw`|https?:\/\/[^\s]*[^\s.,;:!?)»"”']` +
        String.raw`|[@#][a-zA-Z\u00C0-\u024F_][a-zA-Z\u00C0-\u024F\d_]*(?:\.[a-zA-Z]+)?)`,
      'gu',
    ),
  ),
  read: ([written]) => {
    if (written!.startsWith('#')) return `hashtag ${sayAddress(written!.slice(1), 'hashtag')}`;
    return sayAddress(written!, written!.startsWith('@'));
  },
};
