// What every revision wrote, by revision: etcd keeps this in bbolt under revision keys. Here an
// array indexed by main revision holds the one KeyValue a revision wrote, or an array of them
// by sub revision for a transaction that wrote several. A tombstone is a KeyValue with version 0.
import type { KeyValue } from '../etcdserverpb.ts';
import { mainOf, subOf } from './revision.ts';

type Slot = KeyValue | (KeyValue | undefined)[] | undefined;

export class Backend {
  private readonly revs: Slot[] = [];
  private n = 0;

  get size(): number {
    return this.n;
  }

  getAt(main: number, sub: number): KeyValue | undefined {
    const slot = this.revs[main];
    if (slot === undefined) return undefined;
    if (Array.isArray(slot)) return slot[sub];
    return sub === 0 ? slot : undefined;
  }

  get(packed: number): KeyValue | undefined {
    return this.getAt(mainOf(packed), subOf(packed));
  }

  set(main: number, sub: number, kv: KeyValue): void {
    const slot = this.revs[main];
    if (sub === 0 && slot === undefined) this.revs[main] = kv;
    else {
      const arr = Array.isArray(slot) ? slot : slot === undefined ? [] : [slot];
      arr[sub] = kv;
      this.revs[main] = arr;
    }
    this.n++;
  }

  delete(main: number, sub: number): void {
    const slot = this.revs[main];
    if (slot === undefined) return;
    if (Array.isArray(slot)) {
      if (slot[sub] === undefined) return;
      slot[sub] = undefined;
      if (slot.every((x) => x === undefined)) this.revs[main] = undefined;
    } else if (sub === 0) this.revs[main] = undefined;
    else return;
    this.n--;
  }

  /** Visit what main revisions in [from, to] wrote, in revision order. */
  forEachIn(from: number, to: number, visit: (kv: KeyValue, main: number, sub: number) => void): void {
    const last = Math.min(to, this.revs.length - 1);
    for (let main = Math.max(0, from); main <= last; main++) {
      const slot = this.revs[main];
      if (slot === undefined) continue;
      if (Array.isArray(slot)) {
        for (let sub = 0; sub < slot.length; sub++) {
          const kv = slot[sub];
          if (kv) visit(kv, main, sub);
        }
      } else visit(slot, main, 0);
    }
  }

  get lastMain(): number {
    return this.revs.length - 1;
  }
}
