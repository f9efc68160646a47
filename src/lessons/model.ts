// What a lesson is, as data: text in English and Chinese, a starting scenario, and steps with
// goals checked against the live cluster. Lessons see the cluster only as the page does (the
// worker protocol's ClusterView and the typed events), so the same checker runs in the page, in
// tests and in `etcd-playground lesson check`.
import type { Lang } from '../i18n/lang.ts';
import type { MemberView } from '../worker/protocol.ts';

/** The playground's own words, in every language it speaks. */
export type Text = Record<Lang, string>;

/** One input of a solution: a command line typed in a terminal, or a button of the page. */
export type SolutionInput =
  | { terminal: 't1' | 't2'; line: string }
  /** `@leader`: whoever leads when it is typed; `@stopped`: every stopped member; `@follower`: a follower. */
  | { control: 'stop' | 'start' | 'kill' | 'isolate'; member: string }
  | { control: 'heal' }
  /** Ctrl-C in a terminal (ends a watch or a keep-alive). */
  | { interrupt: 't1' | 't2' }
  /** Let virtual time pass (the learner waits, or watches). */
  | { wait: number };

export type Goal =
  /** State: a key holds a value (or exists at all), on the leader's keyspace. */
  | { kind: 'key'; key: string; value?: string }
  /** State: a key was deleted (its latest generation ends in a tombstone), or never existed. */
  | { kind: 'key-gone'; key: string }
  /** State: at least this many keys under a prefix. */
  | { kind: 'prefix-count'; prefix: string; atLeast: number }
  /** State: the store's revision is at least this. */
  | { kind: 'revision'; atLeast: number }
  /** State: a live lease holds these keys. */
  | { kind: 'lease-keys'; keys: string[] }
  /** State: no live lease holds this key any more (it expired or was revoked), and the key is gone. */
  | { kind: 'lease-gone'; key: string }
  /** State: a member is in this state ('voting' = a running member that is not a learner). */
  | { kind: 'member'; name: string; state: 'voting' | 'stopped' | 'absent' | 'running' }
  /** State: a leader exists and it is not one of the members that were leader when the step began. */
  | { kind: 'new-leader' }
  /** State: no member has a leader (a majority is down or cut off). */
  | { kind: 'no-leader' }
  /** State: the network is whole and every running member follows one leader. */
  | { kind: 'one-leader' }
  /** Event: a member that led when the step began stepped down, having lost touch with a majority. */
  | { kind: 'stepped-down' }
  /** State: the v2 store has this node (a value, or a directory), or (gone) has it no more. */
  | { kind: 'v2-key'; key: string; value?: string; dir?: boolean; gone?: boolean; ttl?: boolean }
  /** Event: a running watch delivered at least `events` events on a key or a prefix since the step began. */
  | { kind: 'watch'; key: string; prefix: boolean; events: number; prevKv?: boolean }
  /** Event: a watch was started from a past revision and replayed history. */
  | { kind: 'watch-from'; key: string; atMost: number }
  /** Event: a lease expired (it was not kept alive). */
  | { kind: 'lease-expired' }
  /** Event: an election was won at a higher term than when the step began. */
  | { kind: 'election' }
  /** Event: the keyspace was compacted. */
  | { kind: 'compaction'; atLeast: number }
  /** Transcript: a terminal printed text matching `pattern` since the step began. */
  | { kind: 'printed'; pattern: RegExp; what: Text; terminal?: 't1' | 't2' }
  /** Transcript: the learner ran a command matching `pattern` since the step began. */
  | { kind: 'ran'; pattern: RegExp; what: Text };

export interface Step {
  title: Text;
  /** What to read and what to type (a little Markdown: `code`, **bold**, paragraphs). */
  text: Text;
  goals: Goal[];
  /** Each more specific than the one before. */
  hints: Text[];
  /** The exact inputs that reach every goal; "show solution" types them for the learner. */
  solution: SolutionInput[];
  /** What the learner just saw, shown once every goal is met. */
  explain: Text;
  /** A mistake a learner makes here, and what "why not yet?" must then name (tested). */
  wrong: { inputs: SolutionInput[]; says: RegExp };
}

export interface Lesson {
  id: string;
  title: Text;
  summary: Text;
  /** The cluster it starts from: members, seed, and commands typed before the first step (shown in terminal 1). */
  setup: { members?: number; seed?: number; commands?: string[] };
  steps: Step[];
  /** A lesson that needs a part of the playground not built yet: shown, not playable. */
  needs?: Text;
}

/** What the cluster was like when a step began (goals like "a new leader" compare with it). */
export interface StepStart {
  leaders: string[];
  term: number;
  revision: number;
}

export type Role = MemberView['role'];

/** The members a solution's control means, on the cluster as it is now. */
export function membersMeant(member: string, view: { members: readonly MemberView[] }): string[] {
  if (member === '@leader') return view.members.filter((m) => m.role === 'leader').map((m) => m.name);
  if (member === '@stopped') return view.members.filter((m) => m.role === 'stopped').map((m) => m.name);
  if (member === '@follower')
    return view.members
      .filter((m) => m.role === 'follower')
      .slice(0, 1)
      .map((m) => m.name);
  return [member];
}
