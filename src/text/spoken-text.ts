// The text the voice reads ("un millón doscientos cincuenta mil euros") next to the text the subtitles show
// ("1.250.000 €"), with a map between them so every spoken word finds the written words it came from.

interface Piece {
  spokenStart: number;
  spokenEnd: number;
  writtenStart: number;
  writtenEnd: number;
  /** Copied unchanged: positions inside map one to one. Replaced pieces map as a whole. */
  verbatim: boolean;
  /** How the voice hears this piece when not as eSpeak's voice of the narration reads its spoken text (a lexicon entry). */
  heard?: Heard;
}

/**
 * Given Kokoro symbols, or the Kokoro language whose eSpeak voice reads the spoken text instead of the narration's
 * (an English name in a Spanish narration: Kokoro's symbols are shared across its languages).
 */
export type Heard = { phonemes: string } | { language: string };

/** A spoken span whose Kokoro symbols are given, not read by eSpeak. */
export interface FixedPhonemes {
  spokenStart: number;
  spokenEnd: number;
  phonemes: string;
}

/** A spoken span read by eSpeak's voice for another Kokoro language. */
export interface ForeignSpan {
  spokenStart: number;
  spokenEnd: number;
  language: string;
}

export interface SpokenText {
  readonly written: string;
  readonly spoken: string;
  /** The written span [start, end) that a spoken span [start, end) says. */
  writtenSpan(spokenStart: number, spokenEnd: number): [number, number];
  /** The spoken span [start, end) that says the written span [start, end) (for showing a passage's spoken form). */
  spokenSpan(writtenStart: number, writtenEnd: number): [number, number];
  /** The spans said with given phonemes, in order. */
  readonly fixedPhonemes: readonly FixedPhonemes[];
  /** The spans read in another language's voice, in order. */
  readonly foreignSpans: readonly ForeignSpan[];
}

export class SpokenTextBuilder {
  private spoken = '';
  private readonly pieces: Piece[] = [];

  constructor(private readonly written: string) {}

  /** Append written[writtenStart, writtenEnd) as it is. */
  keep(writtenStart: number, writtenEnd: number): this {
    return this.add(this.written.slice(writtenStart, writtenEnd), writtenStart, writtenEnd, true);
  }

  /** Append `spoken` as what written[writtenStart, writtenEnd) says; `heard`, when given, is how the voice hears it. */
  replace(writtenStart: number, writtenEnd: number, spoken: string, heard?: Heard): this {
    return this.add(spoken, writtenStart, writtenEnd, false, heard);
  }

  build(): SpokenText {
    return new MappedSpokenText(this.written, this.spoken, [...this.pieces]);
  }

  private add(spoken: string, writtenStart: number, writtenEnd: number, verbatim: boolean, heard?: Heard): this {
    if (spoken.length === 0 && writtenEnd === writtenStart) return this;
    const spokenStart = this.spoken.length;
    this.spoken += spoken;
    this.pieces.push({
      spokenStart,
      spokenEnd: this.spoken.length,
      writtenStart,
      writtenEnd,
      verbatim,
      ...(heard === undefined ? {} : { heard }),
    });
    return this;
  }
}

export function verbatimSpokenText(written: string): SpokenText {
  return new SpokenTextBuilder(written).keep(0, written.length).build();
}

class MappedSpokenText implements SpokenText {
  readonly fixedPhonemes: readonly FixedPhonemes[];
  readonly foreignSpans: readonly ForeignSpan[];

  constructor(
    readonly written: string,
    readonly spoken: string,
    private readonly pieces: readonly Piece[],
  ) {
    this.fixedPhonemes = pieces.flatMap(({ spokenStart, spokenEnd, heard }) =>
      heard !== undefined && 'phonemes' in heard ? [{ spokenStart, spokenEnd, phonemes: heard.phonemes }] : [],
    );
    this.foreignSpans = pieces.flatMap(({ spokenStart, spokenEnd, heard }) =>
      heard !== undefined && 'language' in heard ? [{ spokenStart, spokenEnd, language: heard.language }] : [],
    );
  }

  spokenSpan(writtenStart: number, writtenEnd: number): [number, number] {
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    for (const piece of this.pieces) {
      if (piece.writtenEnd <= writtenStart || piece.writtenStart >= writtenEnd) continue;
      const offset = piece.spokenStart - piece.writtenStart;
      start = Math.min(start, piece.verbatim ? Math.max(writtenStart, piece.writtenStart) + offset : piece.spokenStart);
      end = Math.max(end, piece.verbatim ? Math.min(writtenEnd, piece.writtenEnd) + offset : piece.spokenEnd);
    }
    if (start === Number.POSITIVE_INFINITY) throw new Error(`written span ${writtenStart}-${writtenEnd} is not said`);
    return [start, end];
  }

  writtenSpan(spokenStart: number, spokenEnd: number): [number, number] {
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    for (const piece of this.overlapping(spokenStart, spokenEnd)) {
      if (piece.verbatim) {
        const offset = piece.writtenStart - piece.spokenStart;
        start = Math.min(start, Math.max(spokenStart, piece.spokenStart) + offset);
        end = Math.max(end, Math.min(spokenEnd, piece.spokenEnd) + offset);
      } else {
        start = Math.min(start, piece.writtenStart);
        end = Math.max(end, piece.writtenEnd);
      }
    }
    if (start === Number.POSITIVE_INFINITY) throw new Error(`spoken span ${spokenStart}-${spokenEnd} maps nowhere`);
    return [start, end];
  }

  private *overlapping(spokenStart: number, spokenEnd: number): Generator<Piece> {
    // Binary search for the first piece ending after spokenStart: texts run to tens of thousands of pieces.
    let low = 0;
    let high = this.pieces.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.pieces[middle]!.spokenEnd <= spokenStart) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < this.pieces.length; index++) {
      const piece = this.pieces[index]!;
      if (piece.spokenStart >= spokenEnd) break;
      yield piece;
    }
  }
}
