// Every lesson played as a learner would: each step's solution reaches every goal, and a
// deliberate mistake gets a "why not yet?" that names what is missing, in both languages.
import { describe, expect, it } from 'vitest';
import { LessonRun } from '../cli/lessonRun.ts';
import { goalLabel } from './checker.ts';
import { LESSONS } from './index.ts';

describe.each(LESSONS.filter((l) => !l.needs).map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('reaches every goal of every step with its solution', () => {
    const run = new LessonRun(lesson);
    lesson.steps.forEach((step, i) => {
      run.begin(i);
      const verdicts = run.play(step.solution);
      const missing = verdicts.flatMap((v, g) => (v.met ? [] : [`${goalLabel(step.goals[g]).en}: ${v.why?.en}`]));
      expect(missing, `step ${i + 1} (${step.title.en}); terminal 1 printed:\n${run.screens.get('t1')}`).toEqual([]);
    });
  });

  it.each(lesson.steps.map((s, i) => [i + 1, s.title.en, i] as const))(
    'step %i (%s): a wrong attempt is told what is missing',
    (_n, _title, i) => {
      const run = new LessonRun(lesson);
      // The steps before it, done right.
      for (let j = 0; j < i; j++) {
        run.begin(j);
        run.play(lesson.steps[j].solution);
      }
      run.begin(i);
      const step = lesson.steps[i];
      const verdicts = run.play(step.wrong.inputs);
      const whys = verdicts.filter((v) => !v.met).map((v) => v.why!);
      expect(whys.length, 'the wrong attempt must leave a goal unmet').toBeGreaterThan(0);
      expect(whys.map((w) => w.en).join('\n')).toMatch(step.wrong.says);
      for (const w of whys) {
        expect(w.zh.trim()).not.toBe('');
        expect(w.zh).not.toBe(w.en);
      }
    },
  );
});
