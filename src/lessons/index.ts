// Every lesson, in the order a learner takes them.
import { failures } from './content/failures.ts';
import { meet } from './content/meet.ts';
import { watch } from './content/watch.ts';
import type { Lesson } from './model.ts';

export const LESSONS: readonly Lesson[] = [meet, watch, failures];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
