// A revision is (main, sub): main is the store revision of a write transaction, sub the
// position of one change inside it. Packed into one number so maps and sets can hold it, and
// packed numbers sort as the revisions do.

export interface Revision {
  main: number;
  sub: number;
}

/** Room for 2^24 changes in one transaction; main revisions up to 2^29. */
const SUB_BITS = 2 ** 24;

export function packRev(main: number, sub: number): number {
  return main * SUB_BITS + sub;
}

export function unpackRev(packed: number): Revision {
  const main = Math.floor(packed / SUB_BITS);
  return { main, sub: packed - main * SUB_BITS };
}

export function mainOf(packed: number): number {
  return Math.floor(packed / SUB_BITS);
}

export function subOf(packed: number): number {
  return packed - Math.floor(packed / SUB_BITS) * SUB_BITS;
}

export function compareRev(a: Revision, b: Revision): number {
  return a.main - b.main || a.sub - b.sub;
}
