// Where the learner is in the lessons, kept in the browser so a reload comes back to the same
// step: the lesson, the step, what the cluster was like when it began, the goals that happened
// already, and which steps of which lessons are done.
import type { StepStart } from '../lessons/model.ts';

export interface LessonPlace {
  lesson: string;
  step: number;
  start: StepStart;
  /** The last event before the step began: its events are the ones after. */
  sinceSeq: number;
  latched: number[];
}

export interface LessonProgress {
  place: LessonPlace | undefined;
  /** Steps done, by lesson. */
  done: Record<string, number[]>;
}

const KEY = 'etcd-playground:lessons';

export function loadProgress(): LessonProgress {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (raw) {
      const p = JSON.parse(raw) as Partial<LessonProgress>;
      return { place: p.place, done: p.done && typeof p.done === 'object' ? p.done : {} };
    }
  } catch {
    // unreadable: start over
  }
  return { place: undefined, done: {} };
}

export function saveProgress(p: LessonProgress): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(p));
  } catch {
    // storage full or refused: progress lasts for this page
  }
}
