// A small seeded pseudo-random generator for demo and benchmark data. Math.random cannot be
// seeded, and generated data must come out identical for the same seed.

/** Mixes a string into a 32-bit seed (FNV-1a), so that named streams get unrelated seeds. */
export function hashSeed(seed: number, stream: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let index = 0; index < stream.length; index++) {
    hash ^= stream.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Chaotic generator), seeded through splitmix32. */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    // The first outputs of sfc32 still show the seed; discard them.
    for (let index = 0; index < 12; index++) this.nextUint32();
  }

  /** A random stream for one purpose, independent of the streams for other purposes. */
  static forStream(seed: number, stream: string): SeededRandom {
    return new SeededRandom(hashSeed(seed, stream));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** Returns an integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick needs at least one item');
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/**
 * Draws items by relative weight in O(log n) per draw. Weights need not add up to anything in
 * particular: [['Nguyễn', 38], ['Trần', 11]] draws Nguyễn 38 times in 49.
 */
export class WeightedPicker<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.items = [];
    this.cumulative = [];
    let running = 0;
    for (const [item, weight] of entries) {
      if (!(weight > 0)) continue;
      running += weight;
      this.items.push(item);
      this.cumulative.push(running);
    }
    if (this.items.length === 0) throw new Error('WeightedPicker needs at least one positive weight');
    this.total = running;
  }

  pick(random: SeededRandom): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low]!;
  }
}
