// How etcdctl prints members, endpoint status, health and hash, and alarms, in each format.
import { fromUtf8 } from '../../base/bytes.ts';
import { hexId } from '../../base/ids.ts';
import type { ResponseHeader, StatusResponse } from '../../etcdserverpb.ts';
import type { MemberInfo } from '../../server/membership.ts';
import { arr, bool, type J, num, oarr, obj, obool, onum, ostr, render, str } from './goJson.ts';
import { header } from './pb.ts';
import { renderTable } from './table.ts';

export type Out = (s: string) => void;

/** go-humanize's Bytes: SI units, one decimal under 10 (20480 → "20 kB"). */
export function humanizeBytes(n: number): string {
  if (n < 10) return `${n} B`;
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  const e = Math.min(units.length - 1, Math.floor(Math.log(n) / Math.log(1000)));
  const val = Math.floor((n / 1000 ** e) * 10 + 0.5) / 10;
  if (val < 10) return `${val.toFixed(1)} ${units[e]}`;
  // Go's %.0f rounds an exact half to even (20.5 → "20").
  const whole = Math.floor(val);
  const rounded = val - whole === 0.5 ? (whole % 2 === 0 ? whole : whole + 1) : Math.round(val);
  return `${rounded} ${units[e]}`;
}

const MICRO = fromUtf8('µ');

/** Go's time.Duration String() for a virtual duration in ms, as the bytes Go writes (µ is two bytes of UTF-8). */
export function goDuration(ms: number): string {
  const ns = Math.round(ms * 1e6);
  if (ns === 0) return '0s';
  if (ns < 1000) return `${ns}ns`;
  const trim = (v: string) => v.replace(/\.?0+$/, '');
  if (ns < 1e6) return `${trim((ns / 1e3).toFixed(3))}${MICRO}s`;
  if (ns < 1e9) return `${trim((ns / 1e6).toFixed(6))}ms`;
  return `${trim((ns / 1e9).toFixed(9))}s`;
}

function status(m: MemberInfo): string {
  return m.name ? 'started' : 'unstarted';
}

function fieldsHeader(out: Out, h: ResponseHeader): void {
  out(
    `"ClusterID" : ${h.clusterId}\n"MemberID" : ${h.memberId}\n"Revision" : ${h.revision}\n"RaftTerm" : ${h.raftTerm}\n`,
  );
}

const memberJson = (m: MemberInfo): J =>
  obj(
    ['ID', num(m.id)],
    ['name', ostr(m.name)],
    ['peerURLs', oarr(m.peerURLs.map(str))],
    ['clientURLs', oarr(m.clientURLs.map(str))],
    ['isLearner', obool(m.isLearner)],
  );

export function printMemberList(out: Out, format: string, h: ResponseHeader, members: MemberInfo[]): void {
  switch (format) {
    case 'json':
      out(render(obj(['header', header({ ...h, revision: 0 })], ['members', arr(members.map(memberJson))])) + '\n');
      return;
    case 'table':
      out(
        renderTable(
          ['ID', 'STATUS', 'NAME', 'PEER ADDRS', 'CLIENT ADDRS', 'IS LEARNER'],
          members.map((m) => [
            hexId(m.id),
            status(m),
            m.name,
            m.peerURLs.join(','),
            m.clientURLs.join(','),
            String(m.isLearner),
          ]),
        ),
      );
      return;
    case 'fields':
      fieldsHeader(out, { ...h, revision: 0 });
      for (const m of members) {
        out(`"ID" : ${m.id}\n"Name" : ${JSON.stringify(m.name)}\n`);
        for (const u of m.peerURLs) out(`"PeerURL" : ${JSON.stringify(u)}\n`);
        for (const u of m.clientURLs) out(`"ClientURL" : ${JSON.stringify(u)}\n`);
        out(`"IsLearner" : ${m.isLearner}\n\n`);
      }
      return;
    default:
      for (const m of members) {
        out(
          `${hexId(m.id)}, ${status(m)}, ${m.name}, ${m.peerURLs.join(',')}, ${m.clientURLs.join(',')}, ${m.isLearner}\n`,
        );
      }
  }
}

export interface EpStatus {
  ep: string;
  resp: StatusResponse;
}

export function printEndpointStatus(out: Out, format: string, list: EpStatus[]): void {
  switch (format) {
    case 'json':
      out(
        render(
          arr(
            list.map(({ ep, resp: s }) =>
              obj(
                ['Endpoint', str(ep)],
                [
                  'Status',
                  obj(
                    ['header', header(s.header)],
                    ['version', str(s.version)],
                    ['dbSize', onum(s.dbSize)],
                    ['leader', onum(s.leader)],
                    ['raftIndex', onum(s.raftIndex)],
                    ['raftTerm', onum(s.raftTerm)],
                    ['raftAppliedIndex', onum(s.raftAppliedIndex)],
                    ['errors', oarr(s.errors.map(str))],
                    ['dbSizeInUse', onum(s.dbSizeInUse)],
                    ['isLearner', obool(s.isLearner)],
                  ),
                ],
              ),
            ),
          ),
        ) + '\n',
      );
      return;
    case 'table':
      out(
        renderTable(
          [
            'ENDPOINT',
            'ID',
            'VERSION',
            'DB SIZE',
            'IS LEADER',
            'IS LEARNER',
            'RAFT TERM',
            'RAFT INDEX',
            'RAFT APPLIED INDEX',
            'ERRORS',
          ],
          list.map(({ ep, resp: s }) => [
            ep,
            hexId(s.header.memberId),
            s.version,
            humanizeBytes(s.dbSize),
            String(s.header.memberId === s.leader),
            String(s.isLearner),
            String(s.raftTerm),
            String(s.raftIndex),
            String(s.raftAppliedIndex),
            s.errors.join(', '),
          ]),
        ),
      );
      return;
    case 'fields':
      for (const { ep, resp: s } of list) {
        fieldsHeader(out, s.header);
        out(
          `"Version" : ${JSON.stringify(s.version)}\n"DBSize" : ${s.dbSize}\n"Leader" : ${s.leader}\n"IsLearner" : ${s.isLearner}\n` +
            `"RaftIndex" : ${s.raftIndex}\n"RaftTerm" : ${s.raftTerm}\n"RaftAppliedIndex" : ${s.raftAppliedIndex}\n` +
            `"Errors" : [${s.errors.join(' ')}]\n"Endpoint" : ${JSON.stringify(ep)}\n\n`,
        );
      }
      return;
    default:
      for (const { ep, resp: s } of list) {
        out(
          `${ep}, ${hexId(s.header.memberId)}, ${s.version}, ${humanizeBytes(s.dbSize)}, ${s.header.memberId === s.leader}, ${s.isLearner}, ` +
            `${s.raftTerm}, ${s.raftIndex}, ${s.raftAppliedIndex}, ${s.errors.join(', ')}\n`,
        );
      }
  }
}

export interface EpHealth {
  ep: string;
  health: boolean;
  took: string;
  error: string;
}

export function printEndpointHealth(out: Out, err: Out, format: string, list: EpHealth[]): void {
  switch (format) {
    case 'json':
      out(
        render(
          arr(
            list.map((h) =>
              obj(['endpoint', str(h.ep)], ['health', bool(h.health)], ['took', str(h.took)], ['error', ostr(h.error)]),
            ),
          ),
        ) + '\n',
      );
      return;
    case 'table':
      out(
        renderTable(
          ['ENDPOINT', 'HEALTH', 'TOOK', 'ERROR'],
          list.map((h) => [h.ep, String(h.health), h.took, h.error]),
        ),
      );
      return;
    case 'fields':
      for (const h of list)
        out(
          `"Endpoint" : ${JSON.stringify(h.ep)}\n"Health" : ${h.health}\n"Took" : ${h.took}\n"Error" : ${h.error}\n\n`,
        );
      return;
    default:
      for (const h of list) {
        if (!h.error) out(`${h.ep} is healthy: successfully committed proposal: took = ${h.took}\n`);
        else err(`${h.ep} is unhealthy: failed to commit proposal: ${h.error}\n`);
      }
  }
}

export interface EpHash {
  ep: string;
  header: ResponseHeader;
  hash: number;
  compactRevision: number;
}

export function printEndpointHashKV(out: Out, format: string, list: EpHash[]): void {
  switch (format) {
    case 'json':
      out(
        render(
          arr(
            list.map((h) =>
              obj(
                ['Endpoint', str(h.ep)],
                [
                  'HashKV',
                  obj(
                    ['header', header(h.header)],
                    ['hash', onum(h.hash)],
                    ['compact_revision', onum(h.compactRevision)],
                  ),
                ],
              ),
            ),
          ),
        ) + '\n',
      );
      return;
    case 'table':
      out(
        renderTable(
          ['ENDPOINT', 'HASH'],
          list.map((h) => [h.ep, String(h.hash)]),
        ),
      );
      return;
    case 'fields':
      for (const h of list) {
        fieldsHeader(out, h.header);
        out(`"Endpoint" : ${JSON.stringify(h.ep)}\n"Hash" : ${h.hash}\n\n`);
      }
      return;
    default:
      for (const h of list) out(`${h.ep}, ${h.hash}\n`);
  }
}
