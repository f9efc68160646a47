// `sim`: the simulated world's controls from the shell — the same actions as the UI's buttons,
// for scripts, lessons, classroom demos and the recorded failure cases. Like the recorder's
// harness command, it prints nothing when it succeeds.
import { fromUtf8 } from '../../base/bytes.ts';
import { hexId } from '../../base/ids.ts';
import { suspend, type Task } from '../../base/task.ts';
import type { RequestOp } from '../../etcdserverpb.ts';
import type { World } from '../../sim/world.ts';
import type { ProcCtx } from '../shell/process.ts';

const HELP = `sim: control the simulated cluster

  sim stop NAME           stop a member gracefully (a leader hands over leadership first)
  sim kill NAME           crash a member (SIGKILL): it stops at once, its data survives
  sim start NAME          start a stopped member again from its data
  sim partition A B -- C  split the members into groups that cannot talk to each other
  sim isolate NAME        cut one member off from all the others
  sim heal                remove every partition
  sim latency MS          set the one-way latency between members (virtual ms)
  sim loss PCT            drop this percentage of the messages between members
  sim status              show each member's role, term, commit and applied index
  sim load N [PREFIX]     write N keys (PREFIX0000001...) through the leader, 1000 to an entry
  sim pause | resume      stop or restart the flow of virtual time (in the browser)
  sim step                run one event of the simulation
  sim speed X             virtual time runs X times as fast as the wall clock (0.01 to 10)
  sim help                this text
`;

/** Keys per entry that `sim load` writes. */
const LOAD_BATCH = 1000;

/** What the browser's clock loop reads: paused, and how fast virtual time runs. */
export interface TimeControl {
  paused: boolean;
  speed: number;
}

export function timeControl(world: World): TimeControl {
  const w = world as World & { timeControl?: TimeControl };
  w.timeControl ??= { paused: false, speed: 1 };
  return w.timeControl;
}

export function* sim(ctx: ProcCtx): Task<number> {
  const [verb, ...args] = ctx.argv.slice(1);
  const w = ctx.world;
  const names = w.members.map((m) => m.name);
  const fail = (msg: string) => {
    ctx.stderr(`sim: ${msg}\n`);
    return 1;
  };
  const needMember = (): string | undefined => {
    if (args.length !== 1 || !names.includes(args[0])) return undefined;
    return args[0];
  };
  switch (verb) {
    case undefined:
    case 'help':
    case '--help':
      ctx.stdout(HELP);
      return 0;
    case 'stop': {
      const name = needMember();
      if (!name) return fail(`stop needs one member name (${names.join(', ')})`);
      if (!w.member(name)!.running) return fail(`${name} is not running`);
      yield* suspend<void>((resume) => {
        w.stop(name, () => resume({ ok: true, value: undefined }));
        return undefined;
      });
      return 0;
    }
    case 'kill': {
      const name = needMember();
      if (!name) return fail(`kill needs one member name (${names.join(', ')})`);
      if (!w.member(name)!.running) return fail(`${name} is not running`);
      w.kill(name);
      return 0;
    }
    case 'start': {
      const name = args.length === 1 ? args[0] : undefined;
      if (!name) return fail(`start needs one member name (${names.join(', ')})`);
      if (w.member(name)?.running) return fail(`${name} is already running`);
      const started = w.start(name);
      if (started === 'unknown')
        return fail(`unknown member ${name} (add it first: etcdctl member add ${name} --peer-urls=...)`);
      if (started === 'removed') {
        const urls = w.member(name)!.config.peerUrls.join(',');
        return fail(
          `${name} was removed from the cluster and cannot rejoin: etcd refuses a removed member ("the member has been permanently removed from the cluster"). Add it again (etcdctl member add ${name} --peer-urls=${urls}), then sim start ${name}: it starts afresh under its new ID`,
        );
      }
      return 0;
    }
    case 'partition': {
      const groups: string[][] = [[]];
      for (const a of args) {
        if (a === '--') groups.push([]);
        else if (!names.includes(a)) return fail(`unknown member ${a}`);
        else groups[groups.length - 1].push(a);
      }
      const listed = new Set(groups.flat());
      // Members not named form a group of their own.
      const rest = names.filter((n) => !listed.has(n));
      if (rest.length) groups.push(rest);
      if (groups.filter((g) => g.length).length < 2)
        return fail('partition needs at least two groups: sim partition A B -- C');
      const parts = groups.filter((g) => g.length);
      w.partition(parts);
      ctx.stdout(`partitioned: ${parts.map((g) => g.join(' ')).join(' | ')}\n${quorumLine(w)}\n`);
      return 0;
    }
    case 'isolate': {
      const name = needMember();
      if (!name) return fail(`isolate needs one member name (${names.join(', ')})`);
      w.isolate(name);
      ctx.stdout(`${name} is cut off from ${names.filter((n) => n !== name).join(', ')}\n${quorumLine(w)}\n`);
      return 0;
    }
    case 'heal': {
      const cut = w.network.cut.size;
      w.heal();
      ctx.stdout(cut ? `healed: every link is up again (${cut} were cut)\n` : 'nothing to heal: no link was cut\n');
      return 0;
    }
    case 'latency': {
      const ms = Number(args[0]);
      if (args.length !== 1 || !Number.isFinite(ms) || ms < 0) return fail('latency needs a number of milliseconds');
      const was = w.network.faults.latencyMs;
      w.setLatency(ms);
      ctx.stdout(`latency between members: ${ms} ms one way (was ${was} ms)\n`);
      return 0;
    }
    case 'loss': {
      const pct = Number(String(args[0]).replace(/%$/, ''));
      if (args.length !== 1 || !Number.isFinite(pct) || pct < 0 || pct > 100)
        return fail('loss needs a percentage from 0 to 100');
      const was = Math.round(w.network.faults.loss * 100);
      w.setLoss(pct / 100);
      ctx.stdout(`messages lost between members: ${pct}% (was ${was}%)\n`);
      return 0;
    }
    case 'status': {
      const lead = w.leader();
      ctx.stdout('NAME     ID                STATE      TERM  COMMIT  APPLIED  LEADER\n');
      for (const m of w.members) {
        const r = m.node?.raft;
        const state = !m.running ? 'stopped' : (r?.state ?? '').toLowerCase();
        ctx.stdout(
          `${m.name.padEnd(8)} ${hexId(m.id).padEnd(17)} ${state.padEnd(10)} ${String(m.raftTerm()).padStart(4)}  ${String(r?.log.committed ?? m.raftStorage.hardState.commit).padStart(6)}  ${String(m.appliedIndex).padStart(7)}  ${m.leader ? hexId(m.leader) : '-'}\n`,
        );
      }
      if (w.network.cut.size) ctx.stdout(`cut links: ${[...w.network.cut].sort().join(' ')}\n${quorumLine(w)}\n`);
      if (!lead) ctx.stdout('no leader\n');
      return 0;
    }
    case 'load': {
      const n = Number(args[0]);
      if (args.length < 1 || args.length > 2 || !Number.isInteger(n) || n < 1 || n > 2_000_000)
        return fail('load needs a number of keys from 1 to 2000000, and optionally a key prefix');
      const prefix = args[1] ?? 'load/';
      const lead = w.leader();
      if (!lead) return fail('no leader: nothing can be written now');
      const width = String(n).length;
      let written = 0;
      for (let i = 0; i < n; i += LOAD_BATCH) {
        const success: RequestOp[] = [];
        for (let j = i; j < Math.min(n, i + LOAD_BATCH); j++)
          success.push({
            requestPut: { key: fromUtf8(`${prefix}${String(j).padStart(width, '0')}`), value: `value-${j}` },
          });
        const ok = yield* suspend<boolean>((resume) => {
          lead.bulkLoad({ compare: [], success, failure: [] }, (r) => resume({ ok: true, value: r.ok }));
          return undefined;
        });
        if (!ok) return fail(`stopped after ${written} keys: the write failed (is there still a leader?)`);
        written += success.length;
      }
      ctx.stdout(`wrote ${written} keys under ${prefix}\n`);
      return 0;
    }
    case 'pause':
      timeControl(w).paused = true;
      return 0;
    case 'resume':
      timeControl(w).paused = false;
      return 0;
    case 'step':
      w.scheduler.step();
      return 0;
    case 'speed': {
      const x = Number(args[0]);
      if (args.length !== 1 || !Number.isFinite(x) || x < 0.01 || x > 10)
        return fail('speed needs a factor from 0.01 to 10');
      timeControl(w).speed = x;
      return 0;
    }
    default:
      return fail(`unknown command ${JSON.stringify(verb)}: try sim help`);
  }
}

/** Which side of a partition holds a quorum of the voting members (and so can elect and commit). */
function quorumLine(w: World): string {
  const sides = w.sides();
  const q = sides.find((g) => g.quorum);
  const need = `${sides[0]?.needed ?? 0} of ${sides[0]?.voters ?? 0} voting members`;
  return q
    ? `quorum (${need}): ${q.members.join(', ')}; the others cannot elect a leader or commit`
    : `no side holds a quorum (${need}): no leader can be elected and no write can commit`;
}
