// Readings of the worker's cluster picture that more than one panel needs.
import type { ClusterView, LeaseView } from '../worker/protocol.ts';

/** Leases as the leader counts them down (other members hold them at their full TTL). */
export function leaderLeases(view: ClusterView): LeaseView[] {
  return leaseHolder(view)?.leases ?? [];
}

/** How many leases the picture leaves out (it carries the first ones only). */
export function moreLeases(view: ClusterView): number {
  return leaseHolder(view)?.leasesMore ?? 0;
}

function leaseHolder(view: ClusterView) {
  return view.members.find((x) => x.role === 'leader') ?? view.members.find((x) => x.running);
}
