import type { MemberView } from '../../worker/protocol.ts';

export const ROLE_COLOR: Record<MemberView['role'], string> = {
  leader: '#e3b341',
  follower: '#58a6ff',
  candidate: '#f0883e',
  precandidate: '#f0883e',
  learner: '#a371f7',
  stopped: '#6e7681',
  removed: '#484f58',
};

/** A term's color: neighbouring terms differ, so a new leader's entries stand out. */
export const termColor = (term: number) => `hsl(${(term * 67) % 360} 55% 45%)`;
