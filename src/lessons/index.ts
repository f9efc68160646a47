// Every lesson, in the order a learner takes them.
import { failures } from './content/failures.ts';
import { gateway } from './content/gateway.ts';
import { keys } from './content/keys.ts';
import { leases } from './content/leases.ts';
import { meet } from './content/meet.ts';
import { membership } from './content/membership.ts';
import { prefixes } from './content/prefixes.ts';
import { program } from './content/program.ts';
import { raft } from './content/raft.ts';
import { txn } from './content/txn.ts';
import { v2 } from './content/v2.ts';
import { watch } from './content/watch.ts';
import type { Lesson } from './model.ts';

export const LESSONS: readonly Lesson[] = [
  meet,
  keys,
  prefixes,
  watch,
  leases,
  membership,
  failures,
  v2,
  gateway,
  txn,
  raft,
  program,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
