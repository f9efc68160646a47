// The request and response types of etcd's v3 API (etcdserverpb / mvccpb), field for field.
// Keys and values are byte strings (base/bytes.ts); lease and member IDs are bigint.
import type { Bytes } from './base/bytes.ts';

export interface KeyValue {
  key: Bytes;
  createRevision: number;
  modRevision: number;
  version: number;
  value: Bytes;
  lease: bigint;
}

export enum EventType {
  PUT = 0,
  DELETE = 1,
}

export interface Event {
  type: EventType;
  kv: KeyValue;
  prevKv?: KeyValue;
}

export interface ResponseHeader {
  clusterId: bigint;
  memberId: bigint;
  revision: number;
  raftTerm: number;
}

export enum SortOrder {
  NONE = 0,
  ASCEND = 1,
  DESCEND = 2,
}

export enum SortTarget {
  KEY = 0,
  VERSION = 1,
  CREATE = 2,
  MOD = 3,
  VALUE = 4,
}

export interface RangeRequest {
  key: Bytes;
  rangeEnd?: Bytes;
  limit?: number;
  revision?: number;
  sortOrder?: SortOrder;
  sortTarget?: SortTarget;
  serializable?: boolean;
  keysOnly?: boolean;
  countOnly?: boolean;
  minModRevision?: number;
  maxModRevision?: number;
  minCreateRevision?: number;
  maxCreateRevision?: number;
}

export interface RangeResponse {
  header: ResponseHeader;
  kvs: KeyValue[];
  more: boolean;
  count: number;
}

export interface PutRequest {
  key: Bytes;
  value: Bytes;
  lease?: bigint;
  prevKv?: boolean;
  ignoreValue?: boolean;
  ignoreLease?: boolean;
}

export interface PutResponse {
  header: ResponseHeader;
  prevKv?: KeyValue;
}

export interface DeleteRangeRequest {
  key: Bytes;
  rangeEnd?: Bytes;
  prevKv?: boolean;
}

export interface DeleteRangeResponse {
  header: ResponseHeader;
  deleted: number;
  prevKvs: KeyValue[];
}

export type RequestOp =
  | { requestRange: RangeRequest }
  | { requestPut: PutRequest }
  | { requestDeleteRange: DeleteRangeRequest }
  | { requestTxn: TxnRequest };

export type ResponseOp =
  | { responseRange: RangeResponse }
  | { responsePut: PutResponse }
  | { responseDeleteRange: DeleteRangeResponse }
  | { responseTxn: TxnResponse };

export enum CompareResult {
  EQUAL = 0,
  GREATER = 1,
  LESS = 2,
  NOT_EQUAL = 3,
}

export enum CompareTarget {
  VERSION = 0,
  CREATE = 1,
  MOD = 2,
  VALUE = 3,
  LEASE = 4,
}

export interface Compare {
  result: CompareResult;
  target: CompareTarget;
  key: Bytes;
  rangeEnd?: Bytes;
  /** The operand, by target: version / createRevision / modRevision / value / lease. */
  version?: number;
  createRevision?: number;
  modRevision?: number;
  value?: Bytes;
  lease?: bigint;
}

export interface TxnRequest {
  compare: Compare[];
  success: RequestOp[];
  failure: RequestOp[];
}

export interface TxnResponse {
  header: ResponseHeader;
  succeeded: boolean;
  responses: ResponseOp[];
}

export interface CompactionRequest {
  revision: number;
  physical?: boolean;
}

export interface CompactionResponse {
  header: ResponseHeader;
}

export interface LeaseGrantRequest {
  TTL: number;
  ID: bigint;
}

export interface LeaseGrantResponse {
  header: ResponseHeader;
  ID: bigint;
  TTL: number;
  error: string;
}

export interface LeaseRevokeRequest {
  ID: bigint;
}

export interface LeaseRevokeResponse {
  header: ResponseHeader;
}

export interface LeaseKeepAliveRequest {
  ID: bigint;
}

export interface LeaseKeepAliveResponse {
  header: ResponseHeader;
  ID: bigint;
  TTL: number;
}

export interface LeaseTimeToLiveRequest {
  ID: bigint;
  keys?: boolean;
}

export interface LeaseTimeToLiveResponse {
  header: ResponseHeader;
  ID: bigint;
  TTL: number;
  grantedTTL: number;
  keys: Bytes[];
}

export interface LeaseLeasesResponse {
  header: ResponseHeader;
  leases: { ID: bigint }[];
}

export interface WatchCreateRequest {
  key: Bytes;
  rangeEnd?: Bytes;
  startRevision?: number;
  progressNotify?: boolean;
  filters?: WatchFilterType[];
  prevKv?: boolean;
  watchId?: number;
  fragment?: boolean;
}

export enum WatchFilterType {
  NOPUT = 0,
  NODELETE = 1,
}

export interface WatchResponse {
  header: ResponseHeader;
  watchId: number;
  created: boolean;
  canceled: boolean;
  compactRevision: number;
  cancelReason: string;
  fragment: boolean;
  events: Event[];
}

export interface HashKVResponse {
  header: ResponseHeader;
  hash: number;
  compactRevision: number;
}

/**
 * What a member is asked to agree on: the payload of one Raft log entry (etcd's InternalRaftRequest).
 * The ID comes from the proposing member's ID generator, so it is unique across the cluster.
 */
export type InternalRaftRequest =
  | { id: bigint; put: PutRequest }
  | { id: bigint; deleteRange: DeleteRangeRequest }
  | { id: bigint; txn: TxnRequest }
  | { id: bigint; compaction: CompactionRequest }
  | { id: bigint; leaseGrant: LeaseGrantRequest }
  | { id: bigint; leaseRevoke: LeaseRevokeRequest }
  | { id: bigint; range: RangeRequest }
  | { id: bigint; memberAttr: { memberId: bigint; name: string; clientURLs: string[] } }
  | { id: bigint; clusterVersion: string }
  /** What /health proposes (etcd: a v2 quorum GET): an entry that changes nothing. */
  | { id: bigint; health: true }
  /** A v2 write (etcd's pb.Request): method, path under the store, form values, and the leader's clock. */
  | { id: bigint; v2: V2Request }
  /** A change of users, roles, permissions or of auth being on. */
  | { id: bigint; auth: { op: string; args: string[] } }
  /** The leader's periodic sweep of expired v2 keys (etcd's SYNC). */
  | { id: bigint; v2Sync: number };

export interface V2Request {
  method: 'PUT' | 'POST' | 'DELETE';
  path: string;
  params: Record<string, string>;
  time: number;
}

export interface Member {
  ID: bigint;
  name: string;
  peerURLs: string[];
  clientURLs: string[];
  isLearner: boolean;
}

export interface StatusResponse {
  header: ResponseHeader;
  version: string;
  dbSize: number;
  leader: bigint;
  raftIndex: number;
  raftTerm: number;
  raftAppliedIndex: number;
  errors: string[];
  dbSizeInUse: number;
  isLearner: boolean;
}
