// Every lesson, in the order a learner takes them.
import { failures } from './content/failures.ts';
import { keys } from './content/keys.ts';
import { leases } from './content/leases.ts';
import { meet } from './content/meet.ts';
import { membership } from './content/membership.ts';
import { prefixes } from './content/prefixes.ts';
import { watch } from './content/watch.ts';
import type { Lesson } from './model.ts';

export const LESSONS: readonly Lesson[] = [meet, keys, prefixes, watch, leases, membership, failures];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
