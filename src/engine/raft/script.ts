// A small script language for Raft scenarios, after etcd-io/raft's datadriven tests: each
// command is followed by "----" and the output it must produce. UPDATE=1 rewrites the files.
//
//   nodes 3 [prevote] [checkquorum]   a fresh cluster of voters 1..n
//   campaign N | tick [N...] [x K] | propose N DATA | stabilize | isolate N | heal
//   transfer FROM TO | readindex N CTX | conf N add|remove|learner ID | compact N INDEX
//   crash N | restart N | status | log N
import { ConfChangeType, EntryType, type Message, MessageType } from './messages.ts';
import { MemoryStorage } from './storage.ts';
import { TestNetwork } from './testing.ts';

function describeMsg(m: Message): string {
  let s = `${m.from}->${m.to} ${m.type} term=${m.term}`;
  if (m.type === MessageType.MsgApp || m.type === MessageType.MsgVote || m.type === MessageType.MsgPreVote) {
    s += ` logterm=${m.logTerm} index=${m.index}`;
  }
  if (m.type === MessageType.MsgApp)
    s += ` commit=${m.commit} entries=[${m.entries.map((e) => `${e.term}/${e.index}${e.data === undefined ? '' : `:${e.type === EntryType.ConfChange ? 'conf' : String(e.data)}`}`).join(' ')}]`;
  if (m.type === MessageType.MsgAppResp) s += ` index=${m.index}${m.reject ? ` reject hint=${m.rejectHint}` : ''}`;
  if (m.type === MessageType.MsgHeartbeat) s += ` commit=${m.commit}`;
  if (m.type === MessageType.MsgVoteResp || m.type === MessageType.MsgPreVoteResp)
    s += m.reject ? ' rejected' : ' granted';
  if (m.type === MessageType.MsgSnap) s += ` snapshot=${m.snapshot?.metadata.index}`;
  if (m.context) s += ` ctx=${m.context}`;
  return s;
}

export function runScript(text: string): string {
  let net: TestNetwork | undefined;
  let out = '';
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim() || line.startsWith('#')) {
      out += line + '\n';
      i++;
      continue;
    }
    // command, ----, expected output until a blank line
    out += line + '\n----\n';
    i++;
    if (lines[i] === '----') {
      i++;
      while (i < lines.length && lines[i] !== '') i++;
    }
    let result: string;
    try {
      [net, result] = exec(net, line.trim());
    } catch (e) {
      result = `error: ${(e as Error).message}`;
    }
    out += (result || 'ok') + '\n';
    if (i < lines.length) {
      out += '\n';
      i++;
    }
  }
  return out.replace(/\n+$/, '\n');
}

function exec(net: TestNetwork | undefined, line: string): [TestNetwork | undefined, string] {
  const [cmd, ...args] = line.split(/\s+/);
  if (cmd === 'nodes') {
    const n = Number(args[0]);
    const ids = Array.from({ length: n }, (_, k) => BigInt(k + 1));
    return [new TestNetwork(ids, { preVote: args.includes('prevote'), checkQuorum: args.includes('checkquorum') }), ''];
  }
  if (!net) throw new Error('no nodes yet');
  const id = (s: string) => BigInt(s);
  const drain = () => {
    const before = net.delivered.length;
    net.settle();
    return net.delivered.slice(before).map(describeMsg).join('\n');
  };
  switch (cmd) {
    case 'campaign':
      net.get(id(args[0])).campaign();
      return [net, ''];
    case 'propose':
      net.get(id(args[0])).propose(args.slice(1).join(' '));
      return [net, ''];
    case 'stabilize':
      return [net, drain()];
    case 'tick': {
      const x = args.indexOf('x');
      const times = x >= 0 ? Number(args[x + 1]) : 1;
      const who = (x >= 0 ? args.slice(0, x) : args).map(id);
      const targets = who.length ? who : [...net.nodes.keys()];
      for (let k = 0; k < times; k++) for (const t of targets) net.get(t).tick();
      return [net, ''];
    }
    case 'isolate':
      net.isolate(id(args[0]));
      return [net, ''];
    case 'heal':
      net.heal();
      return [net, ''];
    case 'transfer':
      net.get(id(args[0])).transferLeader(id(args[1]));
      return [net, ''];
    case 'readindex':
      net.get(id(args[0])).readIndex(args[1]);
      return [net, ''];
    case 'conf': {
      const type = {
        add: ConfChangeType.AddNode,
        remove: ConfChangeType.RemoveNode,
        learner: ConfChangeType.AddLearnerNode,
      }[args[1]];
      if (!type) throw new Error(`unknown conf change ${args[1]}`);
      net.get(id(args[0])).proposeConfChange({ type, nodeId: id(args[2]) });
      return [net, ''];
    }
    case 'compact': {
      const t = net.nodes.get(id(args[0]))!;
      const index = Number(args[1]);
      t.storage.createSnapshot(index, t.node.raft.confState(), `state@${index}`);
      t.storage.compact(index);
      return [net, ''];
    }
    case 'add-node': {
      // A new, empty node (its configuration arrives by snapshot or log).
      net.add(id(args[0]), new MemoryStorage());
      return [net, ''];
    }
    case 'status': {
      const rows = [...net.nodes.entries()].map(([n, t]) => {
        const s = t.node.status;
        const reads = t.reads.map((r) => `${r.requestCtx}@${r.index}`);
        const cs = t.node.raft.confState();
        const conf = `voters=(${cs.voters.join(',')})${cs.learners.length ? ` learners=(${cs.learners.join(',')})` : ''}`;
        return `${n}: ${s.state.toLowerCase()} term=${s.term} lead=${s.lead} commit=${s.commit} applied=${s.applied} last=${s.lastIndex} ${conf}${reads.length ? ` reads=${reads.join(',')}` : ''}`;
      });
      return [net, rows.join('\n')];
    }
    case 'log': {
      const t = net.nodes.get(id(args[0]))!;
      const r = t.node.raft;
      const ents = r.log.entries(r.log.firstIndex());
      return [
        net,
        ents
          .map(
            (e) =>
              `${e.term}/${e.index}${e.data === undefined ? '' : `:${e.type === EntryType.ConfChange ? 'conf' : String(e.data)}`}`,
          )
          .join(' ') || '(empty)',
      ];
    }
    default:
      throw new Error(`unknown command ${cmd}`);
  }
}
