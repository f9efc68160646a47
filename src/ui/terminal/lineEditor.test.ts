import { describe, expect, it } from 'vitest';
import { LineEditor } from './lineEditor.ts';

const type = (e: LineEditor, s: string) => e.handle(s);

describe('the prompt’s line editor', () => {
  it('submits what was typed, edited in the middle', () => {
    const e = new LineEditor();
    type(e, 'etcdctl gt foo');
    type(e, '\x1b[D'.repeat(5)); // before " foo"… then left of "t"
    type(e, 'e');
    expect(e.text).toBe('etcdctl get foo');
    const r = type(e, '\r');
    expect(r[0]).toMatchObject({ submit: 'etcdctl get foo', echo: '\r\n' });
    expect(e.text).toBe('');
  });

  it('walks history with ↑ and ↓ and keeps the draft', () => {
    const e = new LineEditor(['etcdctl put a 1']);
    type(e, 'etcdctl get a\r');
    type(e, 'draft');
    type(e, '\x1b[A');
    expect(e.text).toBe('etcdctl get a');
    type(e, '\x1b[A');
    expect(e.text).toBe('etcdctl put a 1');
    type(e, '\x1b[A');
    expect(e.text).toBe('etcdctl put a 1');
    type(e, '\x1b[B\x1b[B');
    expect(e.text).toBe('draft');
  });

  it('backspace, delete, home, end, Ctrl-U, Ctrl-C and Ctrl-L', () => {
    const e = new LineEditor();
    type(e, 'abcd\x7f');
    expect(e.text).toBe('abc');
    type(e, '\x01\x1b[3~');
    expect(e.text).toBe('bc');
    type(e, '\x05x');
    expect(e.text).toBe('bcx');
    type(e, '\x1b[D\x15');
    expect(e.text).toBe('x');
    expect(type(e, '\x03')[0]).toMatchObject({ interrupt: true });
    expect(e.text).toBe('');
    expect(type(e, '\x0c')[0]).toMatchObject({ clear: true });
  });

  it('takes pasted text with its newline as typed keys', () => {
    const e = new LineEditor();
    const r = type(e, 'etcdctl put foo bar\r');
    expect(r.at(-1)?.submit).toBe('etcdctl put foo bar');
    expect(e.entries).toEqual(['etcdctl put foo bar']);
  });

  it('Tab takes the one completion whole, narrows several to what they share, and lists them when they share no more', () => {
    const e = new LineEditor();
    expect(type(e, 'etcdctl me\t').at(-1)).toMatchObject({ complete: true });
    e.completeWith(8, ['member']);
    expect(e.text).toBe('etcdctl member ');
    type(e, 'l');
    e.completeWith(15, ['list']);
    expect(e.text).toBe('etcdctl member list ');
    const f = new LineEditor();
    type(f, 'py');
    f.completeWith(0, ['python', 'python3']);
    expect(f.text).toBe('python');
    expect(f.completeWith(0, ['python', 'python3'])).toMatchObject({ list: ['python', 'python3'] });
    expect(f.completeWith(0, [])).toEqual({ echo: '\x07' });
  });
});
