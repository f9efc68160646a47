// Every word of the page and of every lesson exists in English and in Chinese: the same keys,
// none empty, none the same in both (a copy is not a translation).
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../lessons/index.ts';
import { DICTS } from './ui.ts';

function leaves(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

/** Every { en, zh } pair in a lesson, with where it is. */
function texts(o: unknown, path: string): [string, Record<string, unknown>][] {
  if (!o || typeof o !== 'object' || o instanceof RegExp) return [];
  const r = o as Record<string, unknown>;
  const here: [string, Record<string, unknown>][] = 'en' in r || 'zh' in r ? [[path, r]] : [];
  return [...here, ...Object.entries(r).flatMap(([k, v]) => texts(v, `${path}.${k}`))];
}

describe('the languages', () => {
  it('the page has the same words in English and Chinese, none empty or copied', () => {
    const en = new Map(leaves(DICTS.en));
    const zh = new Map(leaves(DICTS.zh));
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [k, v] of en) {
      expect(v.trim(), k).not.toBe('');
      expect(zh.get(k)?.trim(), k).not.toBe('');
      expect(zh.get(k), k).not.toBe(v);
    }
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('lesson %s is written in both languages', (_id, lesson) => {
    const all = texts(lesson, lesson.id);
    expect(all.length).toBeGreaterThan(lesson.steps.length * 4);
    for (const [where, t] of all) {
      expect(Object.keys(t).sort(), where).toEqual(['en', 'zh']);
      expect(String(t.en).trim(), where).not.toBe('');
      expect(String(t.zh).trim(), where).not.toBe('');
      expect(t.zh, where).not.toBe(t.en);
    }
  });
});
