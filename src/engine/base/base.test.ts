import { describe, expect, it } from 'vitest';
import { Base64Error, fromBase64, fromUtf8, prefixRangeEnd, toBase64, toHexEscaped, toUtf8 } from './bytes.ts';
import { Crc32c } from './crc32c.ts';
import { clusterId, hex16, hexId, memberId } from './ids.ts';
import { Prng } from './prng.ts';
import { Scheduler } from './scheduler.ts';
import { Interrupted, suspend, type Task, TaskRunner } from './task.ts';
import { capnslogTime, isoTime } from './time.ts';

describe('byte-string keys', () => {
  it('compare in byte order, as etcd does (UTF-8 bytes, not UTF-16 units)', () => {
    const keys = ['b', 'a', '\xff', fromUtf8('é'), 'a\x00', ''].sort();
    expect(keys).toEqual(['', 'a', 'a\x00', 'b', fromUtf8('é'), '\xff']);
  });

  it('give the prefix range end etcd computes, with trailing 0xff bytes dropped', () => {
    expect(prefixRangeEnd('web')).toBe('wec');
    expect(prefixRangeEnd('a\xff')).toBe('b');
    expect(prefixRangeEnd('\xff\xff')).toBe('\x00');
    expect(prefixRangeEnd('')).toBe('\x00');
  });

  it('round-trip UTF-8, replacing invalid bytes for display', () => {
    expect(toUtf8(fromUtf8('Hello 世界 🙂'))).toBe('Hello 世界 🙂');
    expect(fromUtf8('é')).toBe('\xc3\xa9');
    expect(toUtf8('a\xffb')).toBe('a\ufffdb');
  });

  it('encode base64 as Go StdEncoding', () => {
    expect(toBase64('foo')).toBe('Zm9v');
    expect(toBase64('Hello World!')).toBe('SGVsbG8gV29ybGQh');
    expect(toBase64('a')).toBe('YQ==');
    expect(toBase64('')).toBe('');
  });

  it('decode base64 strictly, naming the offending byte as Go does', () => {
    expect(fromBase64('Zm9v')).toBe('foo');
    expect(fromBase64('YQ==')).toBe('a');
    const offset = (s: string) => {
      try {
        fromBase64(s);
        return -1;
      } catch (e) {
        return (e as Base64Error).offset;
      }
    };
    expect(offset('!!!!')).toBe(0);
    expect(offset('Zm9v!')).toBe(4);
    expect(offset('Zm9')).toBe(0);
    expect(offset('YQ=')).toBe(3);
    expect(offset('YQ==YQ==')).toBe(4);
    expect(new Base64Error(0).message).toBe('illegal base64 data at input byte 0');
  });

  it('print --hex escapes', () => {
    expect(toHexEscaped('key1')).toBe('\\x6b\\x65\\x79\\x31');
  });
});

describe('identities', () => {
  it('derive the recorded member and cluster IDs (FACTS.md §1)', () => {
    const ids = ['http://127.0.0.1:2380', 'http://127.0.0.1:22380', 'http://127.0.0.1:32380'].map((u) =>
      memberId([u], 'etcd-cluster-1'),
    );
    expect(ids.map(hexId)).toEqual(['bf9071f4639c75cc', '91bc3c398fb3c146', 'fd422379fda50e48']);
    expect(String(ids[0])).toBe('13803658152347727308');
    const cid = clusterId(ids);
    expect(hexId(cid)).toBe('59a05384c9b79ee');
    expect(String(cid)).toBe('403640855964645870');
  });

  it('derive a run-time member ID from its URL and the Unix second', () => {
    // FACTS.md: 7e7cdfd7d3d25315 for http://127.0.0.1:42380, found by searching the seconds of a recording.
    let found = false;
    for (let s = Date.UTC(2026, 10, 24, 7, 47, 30) / 1000; s < Date.UTC(2026, 10, 24, 7, 47, 45) / 1000; s++) {
      if (hexId(memberId(['http://127.0.0.1:42380'], '', s)) === '7e7cdfd7d3d25315') found = true;
    }
    expect(found).toBe(true);
  });

  it('pad lease IDs to 16 hex digits', () => {
    expect(hex16(1234n)).toBe('00000000000004d2');
  });
});

describe('crc32c', () => {
  it('hashes the empty store to the recorded hashkv', () => {
    expect(new Crc32c().update('key').digest()).toBe(1084519789);
  });
});

describe('seeded randomness', () => {
  it('repeats for the same seed and forks independent streams per concern', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    expect([a.int(0, 1e6), a.int(0, 1e6)]).toEqual([b.int(0, 1e6), b.int(0, 1e6)]);
    const net1 = new Prng(7).fork('network');
    const root = new Prng(7);
    root.fork('elections').int(0, 10); // a draw elsewhere...
    const net2 = root.fork('network');
    expect(net1.int(0, 1e9)).toBe(net2.int(0, 1e9)); // ...does not reshuffle this stream
    expect(new Prng(7).fork('a').int(0, 1e9)).not.toBe(new Prng(7).fork('b').int(0, 1e9));
  });

  it('stays in range', () => {
    const r = new Prng(1);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3, 5);
      expect(v >= 3 && v <= 5).toBe(true);
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
    }
  });
});

describe('scheduler', () => {
  it('runs events by (time, insertion order) and moves the virtual clock', () => {
    const s = new Scheduler();
    const seen: string[] = [];
    s.after(10, 'b', () => seen.push(`b@${s.now()}`));
    s.after(5, 'a', () => seen.push(`a@${s.now()}`));
    s.after(10, 'c', () => seen.push(`c@${s.now()}`));
    const x = s.after(7, 'x', () => seen.push('x'));
    s.cancel(x);
    s.advance(20);
    expect(seen).toEqual(['a@5', 'b@10', 'c@10']);
    expect(s.now()).toBe(20);
  });

  it('stops at a deadline without running later events', () => {
    const s = new Scheduler();
    let ran = false;
    s.after(100, 'late', () => (ran = true));
    expect(s.runUntil(() => false, 50)).toBe(false);
    expect(ran).toBe(false);
    expect(s.now()).toBe(50);
  });

  it('reports wall-clock time from its epoch', () => {
    const s = new Scheduler(1_000);
    s.advance(5);
    expect(s.unixMs()).toBe(1_005);
  });
});

describe('tasks', () => {
  const sleep = (s: Scheduler, ms: number): Task<void> =>
    suspend((resume) => {
      const ev = s.after(ms, 'sleep', () => resume({ ok: true, value: undefined }));
      return () => s.cancel(ev);
    });

  it('resume from scheduler events and return their result', () => {
    const s = new Scheduler();
    function* job(): Task<number> {
      yield* sleep(s, 10);
      yield* sleep(s, 5);
      return s.now();
    }
    let result = 0;
    new TaskRunner(job(), (o) => (result = o.ok ? o.value : -1)).start();
    s.advance(100);
    expect(result).toBe(15);
  });

  it('interrupt: the wait is cancelled, cleanup may still wait', () => {
    const s = new Scheduler();
    const log: string[] = [];
    function* job(): Task<string> {
      try {
        yield* sleep(s, 1000);
        return 'slept';
      } catch (e) {
        if (!(e instanceof Interrupted)) throw e;
        yield* sleep(s, 10); // e.g. release a lock before exiting
        log.push(`cleaned at ${s.now()}`);
        return 'interrupted';
      }
    }
    let out = '';
    const r = new TaskRunner(job(), (o) => (out = o.ok ? o.value : 'error')).start();
    s.advance(100);
    r.interrupt();
    s.advance(100);
    expect(out).toBe('interrupted');
    expect(log).toEqual(['cleaned at 110']);
  });

  it('resumes synchronously when the effect completes at once', () => {
    function* job(): Task<number> {
      const a = yield* suspend<number>((resume) => {
        resume({ ok: true, value: 1 });
        return undefined;
      });
      return a + 1;
    }
    let v = 0;
    new TaskRunner(job(), (o) => (v = o.ok ? o.value : -1)).start();
    expect(v).toBe(2);
  });
});

describe('time formatting without Date', () => {
  it('matches the calendar', () => {
    for (const ms of [0, 1_767_225_600_000, 1_795_508_743_730, 951_782_400_000]) {
      const iso = new Date(ms).toISOString();
      expect(isoTime(ms)).toBe(iso);
      expect(capnslogTime(ms)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 23)}000`);
    }
    expect(isoTime(1_000.7)).toBe('1970-01-01T00:00:01.000Z');
  });
});
