import { describe, expect, it } from 'vitest';
import { tail } from './screenTail.ts';

describe('tail: the lines a terminal can still show', () => {
  it('keeps the last lines, cut just after a newline', () => {
    expect(tail('a\nb\nc\nd', 2)).toBe('c\nd');
    expect(tail('a\nb\nc\n', 2)).toBe('c\n');
  });

  it('keeps everything when the text is shorter', () => {
    expect(tail('a\nb', 5)).toBe('a\nb');
    expect(tail('', 3)).toBe('');
    expect(tail('\nb', 1)).toBe('b');
    expect(tail('\nb', 2)).toBe('\nb');
  });

  it('never cuts inside an escape sequence on a line', () => {
    const text = Array.from({ length: 100 }, (_, i) => `\x1b[32m$\x1b[0m put k${i}\r\nOK\r\n`).join('');
    const kept = tail(text, 10);
    expect(kept.startsWith('\x1b[32m$') || kept.startsWith('OK')).toBe(true);
    expect(text.endsWith(kept)).toBe(true);
    expect(kept.split('\n').length).toBe(10);
  });
});
