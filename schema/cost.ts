/**
 * What a field costs, declared beside it as `extensions: cost({...})`, for the cost limit
 * (server/yoga/use-cost-limit.ts) to bound an operation's answer before it runs. Sizes come from
 * the catalogue the values come from; work from bench/field-costs.ts, which also checks that no
 * accepted request passes the limits. A field without a cost fails test/cost-model.test.ts.
 */
export interface FieldCost {
  /** A leaf's JSON bytes, over every value it can take. */
  bytes?: Sizes;
  /** A list's length per parent, over every parent. */
  length?: Sizes;
  /**
   * No two parents share an item of this field, and one parent's items are distinct (a code's own
   * symptoms; an edge's node): n distinct parents then hold at most the n largest, not n times the
   * largest. Anything reached through an id, an alias or a to-one link may repeat, and is counted
   * at its largest every time.
   */
  owned?: boolean;
  /** Microseconds one call takes beyond resolving its values (a search, a suggestion), from its arguments. */
  work?: (args: Readonly<Record<string, unknown>>) => number;
}

/** How large n values of one kind can be at most: the n largest of those measured, summed. */
export class Sizes {
  /** Running sums of the measured sizes, largest first. */
  private readonly sums: number[];
  readonly largest: number;

  constructor(sizes: readonly number[]) {
    const sorted = [...sizes].sort((a, b) => b - a);
    this.largest = sorted[0] ?? 0;
    let sum = 0;
    this.sums = sorted.map((size) => (sum += size));
  }

  /** The most `count` values can add up to: distinct ones are the largest `count`; others may all be the largest. */
  total(count: number, distinct: boolean): number {
    if (!distinct || this.sums.length === 0) return count * this.largest;
    const measured = Math.min(count, this.sums.length);
    return this.sums[measured - 1]! + (count - measured) * this.largest;
  }
}

/** The bytes a value takes in a JSON answer. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value ?? null));

/** The sizes of these values in a JSON answer (text, numbers, null). */
export const bytesOf = (values: readonly unknown[]): Sizes => new Sizes(values.map(jsonBytes));

/** A value that always takes the same room: a Boolean, a small Int, an object's braces. */
export const fixed = (bytes: number): Sizes => new Sizes([bytes]);

/** A list's lengths, one per parent. */
export const lengthsOf = (lists: readonly { length: number }[]): Sizes => new Sizes(lists.map((list) => list.length));

/** The bytes of the longest name of an enum, quoted. */
export const enumBytes = (names: readonly string[]): Sizes => bytesOf(names);

/** `extensions: cost({...})` on a field. */
export const cost = (fieldCost: FieldCost) => ({ cost: fieldCost });

/** A field's declared cost, or undefined when it has none. */
export const costOf = (extensions: Readonly<Record<string, unknown>> | null | undefined): FieldCost | undefined =>
  extensions?.['cost'] as FieldCost | undefined;
