// Readings of the worker's cluster picture that more than one panel needs.
import type { ClusterView, LeaseView } from '../worker/protocol.ts';

/** Leases as the leader counts them down (other members hold them at their full TTL). */
export function leaderLeases(view: ClusterView): LeaseView[] {
  const m = view.members.find((x) => x.role === 'leader') ?? view.members.find((x) => x.running);
  return m?.leases ?? [];
}
