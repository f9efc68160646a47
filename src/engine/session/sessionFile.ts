// A session as a file: the seed and every input with the virtual time it was applied at. The
// engine is a pure function of both, so this is all it takes to rebuild a cluster exactly: after
// a reload, from an exported file, or from a share link. Files from elsewhere are validated
// before anything is replayed. The worker loads this module (and valibot) only to replay a
// session: a fresh page never needs it.
import * as v from 'valibot';

import {
  InvalidSession,
  MAX_LINE,
  MAX_MEMBERS,
  MAX_SESSION_MS,
  SESSION_FORMAT,
  SESSION_VERSION,
} from './sessionFormat.ts';

export { InvalidSession, MAX_MEMBERS, SESSION_FORMAT, SESSION_VERSION };

export type MemberAction = 'stop' | 'kill' | 'start' | 'isolate' | 'transfer';
export type NetworkAction = 'heal' | 'partition' | 'latency' | 'loss';
export type TimeAction = 'pause' | 'resume' | 'step' | 'until';

const name = v.pipe(v.string(), v.maxLength(64));
const at = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(MAX_SESSION_MS));
/** Events the simulation had run when the input was applied: several events can share one instant. */
const n = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

const InputSchema = v.variant('kind', [
  v.object({ at, n, kind: v.literal('exec'), terminal: name, line: v.pipe(v.string(), v.maxLength(MAX_LINE)) }),
  v.object({ at, n, kind: v.literal('interrupt'), terminal: name }),
  v.object({
    at,
    n,
    kind: v.literal('control'),
    action: v.picklist(['stop', 'kill', 'start', 'isolate', 'transfer', 'heal', 'partition', 'latency', 'loss']),
    member: v.optional(name),
    groups: v.optional(v.array(v.array(name))),
    value: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0))),
  }),
  v.object({ at, n, kind: v.literal('time'), action: v.picklist(['pause', 'resume', 'step', 'until']) }),
  /** The cluster had been quiet a while and dozes until the next input (see Scheduler.doze). */
  v.object({ at, n, kind: v.literal('doze') }),
]);

const SessionSchema = v.object({
  format: v.literal(SESSION_FORMAT),
  version: v.literal(SESSION_VERSION),
  seed: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 32 - 1)),
  /** Members the cluster starts with (infra1..infraN); 3 when absent. */
  members: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_MEMBERS))),
  /** Virtual time the session had reached when it was saved. */
  endMs: at,
  endEvents: n,
  inputs: v.pipe(v.array(InputSchema), v.maxLength(200_000)),
  /** The page's terminals, in tab order (layout, not state: the engine ignores it). */
  terminals: v.optional(v.array(v.object({ id: name, title: name }))),
});

export type SessionInput = v.InferOutput<typeof InputSchema>;
export type SessionFile = v.InferOutput<typeof SessionSchema>;

/** Check untrusted data (an imported file, a share link) and return it as a session, or say what is wrong. */
export function parseSession(data: unknown): SessionFile {
  const r = v.safeParse(SessionSchema, data);
  if (!r.success) {
    const issue = r.issues[0];
    const path = v.getDotPath(issue);
    throw new InvalidSession(`not a playground session: ${path ? `${path}: ` : ''}${issue.message}`);
  }
  const points = [...r.output.inputs, { at: r.output.endMs, n: r.output.endEvents }];
  for (let i = 1; i < points.length; i++)
    if (points[i].at < points[i - 1].at || points[i].n < points[i - 1].n)
      throw new InvalidSession(
        `not a playground session: ${i === points.length - 1 ? 'its end is before the last input' : 'inputs are out of time order'}`,
      );
  return r.output;
}
