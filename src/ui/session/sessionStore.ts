// The running session in this browser's storage, append-only: a small header (seed, size, where
// the run has got to, how many inputs) and one entry per input, written the moment it is applied.
// A keystroke costs one short write however long the session is, a reload reads it back whole,
// and a write the browser refuses (storage full, disabled) is said once, never thrown.
//
// Loaded from the page's entry chunk (earlyStart.ts) before the UI: keep it free of UI imports.
import type { SessionFile, SessionInput } from '../../engine/session/sessionFile.ts';

/** The part of the Web Storage API used here (tests give a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SESSION_KEY = 'etcd-playground:session';
/** A saved session this version could not replay, kept so that it can still be exported. */
export const SET_ASIDE_KEY = 'etcd-playground:set-aside';
const inputKey = (sid: string, i: number) => `etcd-playground:input:${sid}:${i}`;

/** The header: everything of the session file but its inputs, which are stored one by one. */
interface Header extends Omit<SessionFile, 'inputs'> {
  /** Names this session's input entries (a new one per session, so that none mixes with another's). */
  sid: string;
  /** Inputs stored: entries 0 to count - 1. */
  count: number;
  /** The tab that writes it: the one that opened it last (another tab of the page stops saving). */
  owner?: string;
}

/** What the browser has: the session and where its entries are, or undefined. */
export interface StoredSession {
  file: SessionFile;
  /** Undefined for a session stored whole by an earlier version (rewritten on its first input). */
  sid: string | undefined;
}

function parse(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The session this browser saved, as stored (the worker validates it before replaying anything;
 * here it only has to look like one). Entries past a missing one are not part of it.
 */
export function loadStoredSession(storage: KeyValueStorage | undefined = globalStorage()): StoredSession | undefined {
  if (!storage) return undefined;
  const h = parse(safeGet(storage, SESSION_KEY)) as (Partial<Header> & { inputs?: unknown }) | null;
  if (h?.format !== 'etcd-playground-session') return undefined;
  if (Array.isArray(h.inputs)) return { file: h as SessionFile, sid: undefined };
  if (typeof h.sid !== 'string' || typeof h.count !== 'number') return undefined;
  const { sid, count, owner: _, ...rest } = h as Header;
  const inputs: SessionInput[] = [];
  for (let i = 0; i < count; i++) {
    const input = parse(safeGet(storage, inputKey(sid, i))) as SessionInput | null;
    if (!input) break;
    inputs.push(input);
  }
  return { file: { ...rest, inputs }, sid };
}

function safeGet(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function globalStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Storage disabled: reading localStorage itself throws.
    return undefined;
  }
}

function newSid(): string {
  return Math.floor(Math.random() * 2 ** 48).toString(36);
}

/** Told once when the browser stops taking the session's writes. */
export type StorageTrouble = (reason: string) => void;

/**
 * The running session's record, kept in step with the worker: each input stored at once (one
 * entry), the header when inputs arrive and at most twice a second as the clock moves.
 */
export class SessionRecord {
  private readonly file: SessionFile;
  private sid: string;
  /** Inputs that are in storage (all of them, unless the browser refused a write). */
  private stored = 0;
  private broken = false;
  /** This tab, as the header names its writer. */
  private readonly owner = newSid();
  private timer: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    private readonly storage: KeyValueStorage | undefined,
    file: SessionFile,
    sid: string | undefined,
    private readonly trouble: StorageTrouble,
  ) {
    this.file = { ...file, inputs: [...file.inputs] };
    this.sid = sid ?? newSid();
    if (sid !== undefined) this.stored = file.inputs.length;
  }

  /** A fresh session: the one stored before is forgotten. */
  static fresh(storage: KeyValueStorage | undefined, seed: number, members: number, trouble: StorageTrouble) {
    forget(storage);
    const file: SessionFile = {
      format: 'etcd-playground-session',
      version: 1,
      seed,
      ...(members !== 3 ? { members } : {}),
      endMs: 0,
      endEvents: 0,
      inputs: [],
    };
    const r = new SessionRecord(storage, file, undefined, trouble);
    r.writeHeader();
    return r;
  }

  /** Go on with the session stored in this browser (restored by the worker). */
  static resume(storage: KeyValueStorage | undefined, stored: StoredSession, trouble: StorageTrouble) {
    const r = new SessionRecord(storage, stored.file, stored.sid, trouble);
    // A session stored whole by an earlier version is rewritten as entries, once; either way
    // this tab now writes it (a tab that had it open stops).
    if (stored.sid === undefined) r.writeAll();
    else r.writeHeader();
    return r;
  }

  /** A session from elsewhere (an import, a share link) takes the place of the stored one. */
  static replace(storage: KeyValueStorage | undefined, file: SessionFile, trouble: StorageTrouble) {
    forget(storage);
    const r = new SessionRecord(storage, file, undefined, trouble);
    r.writeAll();
    return r;
  }

  get seed(): number {
    return this.file.seed;
  }

  get length(): number {
    return this.file.inputs.length;
  }

  /** An input is stored at once (one entry and the header): a reload right after it must not lose it. */
  add(input: SessionInput): void {
    this.file.inputs.push(input);
    this.checkOwner();
    this.file.endMs = Math.max(this.file.endMs, input.at);
    this.file.endEvents = Math.max(this.file.endEvents, input.n);
    if (!this.broken && this.stored === this.file.inputs.length - 1 && this.put(inputKey(this.sid, this.stored), input))
      this.stored++;
    this.writeHeader();
  }

  /** Where the run has got to (from the worker's clock). */
  reached(virtualMs: number, events: number): void {
    if (events < this.file.endEvents || (events === this.file.endEvents && virtualMs <= this.file.endMs)) return;
    this.file.endMs = virtualMs;
    this.file.endEvents = events;
    this.timer ??= setTimeout(() => this.flush(), 500);
  }

  /** Store the header now (leaving the page). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.checkOwner();
    this.writeHeader();
  }

  /** Another tab opened this session since: it saves it now, this one stops (and says so). */
  private checkOwner(): void {
    if (this.broken || !this.storage) return;
    const h = parse(safeGet(this.storage, SESSION_KEY)) as Partial<Header> | null;
    if (h?.owner !== undefined && h.owner !== this.owner)
      this.refused('this session was opened in another tab, which saves it from now on');
  }

  snapshot(terminals?: SessionFile['terminals']): SessionFile {
    return { ...this.file, inputs: [...this.file.inputs], ...(terminals ? { terminals } : {}) };
  }

  /** Forget this session in storage (Reset). */
  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    forget(this.storage);
  }

  private writeAll(): void {
    this.stored = 0;
    while (
      this.stored < this.file.inputs.length &&
      this.put(inputKey(this.sid, this.stored), this.file.inputs[this.stored])
    )
      this.stored++;
    this.writeHeader();
  }

  private writeHeader(): void {
    const { inputs: _, ...rest } = this.file;
    // The header may run ahead of the entries' end only when an entry was refused: then it
    // claims only what is stored, and where the run was when the last stored input came.
    const complete = this.stored === this.file.inputs.length;
    const last = this.file.inputs[this.stored - 1];
    const header: Header = {
      ...rest,
      ...(complete ? {} : { endMs: last?.at ?? 0, endEvents: last?.n ?? 0 }),
      sid: this.sid,
      count: this.stored,
      owner: this.owner,
    };
    if (!this.broken) this.put(SESSION_KEY, header);
  }

  private put(key: string, value: unknown): boolean {
    if (!this.storage) return this.refused('this browser does not let the page store anything');
    try {
      this.storage.setItem(key, JSON.stringify(value));
      return true;
    } catch (e) {
      const full = e instanceof DOMException && /quota/i.test(e.name);
      return this.refused(full ? "this browser's storage for the page is full" : 'this browser refused to store it');
    }
  }

  private refused(reason: string): false {
    if (!this.broken) {
      this.broken = true;
      this.trouble(reason);
    }
    return false;
  }
}

/** Remove the stored session: its header and every entry. */
function forget(storage: KeyValueStorage | undefined): void {
  if (!storage) return;
  const h = parse(safeGet(storage, SESSION_KEY)) as Partial<Header> | null;
  try {
    if (typeof h?.sid === 'string' && typeof h.count === 'number')
      for (let i = 0; i < h.count; i++) storage.removeItem(inputKey(h.sid, i));
    storage.removeItem(SESSION_KEY);
  } catch {
    // Nothing to do: storage that refuses removals keeps what it has.
  }
}

/** Keep a saved session that could not be replayed, so that it can still be exported; one at a time. */
export function setAside(storage: KeyValueStorage | undefined, file: SessionFile): void {
  try {
    storage?.setItem(SET_ASIDE_KEY, JSON.stringify(file));
  } catch {
    // Full: it stays in memory for this page only.
  }
}
