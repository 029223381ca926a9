/** Where one term's matches are collected, one entry per item. */
export interface TermBuffers {
  score: Int32Array;
  text: Int32Array;
  variant: Uint8Array;
  items: Int32Array;
}

/** Terms whose buffers are kept between searches; a query of more words gets fresh ones. */
const KEPT_TERMS = 4;

/**
 * Working memory for one search, reused by the next. Over a province's catalogue a query needs a
 * few MB of typed arrays; allocated fresh every time, they cost page faults and, because V8
 * collects garbage when memory outside its heap grows, a collection every few queries: a
 * millisecond or more that lands on the slowest answers.
 *
 * Lent for one synchronous search only: `begin` starts a search and takes every buffer back.
 */
export class SearchScratch {
  /** Per text: its best match kind for the query variant being matched, or none. */
  readonly kindOf: Int8Array;
  /** The texts matched so far by that variant. */
  readonly touched: Int32Array;
  /** Per text: already given to the general matcher for that variant. */
  readonly seen: Uint8Array;
  /** Per text: where a two-letter pinyin query is first spelled, or -1 (see `eachSpelling`). */
  readonly firstPlace: Int32Array;
  private readonly kept: TermBuffers[] = [];
  private lent = 0;

  constructor(
    textCount: number,
    private readonly itemCount: number,
  ) {
    this.kindOf = new Int8Array(textCount);
    this.touched = new Int32Array(textCount);
    this.seen = new Uint8Array(textCount);
    this.firstPlace = new Int32Array(textCount).fill(-1);
  }

  begin(): void {
    this.lent = 0;
  }

  /** Buffers for the search's next term, every score set to `noMatch`. */
  term(noMatch: number): TermBuffers {
    let buffers = this.kept[this.lent];
    if (!buffers) {
      const n = this.itemCount;
      buffers = {
        score: new Int32Array(n),
        text: new Int32Array(n),
        variant: new Uint8Array(n),
        items: new Int32Array(n),
      };
      if (this.kept.length < KEPT_TERMS) this.kept.push(buffers);
    }
    this.lent += 1;
    buffers.score.fill(noMatch);
    return buffers;
  }
}
