// The text the voice reads ("un millón doscientos cincuenta mil euros") next to the text the subtitles show
// ("1.250.000 €"), with a map between them so every spoken word finds the written words it came from.

interface Piece {
  spokenStart: number;
  spokenEnd: number;
  writtenStart: number;
  writtenEnd: number;
  /** Copied unchanged: positions inside map one to one. Replaced pieces map as a whole. */
  verbatim: boolean;
}

export interface SpokenText {
  readonly written: string;
  readonly spoken: string;
  /** The written span [start, end) that a spoken span [start, end) says. */
  writtenSpan(spokenStart: number, spokenEnd: number): [number, number];
}

export class SpokenTextBuilder {
  private spoken = '';
  private readonly pieces: Piece[] = [];

  constructor(private readonly written: string) {}

  /** Append written[writtenStart, writtenEnd) as it is. */
  keep(writtenStart: number, writtenEnd: number): this {
    return this.add(this.written.slice(writtenStart, writtenEnd), writtenStart, writtenEnd, true);
  }

  /** Append `spoken` as what written[writtenStart, writtenEnd) says. */
  replace(writtenStart: number, writtenEnd: number, spoken: string): this {
    return this.add(spoken, writtenStart, writtenEnd, false);
  }

  build(): SpokenText {
    return new MappedSpokenText(this.written, this.spoken, [...this.pieces]);
  }

  private add(spoken: string, writtenStart: number, writtenEnd: number, verbatim: boolean): this {
    if (spoken.length === 0 && writtenEnd === writtenStart) return this;
    const spokenStart = this.spoken.length;
    this.spoken += spoken;
    this.pieces.push({ spokenStart, spokenEnd: this.spoken.length, writtenStart, writtenEnd, verbatim });
    return this;
  }
}

export function verbatimSpokenText(written: string): SpokenText {
  return new SpokenTextBuilder(written).keep(0, written.length).build();
}

class MappedSpokenText implements SpokenText {
  constructor(
    readonly written: string,
    readonly spoken: string,
    private readonly pieces: readonly Piece[],
  ) {}

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
