import { describe, expect, it } from 'vitest';
import { toUtf8 } from '../../base/bytes.ts';
import { goDuration } from './cluster.ts';

describe("Go's Duration.String(), as bytes on a terminal", () => {
  it('writes µ as UTF-8, so a terminal shows 600µs and not a broken character', () => {
    expect(toUtf8(goDuration(0.6))).toBe('600µs');
    expect(goDuration(0.6)).toBe('600\u00c2\u00b5s');
    expect(goDuration(1)).toBe('1ms');
    expect(goDuration(0.0005)).toBe('500ns');
    expect(goDuration(1500)).toBe('1.5s');
  });
});
