#!/usr/bin/env node
// Normalizer for the etcd 3.4 conformance corpus.
//
//   node normalize.mjs < raw.out > normalized.out
//   import { normalize } from './normalize.mjs'   // normalize(text) -> text
//
// It rewrites ONLY what differs between two recordings of the same case against a
// fresh real cluster (see README.md, "Normalization rules", for the why of each rule).
// record.py carries a line-for-line Python twin of this file; `record.py --selftest`
// checks that both give byte-identical results. Change both together.

import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

// The three members' IDs and the cluster ID are derived (SHA-1) from the fixed cluster
// settings, so they are the same in every run and are never rewritten.
export const FIXED_HEX = new Set([
  'bf9071f4639c75cc', // infra1
  '91bc3c398fb3c146', // infra2
  'fd422379fda50e48', // infra3
  '59a05384c9b79ee', // cluster
]);
export const FIXED_DEC = new Set([
  '13803658152347727308', // infra1
  '10501334649042878790', // infra2
  '18249187646912138824', // infra3
  '403640855964645870', // cluster
]);

const TWO_48 = 2n ** 48n;

const ZAP_LINE = /^\{"level":"(?:debug|info|warn|error|dpanic|panic|fatal)","ts":/;
const CURL_METER_1 = /^ {2}% Total {4}% Received % Xferd {2}Average Speed {3}Time {4}Time {5}Time {2}Current\s*$/;
const CURL_METER_2 = /^ +Dload {2}Upload {3}Total {3}Spent {4}Left {2}Speed\s*$/;
const DUR = '[0-9][0-9.]*(?:ns|µs|us|ms|s|m|h)(?:[0-9][0-9.]*(?:ns|µs|us|ms|s))*';

function isGeneratedHex(tok) {
  if (FIXED_HEX.has(tok)) return false;
  return BigInt('0x' + tok) >= TWO_48;
}

function isGeneratedDec(tok) {
  if (FIXED_DEC.has(tok)) return false;
  return BigInt(tok) >= TWO_48;
}

// R7: IDs that etcd derives from the clock (lease IDs, IDs of members added at run time).
function replaceGeneratedIds(s) {
  s = s.replace(/(?<![0-9A-Za-z_])[0-9a-f]{13,16}(?![0-9A-Za-z_])/g, (t) => (isGeneratedHex(t) ? '<ID>' : t));
  s = s.replace(/(?<![0-9A-Za-z_.])[0-9]{15,20}(?![0-9A-Za-z_.])/g, (t) => (isGeneratedDec(t) ? '<ID>' : t));
  return s;
}

// Table rows (`| a | b |`): rewrite each cell, then right-align it in its original width
// (etcdctl right-aligns every cell), so the table keeps its shape.
function normTableRow(line, fn) {
  const parts = line.split('|');
  for (let i = 1; i < parts.length - 1; i++) {
    const cell = parts[i];
    const inner = cell.trim();
    const out = fn(inner);
    if (out !== inner) {
      const width = cell.length - 2;
      parts[i] = ' ' + (out.length >= width ? out : ' '.repeat(width - out.length) + out) + ' ';
    }
  }
  return parts.join('|');
}

function tableCell(inner) {
  // R4: DB SIZE / TOTAL SIZE cells
  if (/^[0-9.]+ (?:B|kB|MB|GB)$/.test(inner)) return '<SIZE>';
  // R7: generated IDs
  return replaceGeneratedIds(inner);
}

function normLine(s, ctx) {
  if (/^\|.*\|$/.test(s)) return normTableRow(s, tableCell);
  // R2: durations
  s = s.replace(new RegExp('took = ' + DUR, 'g'), 'took = <DUR>');
  s = s.replace(new RegExp('"took":"' + DUR + '"', 'g'), '"took":"<DUR>"');
  s = s.replace(new RegExp('^"Took" : ' + DUR + '$'), '"Took" : <DUR>');
  // R4: DB size
  s = s.replace(/("(?:dbSize|dbSizeInUse|totalSize)":)("?)[0-9]+\2/g, '$1$2<SIZE>$2');
  s = s.replace(/^("DBSize(?:InUse)?" : )[0-9]+$/, '$1<SIZE>');
  s = s.replace(/^([^,]+, [0-9a-f]+, [0-9.]+, )[0-9.]+ (?:B|kB|MB|GB)(, (?:true|false), )/, '$1<SIZE>$2');
  // R5: v2 TTL expiration timestamps
  s = s.replace(/"expiration":( ?)"[^"]*"/g, '"expiration":$1"<TIME>"');
  // R6: v2 stats (timing, rates, heartbeat counters)
  if (/^\{"name":"[^"]*","id":"[0-9a-f]+","state":/.test(s) || /^\{"leader":"[0-9a-f]+","followers":/.test(s)) {
    s = s.replace(/"(startTime|uptime)":"[^"]*"/g, '"$1":"<TIME>"');
    s = s.replace(/,"(?:recv|send)(?:PkgRate|BandwidthRate)":[-0-9.e+]+/g, '');
    s = s.replace(/"(recvAppendRequestCnt|sendAppendRequestCnt|fail|success)":[0-9]+/g, '"$1":<NUM>');
    s = s.replace(/"(current|average|standardDeviation|minimum|maximum)":[-0-9.e+]+/g, '"$1":<NUM>');
  }
  // R8: which member answered an etcdctl request (etcdctl balances over --endpoints)
  if (!/^\[\{"Endpoint":/.test(s)) {
    s = s.replace(/("member_id": ?)[0-9]+/g, '$1<MEMBER>');
  }
  if (/^"MemberID" : [0-9]+$/.test(s) && !ctx.endpointBlock) {
    s = s.replace(/[0-9]+$/, '<MEMBER>');
  }
  // R11: capnslog timestamps (etcdctl's flag parser logs this way)
  s = s.replace(/^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} ([A-Z]) \| /, '<TIMESTAMP> $1 | ');
  // R9: HTTP Date header (curl -i), auth tokens
  s = s.replace(/^((?:\x1b\[1m)?Date(?:\x1b\[0m)?: )[^\r]*(\r?)$/, '$1<DATE>$2');
  s = s.replace(/"token":"[^"]*"/g, '"token":"<TOKEN>"');
  // R7: generated IDs; `Member %16x added` pads short IDs with spaces
  s = s.replace(/^Member +([0-9a-f]+) (added to|removed from) cluster/, (m, id, what) =>
    isGeneratedHex(id) ? 'Member <ID> ' + what + ' cluster' : m,
  );
  s = replaceGeneratedIds(s);
  return s;
}

// `-w fields` output of endpoint status/hashkv: a block that ends with an "Endpoint" line.
function endpointBlockFlags(lines) {
  const flags = new Array(lines.length).fill(false);
  for (let i = 0; i < lines.length; i++) {
    if (!/^"MemberID" : /.test(lines[i])) continue;
    for (let j = i + 1; j < lines.length && j <= i + 16 && lines[j] !== ''; j++) {
      if (/^"Endpoint" : /.test(lines[j])) {
        flags[i] = true;
        break;
      }
    }
  }
  return flags;
}

// R3: `endpoint health` prints results in completion order: sort them.
function sortHealth(lines) {
  const out = [];
  let i = 0;
  const simple = /^\S+ is (?:healthy|unhealthy): /;
  while (i < lines.length) {
    if (simple.test(lines[i])) {
      let j = i;
      while (j < lines.length && simple.test(lines[j])) j++;
      out.push(...lines.slice(i, j).sort(cmp));
      i = j;
      continue;
    }
    if (/^"Endpoint" : /.test(lines[i]) && i + 4 < lines.length && /^"Health" : /.test(lines[i + 1])) {
      const blocks = [];
      let j = i;
      while (
        j + 4 < lines.length &&
        /^"Endpoint" : /.test(lines[j]) &&
        /^"Health" : /.test(lines[j + 1]) &&
        lines[j + 4] === ''
      ) {
        blocks.push(lines.slice(j, j + 5).join('\n'));
        j += 5;
      }
      if (blocks.length) {
        blocks.sort(cmp);
        for (const b of blocks) out.push(...b.split('\n'));
        i = j;
        continue;
      }
    }
    const m = /^\[(\{"endpoint":.*\})\]$/.exec(lines[i]);
    if (m) {
      const items = m[1].split(/(?<=\}),(?=\{"endpoint":)/);
      out.push('[' + items.sort(cmp).join(',') + ']');
      i++;
      continue;
    }
    out.push(lines[i]);
    i++;
  }
  return out;
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// R7 (order): members are listed by ID, so a member added at run time (random ID) lands
// at a random position: move its rows / its ETCD_INITIAL_CLUSTER entry to the end.
function reorderGeneratedMembers(lines) {
  const simple = /^(?:<ID>|[0-9a-f]{1,16}), (?:started|unstarted), /;
  const table = /^\| +(?:<ID>|[0-9a-f]{1,16}) \| +(?:started|unstarted) \|/;
  const out = [];
  let i = 0;
  while (i < lines.length) {
    const re = simple.test(lines[i]) ? simple : table.test(lines[i]) ? table : null;
    if (re) {
      let j = i;
      while (j < lines.length && re.test(lines[j])) j++;
      const block = lines.slice(i, j);
      out.push(...block.filter((l) => !l.includes('<ID>')), ...block.filter((l) => l.includes('<ID>')));
      i = j;
      continue;
    }
    const m = /^ETCD_INITIAL_CLUSTER="(.*)"$/.exec(lines[i]);
    if (m) {
      let name = null;
      for (let k = out.length - 1; k >= 0 && k >= out.length - 4; k--) {
        const n = /^ETCD_NAME="(.*)"$/.exec(out[k]);
        if (n) {
          name = n[1];
          break;
        }
      }
      if (name !== null) {
        const entries = m[1].split(',');
        const mine = entries.filter((e) => e.startsWith(name + '='));
        const rest = entries.filter((e) => !e.startsWith(name + '='));
        out.push('ETCD_INITIAL_CLUSTER="' + rest.concat(mine).join(',') + '"');
        i++;
        continue;
      }
    }
    out.push(lines[i]);
    i++;
  }
  return out;
}

export function normalize(text) {
  let lines = text.split('\n');
  // R1: zap JSON log lines (etcdctl's client library logs to stderr): dropped.
  lines = lines.filter((l) => !ZAP_LINE.test(l));
  // R10: curl's progress meter (printed when curl's stdout is not the terminal).
  const kept = [];
  for (let i = 0; i < lines.length; i++) {
    if (CURL_METER_1.test(lines[i])) {
      kept.push('<CURL PROGRESS METER>');
      if (i + 1 < lines.length && CURL_METER_2.test(lines[i + 1])) i++;
      if (i + 1 < lines.length && lines[i + 1].startsWith('\r')) i++;
      continue;
    }
    kept.push(lines[i]);
  }
  lines = kept;
  const flags = endpointBlockFlags(lines);
  lines = lines.map((l, i) => normLine(l, { endpointBlock: flags[i] }));
  lines = sortHealth(lines);
  lines = reorderGeneratedMembers(lines);
  return lines.join('\n');
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (isMain) {
  const chunks = [];
  process.stdin.on('data', (c) => chunks.push(c));
  process.stdin.on('end', () => {
    process.stdout.write(normalize(Buffer.concat(chunks).toString('utf8')));
  });
}
