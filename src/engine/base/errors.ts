// Errors as etcd's gRPC layer carries them: a code and etcd's own message text.

export enum GrpcCode {
  OK = 0,
  Canceled = 1,
  Unknown = 2,
  InvalidArgument = 3,
  DeadlineExceeded = 4,
  NotFound = 5,
  AlreadyExists = 6,
  PermissionDenied = 7,
  ResourceExhausted = 8,
  FailedPrecondition = 9,
  Aborted = 10,
  OutOfRange = 11,
  Unimplemented = 12,
  Internal = 13,
  Unavailable = 14,
  DataLoss = 15,
  Unauthenticated = 16,
}

export class EtcdError extends Error {
  constructor(
    readonly code: GrpcCode,
    message: string,
  ) {
    super(message);
  }
}

const mk = (code: GrpcCode, message: string) => () => new EtcdError(code, message);

/** The server errors etcd 3.4 returns (rpctypes), by what they mean. */
export const Errors = {
  emptyKey: mk(GrpcCode.InvalidArgument, 'etcdserver: key is not provided'),
  keyNotFound: mk(GrpcCode.InvalidArgument, 'etcdserver: key not found'),
  valueProvided: mk(GrpcCode.InvalidArgument, 'etcdserver: value is provided'),
  leaseProvided: mk(GrpcCode.InvalidArgument, 'etcdserver: lease is provided'),
  tooManyOps: mk(GrpcCode.InvalidArgument, 'etcdserver: too many operations in txn request'),
  duplicateKey: mk(GrpcCode.InvalidArgument, 'etcdserver: duplicate key given in txn request'),
  compacted: mk(GrpcCode.OutOfRange, 'etcdserver: mvcc: required revision has been compacted'),
  futureRev: mk(GrpcCode.OutOfRange, 'etcdserver: mvcc: required revision is a future revision'),
  leaseNotFound: mk(GrpcCode.NotFound, 'etcdserver: requested lease not found'),
  leaseExist: mk(GrpcCode.FailedPrecondition, 'etcdserver: lease already exists'),
  leaseTTLTooLarge: mk(GrpcCode.OutOfRange, 'etcdserver: too large lease TTL'),
  noLeader: mk(GrpcCode.Unavailable, 'etcdserver: no leader'),
  requestTooLarge: mk(GrpcCode.InvalidArgument, 'etcdserver: request is too large'),
  timeout: mk(GrpcCode.Unavailable, 'etcdserver: request timed out'),
  badLeaderTransferee: mk(GrpcCode.FailedPrecondition, 'etcdserver: bad leader transferee'),
  notLeader: mk(GrpcCode.FailedPrecondition, 'etcdserver: not leader'),
  memberNotFound: mk(GrpcCode.NotFound, 'etcdserver: member not found'),
  peerURLExist: mk(GrpcCode.FailedPrecondition, 'etcdserver: Peer URLs already exists'),
  unhealthyCluster: mk(GrpcCode.Unavailable, 'etcdserver: unhealthy cluster'),
  memberNotLearner: mk(GrpcCode.FailedPrecondition, 'etcdserver: can only promote a learner member'),
  learnerNotReady: mk(
    GrpcCode.FailedPrecondition,
    'etcdserver: can only promote a learner member which is in sync with leader',
  ),
  timeoutLeaderTransfer: mk(GrpcCode.DeadlineExceeded, 'etcdserver: request timed out, leader transfer took too long'),
};

/**
 * A gRPC status that is not one of etcd's own errors (say, the server's request context ran out):
 * clients print it as "rpc error: code = Unknown desc = context deadline exceeded".
 */
export class GrpcStatusError extends Error {
  constructor(
    readonly code: GrpcCode,
    readonly desc: string,
  ) {
    super(`rpc error: code = ${GrpcCode[code]} desc = ${desc}`);
  }
}
