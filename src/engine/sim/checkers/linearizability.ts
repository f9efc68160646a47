// A linearizability checker for client histories (Wing & Gong's search with Lowe's memoization,
// as porcupine does), against a model of the whole key-value store. An operation whose outcome
// is unknown (it failed or timed out) may or may not have taken effect: it is given no return
// time, so it can be placed anywhere after its call — at the very end standing for "never".

export type KvOp =
  | { kind: 'put'; key: string; value: string }
  | { kind: 'get'; key: string }
  | { kind: 'delete'; key: string }
  /** A txn: if value(key) == expect then put(key, value); answers whether it succeeded. */
  | { kind: 'cas'; key: string; expect: string; value: string };

export interface Operation {
  client: number;
  op: KvOp;
  call: number;
  /** Infinity when the outcome is unknown. */
  ret: number;
  /** get: the value or null; delete: the count; cas: succeeded; put: undefined. Unknown outcome: undefined. */
  result?: string | null | number | boolean;
  unknown?: boolean;
}

type State = ReadonlyMap<string, string>;

/** Apply `o` to `s`: undefined if the recorded result could not have come from this state. */
export function stepModel(s: State, o: Operation): State | undefined {
  const op = o.op;
  switch (op.kind) {
    case 'get':
      if (o.unknown) return s;
      return (s.get(op.key) ?? null) === o.result ? s : undefined;
    case 'put': {
      const n = new Map(s);
      n.set(op.key, op.value);
      return n;
    }
    case 'delete': {
      const had = s.has(op.key);
      if (!o.unknown && o.result !== (had ? 1 : 0)) return undefined;
      if (!had) return s;
      const n = new Map(s);
      n.delete(op.key);
      return n;
    }
    case 'cas': {
      const ok = s.get(op.key) === op.expect;
      if (!o.unknown && o.result !== ok) return undefined;
      if (!ok) return s;
      const n = new Map(s);
      n.set(op.key, op.value);
      return n;
    }
  }
}

function stateKey(s: State): string {
  return [...s]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('\u0001');
}

interface Ev {
  kind: 'call' | 'ret';
  op: number;
  time: number;
  prev: Ev | undefined;
  next: Ev | undefined;
  match?: Ev;
}

/** Is there an order of the operations, consistent with real time, that the model accepts? */
export function isLinearizable(history: readonly Operation[], init: State = new Map()): boolean {
  const ops = history;
  const events: Ev[] = [];
  ops.forEach((o, i) => {
    const call: Ev = { kind: 'call', op: i, time: o.call, prev: undefined, next: undefined };
    const ret: Ev = { kind: 'ret', op: i, time: o.ret, prev: undefined, next: undefined };
    call.match = ret;
    events.push(call, ret);
  });
  // By time; at equal times calls come first, so touching operations count as concurrent.
  events.sort((a, b) => a.time - b.time || (a.kind === b.kind ? a.op - b.op : a.kind === 'call' ? -1 : 1));
  const head: Ev = { kind: 'call', op: -1, time: -1, prev: undefined, next: undefined };
  let prev = head;
  for (const e of events) {
    prev.next = e;
    e.prev = prev;
    prev = e;
  }
  const lift = (e: Ev) => {
    e.prev!.next = e.next;
    if (e.next) e.next.prev = e.prev;
    const r = e.match!;
    r.prev!.next = r.next;
    if (r.next) r.next.prev = r.prev;
  };
  const unlift = (e: Ev) => {
    const r = e.match!;
    r.prev!.next = r;
    if (r.next) r.next.prev = r;
    e.prev!.next = e;
    if (e.next) e.next.prev = e;
  };
  let state: State = init;
  let linearized = 0n;
  const cache = new Set<string>();
  const stack: { e: Ev; state: State }[] = [];
  let entry = head.next;
  while (head.next) {
    if (!entry) return false;
    if (entry.kind === 'call') {
      const next = stepModel(state, ops[entry.op]);
      if (next) {
        const lin = linearized | (1n << BigInt(entry.op));
        const key = `${lin.toString(36)}|${stateKey(next)}`;
        if (!cache.has(key)) {
          cache.add(key);
          stack.push({ e: entry, state });
          state = next;
          linearized = lin;
          lift(entry);
          entry = head.next;
          continue;
        }
      }
      entry = entry.next;
    } else {
      // A return whose call is not linearized yet: back up.
      const top = stack.pop();
      if (!top) return false;
      state = top.state;
      linearized &= ~(1n << BigInt(top.e.op));
      unlift(top.e);
      entry = top.e.next;
    }
  }
  return true;
}

/** The same question by trying every order (small histories only): the reference for tests. */
export function isLinearizableBrute(history: readonly Operation[], init: State = new Map()): boolean {
  const n = history.length;
  const used = new Array<boolean>(n).fill(false);
  const order: number[] = [];
  const go = (state: State): boolean => {
    if (order.length === n) return true;
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      // i may go next only if no unplaced operation returned before i was called.
      if (history.some((o, j) => !used[j] && j !== i && o.ret < history[i].call)) continue;
      const next = stepModel(state, history[i]);
      if (!next) continue;
      used[i] = true;
      order.push(i);
      if (go(next)) return true;
      order.pop();
      used[i] = false;
    }
    return false;
  };
  return go(init);
}
