// What the event log shows: one line per thing that happened, with a kind to filter by.

export type TraceKind = 'election' | 'commit' | 'member' | 'fault' | 'command' | 'message' | 'snapshot';

export interface TraceEvent {
  /** Virtual milliseconds. */
  t: number;
  kind: TraceKind;
  event: string;
}
