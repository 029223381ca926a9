/**
 * A growing list of 32-bit integers in one typed array: for the millions of numbers an index build
 * collects, where a plain array of numbers (or of small objects) costs several times as much.
 */
export class IntList {
  private data: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.count] = value;
    this.count += 1;
  }

  at(i: number): number {
    return this.data[i];
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }

  /** The values so far (shares memory with the list until it grows again). */
  view(): Int32Array {
    return this.data.subarray(0, this.count);
  }
}
