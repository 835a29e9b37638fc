// Section numbers and document references: "artículo 116.1" -> "ciento dieciséis punto uno", "la directiva
// 91/396/CEE" -> "noventa y uno barra trescientos noventa y seis barra ce e e". Dotted groups that are not
// thousands (a thousands group has three digits) and not a time are read with "punto".
import { wordAfter } from '../context.ts';
import { cardinal, decimalDigits } from '../numbers.ts';
import { fixed, type Tagger } from '../tagger.ts';
import { spellLetters } from '../spelling.ts';
import { sayAcronym } from './acronym.ts';

const SCALES = new Set(['mil', 'millones', 'millón', 'billones', 'billón']);

export const dottedReferenceTagger: Tagger = {
  semioticClass: 'reference',
  pattern: fixed(/(?<![\p{L}\p{N}.,])(\d+)((?:\.\d{1,2}(?!\d))+)(?![\p{N}]|\.\d)/gu),
  read: ([, head, tail], context) => {
    const parts = tail!.slice(1).split('.');
    // "1.5 millones" on a page that writes decimals with a point in a comma locale: still a decimal.
    if (parts.length === 1 && SCALES.has(wordAfter(context) ?? '')) return `${cardinal(BigInt(head!))} coma ${decimalDigits(parts[0]!)}`;
    return [head!, ...parts].map((part) => cardinal(BigInt(part))).join(' punto ');
  },
};

export const slashedReferenceTagger: Tagger = {
  semioticClass: 'reference',
  pattern: fixed(/(?<![\p{L}\p{N}/])(\d+)\/(\d+)\/(\p{Lu}{2,})(?![\p{L}\p{N}])/gu),
  read: ([, first, second, letters]) => `${cardinal(BigInt(first!))} barra ${cardinal(BigInt(second!))} barra ${sayAcronym(letters!)}`,
};

/**
 * A ministerial order or resolution numbered with its department's code: "Orden ICT/1466/2021" -> "orden i ce te mil
 * cuatrocientos sesenta y seis de dos mil veintiuno". The code is spelled (it names a ministry, not a word), and
 * the number is said "of" its year, as a norm number is ("Ley 7/2022", fraction.ts).
 */
export const departmentNormTagger: Tagger = {
  semioticClass: 'reference',
  pattern: fixed(/(?<![\p{L}\p{N}/])(\p{Lu}{2,5})\/(\d+)\/((?:1[89]|20)\d\d)(?![\p{L}\p{N}/])/gu),
  read: ([, code, number, year]) => `${spellLetters(code!)} ${cardinal(BigInt(number!))} de ${cardinal(BigInt(year!))}`,
};
