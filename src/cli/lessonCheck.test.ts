import { expect, it } from 'vitest';
import { lessonCheck } from './lessonCheck.ts';

it('lesson check plays a lesson headless and prints each verdict, in Chinese with --lang zh', () => {
  let out = '';
  expect(lessonCheck(['watch', '--lang', 'zh'], (s) => (out += s))).toBe(0);
  expect(out).toContain('## 2. 监听一个前缀');
  expect(out).toMatch(/达成: 对`stock` 前缀的 watch 收到 2 个事件/);
  expect(out.trim().endsWith('every goal met')).toBe(true);
});

it('lesson check refuses a lesson it does not have', () => {
  let out = '';
  expect(lessonCheck(['nope'], (s) => (out += s))).toBe(2);
  expect(out).toMatch(/^no such lesson: nope/);
});
