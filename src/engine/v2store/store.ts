// The v2 store (etcd's store package): a tree of keys and directories with one global index,
// TTLs, compare-and-swap / compare-and-delete, in-order keys, an event history for waitIndex
// and watchers for ?wait=true. Every member applies the same writes from the log, with the time
// the leader proposed them, so expiry is deterministic too.

export const ErrorCodes = {
  KeyNotFound: 100,
  TestFailed: 101,
  NotFile: 102,
  NotDir: 104,
  NodeExist: 105,
  RootROnly: 107,
  DirNotEmpty: 108,
  PrevValueRequired: 201,
  TTLNaN: 202,
  IndexNaN: 203,
  InvalidField: 209,
  InvalidForm: 210,
  RefreshValue: 211,
  RefreshTTLRequired: 212,
  EventIndexCleared: 401,
} as const;

const MESSAGES: Record<number, string> = {
  100: 'Key not found',
  101: 'Compare failed',
  102: 'Not a file',
  104: 'Not a directory',
  105: 'Key already exists',
  107: 'The root is read only',
  108: 'Directory not empty',
  201: 'PrevValue is Required in POST form',
  202: 'The given TTL in POST form is not a number',
  203: 'The given index in POST form is not a number',
  209: 'Invalid field',
  210: 'Invalid POST form',
  211: 'Value provided on refresh',
  212: 'A TTL must be provided on refresh',
  300: 'Raft Internal Error',
  401: 'The event in requested index is outdated and cleared',
};

export class V2Error extends Error {
  constructor(
    readonly errorCode: number,
    readonly errCause: string,
    readonly index: number,
  ) {
    super(MESSAGES[errorCode] ?? 'error');
  }

  /** The JSON body etcd answers with (and its trailing newline). */
  json(): string {
    return `${goJsonText({ errorCode: this.errorCode, message: this.message, cause: this.errCause, index: this.index })}\n`;
  }

  httpStatus(): number {
    switch (this.errorCode) {
      case 100:
        return 404;
      case 101:
      case 105:
        return 412;
      case 102:
      case 107:
      case 108:
        return 403;
      case 401:
        return 400;
      default:
        return this.errorCode >= 200 && this.errorCode < 300 ? 400 : this.errorCode === 104 ? 400 : 500;
    }
  }
}

interface V2Node {
  path: string;
  value: string | undefined; // undefined for a directory
  children: Map<string, V2Node> | undefined;
  createdIndex: number;
  modifiedIndex: number;
  /** Virtual Unix ms at which it expires; undefined: never. */
  expireAt: number | undefined;
  parent: V2Node | undefined;
}

export interface NodeView {
  key?: string;
  value?: string;
  dir?: boolean;
  expiration?: string;
  ttl?: number;
  nodes?: NodeView[];
  modifiedIndex?: number;
  createdIndex?: number;
}

/** One node of the v2 store as the picture shows it. */
export interface V2TreeNode {
  key: string;
  depth: number;
  dir: boolean;
  value?: string;
  ttl?: number;
  modifiedIndex: number;
}

export interface V2Event {
  action: string;
  node: NodeView;
  prevNode?: NodeView;
  /** The store index the event happened at (for waits and history). */
  index: number;
  /** Paths the event touched (for watchers): the node's path. */
  path: string;
  recursivePaths?: string[];
}

function rfc3339Nano(unixMs: number): string {
  const d = civil(unixMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const frac = (unixMs % 1000) * 1e6;
  return `${d.year}-${p(d.month)}-${p(d.day)}T${p(d.hour)}:${p(d.minute)}:${p(d.second)}.${p(Math.floor(frac), 9).replace(/0+$/, '') || '0'}Z`;
}

import { goJsonText } from '../base/goJsonText.ts';
import { civilFromUnixMs as civil } from '../base/time.ts';

function clean(path: string): string {
  const parts = path.split('/').filter((p) => p && p !== '.');
  return '/' + parts.join('/');
}

export class V2Store {
  index = 0;
  private root: V2Node = {
    path: '/',
    value: undefined,
    children: new Map(),
    createdIndex: 0,
    modifiedIndex: 0,
    expireAt: undefined,
    parent: undefined,
  };
  private history: V2Event[] = [];
  private watchers = new Set<{ path: string; recursive: boolean; sinceIndex: number; notify: (e: V2Event) => void }>();
  stats = {
    getsSuccess: 0,
    getsFail: 0,
    setsSuccess: 0,
    setsFail: 0,
    deleteSuccess: 0,
    deleteFail: 0,
    updateSuccess: 0,
    updateFail: 0,
    createSuccess: 0,
    createFail: 0,
    compareAndSwapSuccess: 0,
    compareAndSwapFail: 0,
    compareAndDeleteSuccess: 0,
    compareAndDeleteFail: 0,
    expireCount: 0,
    watchers: 0,
  };

  private find(path: string): V2Node | undefined {
    let n: V2Node | undefined = this.root;
    for (const part of clean(path).split('/').filter(Boolean)) {
      if (!n?.children) return undefined;
      n = n.children.get(part);
    }
    return n;
  }

  private view(n: V2Node, now: number, recursive: boolean, sorted: boolean, depth = 0): NodeView {
    const v: NodeView = { key: n.path === '/' ? undefined : n.path };
    if (n.children) v.dir = true;
    else v.value = n.value;
    if (n.expireAt !== undefined) {
      v.expiration = rfc3339Nano(n.expireAt);
      v.ttl = Math.max(0, Math.ceil((n.expireAt - now) / 1000));
    }
    if (n.children && (depth === 0 || recursive)) {
      let kids = [...n.children.values()].filter((c) => !c.path.split('/').pop()!.startsWith('_'));
      if (sorted) kids = kids.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (kids.length) v.nodes = kids.map((c) => this.view(c, now, recursive, sorted, depth + 1));
    }
    if (n.path !== '/' && n.path !== this.hiddenRoot) {
      v.modifiedIndex = n.modifiedIndex;
      v.createdIndex = n.createdIndex;
    }
    return v;
  }

  /** A node without its children, as prevNode and write answers show it. */
  private flat(n: V2Node, now: number): NodeView {
    const v = this.view(n, now, false, false, 1);
    delete v.nodes;
    return v;
  }

  /** A directory shown as a root (the keys API's /1): no key, no indexes, and there even when empty. */
  hiddenRoot = '/1';

  get(path: string, recursive: boolean, sorted: boolean, now: number): V2Event {
    const n = this.find(path);
    if (!n && clean(path) === this.hiddenRoot) {
      this.stats.getsSuccess++;
      return { action: 'get', node: { key: this.hiddenRoot, dir: true }, index: this.index, path: this.hiddenRoot };
    }
    if (!n) {
      this.stats.getsFail++;
      throw new V2Error(100, clean(path), this.index);
    }
    this.stats.getsSuccess++;
    return { action: 'get', node: this.view(n, now, recursive, sorted), index: this.index, path: n.path };
  }

  private record(e: V2Event): V2Event {
    this.history.push(e);
    if (this.history.length > 1000) this.history.shift();
    for (const w of [...this.watchers]) {
      const hit = w.recursive
        ? e.path === w.path || e.path.startsWith(w.path === '/' ? '/' : `${w.path}/`)
        : e.path === w.path;
      if (hit && e.index >= w.sinceIndex) {
        this.watchers.delete(w);
        w.notify(e);
      }
    }
    return e;
  }

  private mkdirs(path: string, now: number): V2Node {
    let n = this.root;
    for (const part of path.split('/').filter(Boolean)) {
      if (!n.children) throw new V2Error(104, n.path, this.index);
      let c = n.children.get(part);
      if (!c) {
        c = {
          path: n.path === '/' ? `/${part}` : `${n.path}/${part}`,
          value: undefined,
          children: new Map(),
          createdIndex: this.index + 1,
          modifiedIndex: this.index + 1,
          expireAt: undefined,
          parent: n,
        };
        n.children.set(part, c);
      }
      n = c;
    }
    void now;
    return n;
  }

  /**
   * A write: set (create or replace), create (must not exist), update (must exist),
   * compareAndSwap; `refresh` only moves the TTL.
   */
  set(
    op: 'set' | 'create' | 'update' | 'compareAndSwap',
    path: string,
    o: { dir: boolean; value: string; ttl?: number; prevValue?: string; prevIndex?: number; refresh?: boolean },
    now: number,
  ): V2Event {
    const p = clean(path);
    if (p === '/') throw new V2Error(107, '/', this.index);
    const existing = this.find(p);
    const fail = (code: number, cause: string) => {
      const k =
        op === 'set'
          ? 'setsFail'
          : op === 'create'
            ? 'createFail'
            : op === 'update'
              ? 'updateFail'
              : 'compareAndSwapFail';
      this.stats[k]++;
      return new V2Error(code, cause, this.index);
    };
    if (op === 'create' && existing) throw fail(105, p);
    if ((op === 'update' || op === 'compareAndSwap') && !existing) throw fail(100, p);
    if (op === 'compareAndSwap') {
      if (existing!.children) throw fail(102, p);
      const bad: string[] = [];
      if (o.prevValue !== undefined && existing!.value !== o.prevValue)
        bad.push(`[${o.prevValue} != ${existing!.value}]`);
      if (o.prevIndex !== undefined && existing!.modifiedIndex !== o.prevIndex)
        bad.push(`[${o.prevIndex} != ${existing!.modifiedIndex}]`);
      if (bad.length) throw fail(101, bad.join(' '));
    }
    if (existing && existing.children && (op === 'set' || op === 'update' || op === 'compareAndSwap') && !o.refresh)
      throw fail(102, p);
    const parentPath = p.slice(0, p.lastIndexOf('/')) || '/';
    const parent = this.find(parentPath);
    if (parent && !parent.children) throw fail(104, parent.path);
    const prevNode = existing ? this.flat(existing, now) : undefined;
    const expireAt = o.ttl !== undefined && o.ttl > 0 ? now + o.ttl * 1000 : undefined;
    if (o.refresh && existing) {
      this.index++;
      existing.expireAt = expireAt;
      existing.modifiedIndex = this.index;
      this.stats[op === 'compareAndSwap' ? 'compareAndSwapSuccess' : 'updateSuccess']++;
      return this.record({
        action: op === 'compareAndSwap' ? 'compareAndSwap' : 'update',
        node: this.flat(existing, now),
        prevNode,
        index: this.index,
        path: p,
      });
    }
    const dirNode = this.mkdirs(parentPath, now);
    this.index++;
    const name = p.slice(p.lastIndexOf('/') + 1);
    const n: V2Node = {
      path: p,
      value: o.dir ? undefined : o.value,
      children: o.dir ? (existing?.children ?? new Map()) : undefined,
      createdIndex: op === 'update' || op === 'compareAndSwap' ? existing!.createdIndex : this.index,
      modifiedIndex: this.index,
      expireAt,
      parent: dirNode,
    };
    dirNode.children!.set(name, n);
    const k =
      op === 'set'
        ? 'setsSuccess'
        : op === 'create'
          ? 'createSuccess'
          : op === 'update'
            ? 'updateSuccess'
            : 'compareAndSwapSuccess';
    this.stats[k]++;
    return this.record({ action: op, node: this.flat(n, now), prevNode, index: this.index, path: p });
  }

  /** POST: a new key in the directory, named by the index it gets. */
  createInOrder(dirPath: string, value: string, ttl: number | undefined, now: number): V2Event {
    const d = clean(dirPath);
    const existing = this.find(d);
    if (existing && !existing.children) throw new V2Error(104, d, this.index);
    const name = String(this.index + 1).padStart(20, '0');
    return this.set('create', `${d === '/' ? '' : d}/${name}`, { dir: false, value, ttl }, now);
  }

  delete(
    path: string,
    o: { dir: boolean; recursive: boolean; prevValue?: string; prevIndex?: number },
    now: number,
  ): V2Event {
    const p = clean(path);
    if (p === '/') throw new V2Error(107, '/', this.index);
    const n = this.find(p);
    const cad = o.prevValue !== undefined || o.prevIndex !== undefined;
    const fail = (code: number, cause: string) => {
      this.stats[cad ? 'compareAndDeleteFail' : 'deleteFail']++;
      return new V2Error(code, cause, this.index);
    };
    if (!n) throw fail(100, p);
    if (n.children) {
      if (cad) throw fail(102, p);
      if (!o.dir && !o.recursive) throw fail(102, p);
      if (n.children.size && !o.recursive) throw fail(108, p);
    }
    if (cad) {
      const bad: string[] = [];
      if (o.prevValue !== undefined && n.value !== o.prevValue) bad.push(`[${o.prevValue} != ${n.value}]`);
      if (o.prevIndex !== undefined && n.modifiedIndex !== o.prevIndex)
        bad.push(`[${o.prevIndex} != ${n.modifiedIndex}]`);
      if (bad.length) throw fail(101, bad.join(' '));
    }
    const prevNode = this.flat(n, now);
    this.index++;
    n.parent?.children?.delete(p.slice(p.lastIndexOf('/') + 1));
    const node: NodeView = {
      key: p,
      ...(n.children ? { dir: true } : {}),
      modifiedIndex: this.index,
      createdIndex: n.createdIndex,
    };
    this.stats[cad ? 'compareAndDeleteSuccess' : 'deleteSuccess']++;
    return this.record({ action: cad ? 'compareAndDelete' : 'delete', node, prevNode, index: this.index, path: p });
  }

  /** Remove every node whose TTL ran out by `now` (etcd's SYNC requests): an expire event each. */
  deleteExpired(now: number): V2Event[] {
    const out: V2Event[] = [];
    const walk = (n: V2Node) => {
      for (const c of [...(n.children?.values() ?? [])]) {
        if (c.expireAt !== undefined && c.expireAt <= now) {
          const prevNode = this.flat(c, now);
          this.index++;
          n.children!.delete(c.path.slice(c.path.lastIndexOf('/') + 1));
          this.stats.expireCount++;
          out.push(
            this.record({
              action: 'expire',
              node: {
                key: c.path,
                ...(c.children ? { dir: true } : {}),
                modifiedIndex: this.index,
                createdIndex: c.createdIndex,
              },
              prevNode,
              index: this.index,
              path: c.path,
            }),
          );
        } else walk(c);
      }
    };
    walk(this.root);
    return out;
  }

  /**
   * The first `limit` nodes under `root` (the keys API's /1), depth first in key order, as the
   * picture shows them: paths without the root, directories, values, seconds left of a TTL.
   */
  tree(root: string, limit: number, now: number): { nodes: V2TreeNode[]; more: number } {
    const nodes: V2TreeNode[] = [];
    let more = 0;
    const walk = (n: V2Node, depth: number) => {
      const kids = [...(n.children?.values() ?? [])].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const c of kids) {
        if (nodes.length >= limit) {
          more++;
          continue;
        }
        nodes.push({
          key: c.path.slice(root.length),
          depth,
          dir: !!c.children,
          ...(c.children ? {} : { value: c.value ?? '' }),
          ...(c.expireAt !== undefined ? { ttl: Math.max(0, Math.ceil((c.expireAt - now) / 1000)) } : {}),
          modifiedIndex: c.modifiedIndex,
        });
        walk(c, depth + 1);
      }
    };
    const r = this.find(root);
    if (r) walk(r, 0);
    return { nodes, more };
  }

  hasTTLKeys(): boolean {
    const any = (n: V2Node): boolean => {
      if (!n.children) return false;
      for (const c of n.children.values()) if (c.expireAt !== undefined || any(c)) return true;
      return false;
    };
    return any(this.root);
  }

  /** ?wait=true: the first event at or after `sinceIndex` under the path (from history, or when it happens). */
  watch(path: string, recursive: boolean, sinceIndex: number | undefined, notify: (e: V2Event) => void): () => void {
    const p = clean(path);
    if (sinceIndex !== undefined) {
      const oldest = this.history[0]?.index ?? this.index + 1;
      if (sinceIndex < oldest && this.history.length >= 1000)
        throw new V2Error(401, `the requested history has been cleared [${oldest}/${sinceIndex}]`, this.index);
      for (const e of this.history) {
        if (e.index < sinceIndex) continue;
        const hit = recursive ? e.path === p || e.path.startsWith(p === '/' ? '/' : `${p}/`) : e.path === p;
        if (hit) {
          notify(e);
          return () => {};
        }
      }
    }
    const w = { path: p, recursive, sinceIndex: sinceIndex ?? this.index + 1, notify };
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  /** Internal keys etcd keeps (member records): written, hidden from listings. */
  setInternal(path: string, value: string | undefined, now: number, create = false): void {
    if (value === undefined) {
      const n = this.find(path);
      if (n) this.delete(path, { dir: true, recursive: true }, now);
      return;
    }
    this.set(create && !this.find(path) ? 'create' : 'set', path, { dir: false, value }, now);
  }
}
