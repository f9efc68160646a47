// Goals against the live cluster: met or not, and when not, what is missing, worked out from the
// state (the cluster picture, the events since the step began, what the terminals printed), in
// each language. etcd's output is quoted as etcd printed it.
import type { TraceEvent } from '../engine/base/trace.ts';
import type { ClusterView, KeyView } from '../worker/protocol.ts';
import type { Goal, StepStart, Text } from './model.ts';

export interface CheckContext {
  view: ClusterView;
  /** Every event since the step began, oldest first. */
  events: readonly TraceEvent[];
  /** What the terminals printed since the step began, all of them and each. */
  output: string;
  outputs: Readonly<Record<string, string>>;
  start: StepStart;
}

export interface Verdict {
  met: boolean;
  /** What is missing (when not met). */
  why?: Text;
}

const met: Verdict = { met: true };
const not = (en: string, zh: string): Verdict => ({ met: false, why: { en, zh } });

/** What the step start records: the leaders (one per term seen), the highest term, the revision. */
export function stepStart(view: ClusterView): StepStart {
  const leader = view.members.find((m) => m.role === 'leader');
  return {
    leaders: leader ? [leader.name] : [],
    term: Math.max(0, ...view.members.map((m) => m.term)),
    revision: view.keyspace?.revision ?? 0,
  };
}

function key(view: ClusterView, k: string): KeyView | undefined {
  return view.keyspace?.keys.find((x) => x.key === k);
}

function prefixKeys(view: ClusterView, prefix: string): KeyView[] {
  return (view.keyspace?.keys ?? []).filter((x) => !x.deleted && x.key.startsWith(prefix));
}

/** A watch as the learner started it, said as etcdctl would take it. */
function watchSaid(w: { key: string; prefix: boolean }): Text {
  return w.prefix
    ? { en: `the \`${w.key}\` prefix`, zh: `\`${w.key}\` 前缀` }
    : { en: `the key \`${w.key}\``, zh: `键 \`${w.key}\`` };
}

export function check(goal: Goal, ctx: CheckContext): Verdict {
  const { view } = ctx;
  switch (goal.kind) {
    case 'key': {
      const k = key(view, goal.key);
      if (!k) return not(`the key \`${goal.key}\` does not exist yet`, `键 \`${goal.key}\` 还不存在`);
      if (k.deleted)
        return not(
          `the key \`${goal.key}\` was deleted at revision ${k.modRevision}`,
          `键 \`${goal.key}\` 已在版本 ${k.modRevision} 被删除`,
        );
      if (goal.value !== undefined && k.value !== goal.value)
        return not(
          `the key \`${goal.key}\` exists but holds \`${k.value}\`, not \`${goal.value}\``,
          `键 \`${goal.key}\` 存在，但它的值是 \`${k.value}\`，不是 \`${goal.value}\``,
        );
      return met;
    }
    case 'key-gone': {
      const k = key(view, goal.key);
      if (k && !k.deleted)
        return not(
          `the key \`${goal.key}\` still exists (it holds \`${k.value}\`, version ${k.version})`,
          `键 \`${goal.key}\` 还在（值为 \`${k.value}\`，version ${k.version}）`,
        );
      return met;
    }
    case 'prefix-count': {
      const n = prefixKeys(view, goal.prefix).length;
      if (n < goal.atLeast)
        return not(
          `${n} key${n === 1 ? '' : 's'} under \`${goal.prefix}\`, ${goal.atLeast} wanted`,
          `\`${goal.prefix}\` 下有 ${n} 个键，需要 ${goal.atLeast} 个`,
        );
      return met;
    }
    case 'revision': {
      const rev = view.keyspace?.revision ?? 0;
      if (rev < goal.atLeast)
        return not(
          `the store is at revision ${rev}; ${goal.atLeast} is wanted: ${goal.atLeast - rev} more write${goal.atLeast - rev === 1 ? '' : 's'}`,
          `存储的版本是 ${rev}，需要到 ${goal.atLeast}：还差 ${goal.atLeast - rev} 次写入`,
        );
      return met;
    }
    case 'lease-keys': {
      const leases = leaderLeases(view);
      const holding = leases.find((l) => goal.keys.every((k) => l.keys.includes(k)));
      if (holding) return met;
      const expired = ctx.events.filter((e) => e.e.type === 'lease-expired').at(-1);
      if (
        expired &&
        expired.e.type === 'lease-expired' &&
        goal.keys.some((k) => (expired.e as { keys: string[] }).keys.includes(k))
      ) {
        const ago = Math.round((view.virtualMs - expired.t) / 1000);
        return not(
          `the lease you attached (${expired.e.id}) expired ${ago} s ago, and its keys went with it`,
          `你绑定的租约（${expired.e.id}）在 ${ago} 秒前过期了，它的键也随之删除`,
        );
      }
      if (!leases.length) return not('there is no lease yet: grant one first', '还没有租约：先创建（grant）一个');
      const some = leases.find((l) => l.keys.length);
      const missing = goal.keys.filter((k) => !leases.some((l) => l.keys.includes(k)));
      return not(
        some
          ? `lease ${some.id} holds ${some.keys.map((k) => `\`${k}\``).join(', ')}; no lease holds ${missing.map((k) => `\`${k}\``).join(', ')}`
          : `${leases.length === 1 ? `lease ${leases[0].id} holds` : `the ${leases.length} leases hold`} no keys: put ${missing.map((k) => `\`${k}\``).join(', ')} with --lease`,
        some
          ? `租约 ${some.id} 绑定了 ${some.keys.map((k) => `\`${k}\``).join('、')}；没有租约绑定 ${missing.map((k) => `\`${k}\``).join('、')}`
          : `${leases.length === 1 ? `租约 ${leases[0].id}` : `这 ${leases.length} 个租约`}没有绑定任何键：用 --lease 写入 ${missing.map((k) => `\`${k}\``).join('、')}`,
      );
    }
    case 'lease-gone': {
      const holder = leaderLeases(view).find((l) => l.keys.includes(goal.key));
      if (holder) {
        const s = Math.ceil(holder.remainingMs / 1000);
        return not(
          `lease ${holder.id} still holds \`${goal.key}\`, with ${s} s left${holder.keepAlives ? ' (something keeps it alive)' : ''}`,
          `租约 ${holder.id} 仍绑定着 \`${goal.key}\`，还剩 ${s} 秒${holder.keepAlives ? '（有程序在为它续约）' : ''}`,
        );
      }
      const k = key(view, goal.key);
      if (k && !k.deleted)
        return not(
          `\`${goal.key}\` still exists, but no lease holds it: it was put without --lease`,
          `\`${goal.key}\` 还在，但没有租约绑定它：写入时没有加 --lease`,
        );
      return met;
    }
    case 'member': {
      const m = view.members.find((x) => x.name === goal.name);
      const pending = view.pending.find((p) => p.name === goal.name);
      if (goal.state === 'absent') {
        if (m && m.role !== 'removed')
          return not(`${goal.name} is still a member (${m.role})`, `${goal.name} 仍是集群成员（${m.role}）`);
        return met;
      }
      if (!m) {
        if (pending)
          return not(
            `${goal.name} was added to the cluster but not started: start it`,
            `${goal.name} 已加入集群但还没启动：启动它`,
          );
        return not(`${goal.name} is not a member of the cluster`, `${goal.name} 不是集群成员`);
      }
      if (goal.state === 'stopped')
        return m.running ? not(`${goal.name} is still running (${m.role})`, `${goal.name} 仍在运行（${m.role}）`) : met;
      if (!m.running)
        return not(
          `${goal.name} is ${m.role === 'removed' ? 'removed from the cluster' : 'stopped'}`,
          `${goal.name} ${m.role === 'removed' ? '已被移出集群' : '已停止'}`,
        );
      if (goal.state === 'voting' && m.role === 'learner')
        return not(`${goal.name} is a learner, not a voting member`, `${goal.name} 是 learner，不是有投票权的成员`);
      return met;
    }
    case 'new-leader': {
      // A leader cut off from the majority may still think it leads: the quorum side's counts.
      const leader = view.members.find((m) => m.role === 'leader' && m.side !== 'minority');
      if (!leader)
        return not(
          'there is no leader right now: an election is under way, or no quorum',
          '现在没有 leader：正在选举，或者不够法定人数',
        );
      if (ctx.start.leaders.includes(leader.name))
        return not(
          `${leader.name} is still the leader (term ${leader.term}): stop it to see an election`,
          `${leader.name} 仍是 leader（任期 ${leader.term}）：停掉它，看一次选举`,
        );
      return met;
    }
    case 'no-leader': {
      const leader = view.members.find((m) => m.role === 'leader' && m.side !== 'minority');
      if (leader) {
        const up = view.members.filter((m) => m.running).length;
        return not(
          `${leader.name} leads at term ${leader.term}: ${up} of ${view.members.length} members still run, a majority`,
          `${leader.name} 仍在任期 ${leader.term} 担任 leader：${view.members.length} 个成员中还有 ${up} 个在运行，超过半数`,
        );
      }
      return met;
    }
    case 'v2-key': {
      const n = view.v2?.nodes.find((x) => x.key === goal.key);
      if (goal.gone)
        return n
          ? not(
              `the v2 store still has \`${goal.key}\`${n.ttl !== undefined ? ` (${n.ttl} s left of its TTL)` : ''}`,
              `v2 存储里还有 \`${goal.key}\`${n.ttl !== undefined ? `（TTL 还剩 ${n.ttl} 秒）` : ''}`,
            )
          : met;
      if (!n) {
        const v3 = key(view, goal.key.replace(/^\//, '')) ?? key(view, goal.key);
        return v3 && !v3.deleted
          ? not(
              `\`${goal.key}\` is a v3 key (in the keyspace), not a v2 one: write it with curl /v2/keys`,
              `\`${goal.key}\` 是 v3 的键（在键空间里），不是 v2 的：用 curl /v2/keys 写入`,
            )
          : not(`the v2 store has no \`${goal.key}\` yet`, `v2 存储里还没有 \`${goal.key}\``);
      }
      if (goal.dir && !n.dir) return not(`\`${goal.key}\` is a key, not a directory`, `\`${goal.key}\` 是键，不是目录`);
      if (goal.value !== undefined && n.value !== goal.value)
        return not(
          `\`${goal.key}\` holds \`${n.value ?? ''}\`, not \`${goal.value}\``,
          `\`${goal.key}\` 的值是 \`${n.value ?? ''}\`，不是 \`${goal.value}\``,
        );
      if (goal.ttl && n.ttl === undefined)
        return not(`\`${goal.key}\` has no TTL: add -d ttl=N`, `\`${goal.key}\` 没有 TTL：加上 -d ttl=N`);
      return met;
    }
    case 'one-leader': {
      if (view.cut.length)
        return not(
          `${view.cut.length} links are still cut: heal the network`,
          `还有 ${view.cut.length} 条链路被切断：恢复网络`,
        );
      const leader = view.members.find((m) => m.role === 'leader');
      if (!leader) return not('there is no leader yet: an election is under way', '还没有 leader：选举正在进行');
      const astray = view.members.find((m) => m.running && m.leader !== leader.name);
      if (astray)
        return not(
          `${astray.name} does not follow ${leader.name} yet (${astray.role}, term ${astray.term})`,
          `${astray.name} 还没有跟随 ${leader.name}（${astray.role}，任期 ${astray.term}）`,
        );
      return met;
    }
    case 'stepped-down': {
      const was = ctx.start.leaders;
      if (ctx.events.some((e) => e.e.type === 'quorum-lost' && was.includes(e.e.member))) return met;
      const still = view.members.find((m) => was.includes(m.name));
      if (!still) return not('no member led when this step began', '这一步开始时没有 leader');
      if (!view.cut.some((l) => l.split('->').includes(still.name)))
        return not(
          `${still.name} still leads and nothing cuts it off: isolate it`,
          `${still.name} 仍是 leader，而且没有被隔离：隔离它`,
        );
      return not(
        `${still.name} is cut off but has not noticed yet (${still.role}, term ${still.term}): a leader steps down after an election timeout without a majority`,
        `${still.name} 已被隔离，但它还没察觉（${still.role}，任期 ${still.term}）：leader 在一个选举超时内联系不上多数成员才会退位`,
      );
    }
    case 'watch': {
      const want = watchSaid(goal);
      const delivered = ctx.events.filter(
        (e) =>
          e.e.type === 'watch-delivered' &&
          e.e.key === goal.key &&
          (goal.prefix ? e.e.rangeEnd !== '' : e.e.rangeEnd === ''),
      );
      const n = delivered.reduce((a, e) => a + (e.e.type === 'watch-delivered' ? e.e.events.length : 0), 0);
      if (n >= goal.events) return met;
      const active = view.watches.filter((w) => w.state === 'active');
      const right = active.find((w) => w.key === goal.key && w.prefix === goal.prefix);
      if (right)
        return not(
          `your watch on ${want.en} has delivered ${n} event${n === 1 ? '' : 's'} of ${goal.events}: write to it from the other terminal`,
          `你对${want.zh}的 watch 已收到 ${n} 个事件，需要 ${goal.events} 个：在另一个终端里写入`,
        );
      if (active.length) {
        const w = active[0];
        const have = watchSaid(w);
        const fix =
          w.key === goal.key && goal.prefix && !w.prefix
            ? { en: ': add --prefix', zh: '：加上 --prefix' }
            : { en: '', zh: '' };
        return not(
          `your watch is on ${have.en}, not ${want.en}${fix.en}`,
          `你的 watch 监听的是${have.zh}，不是${want.zh}${fix.zh}`,
        );
      }
      return not(
        `no watch is running: start one on ${want.en} in a terminal${n ? ` (${n} of ${goal.events} events so far)` : ''}`,
        `没有正在运行的 watch：在一个终端里对${want.zh}启动 watch${n ? `（目前收到 ${n} / ${goal.events} 个事件）` : ''}`,
      );
    }
    case 'watch-from': {
      const w = view.watches.find((x) => x.key === goal.key && x.startRevision > 0);
      if (w && w.startRevision <= goal.atMost) return met;
      if (w)
        return not(
          `your watch starts at revision ${w.startRevision}; start it at ${goal.atMost} or earlier to see the history`,
          `你的 watch 从版本 ${w.startRevision} 开始；从 ${goal.atMost} 或更早开始才能看到历史`,
        );
      const any = view.watches.find((x) => x.key === goal.key);
      if (any)
        return not(
          `your watch on \`${goal.key}\` starts now, not from a past revision: add --rev`,
          `你对 \`${goal.key}\` 的 watch 从现在开始，不是从过去的版本：加上 --rev`,
        );
      return not(
        `no watch on \`${goal.key}\` from a past revision yet`,
        `还没有从过去版本开始监听 \`${goal.key}\` 的 watch`,
      );
    }
    case 'lease-expired': {
      if (ctx.events.some((e) => e.e.type === 'lease-expired')) return met;
      const leases = leaderLeases(view);
      if (!leases.length) return not('no lease is counting down: grant one', '没有正在倒计时的租约：创建一个');
      const l = leases[0];
      return not(
        `lease ${l.id} has ${Math.ceil(l.remainingMs / 1000)} s left${l.keepAlives ? ', and a keep-alive renews it: stop it with Ctrl-C' : ': wait for it'}`,
        `租约 ${l.id} 还剩 ${Math.ceil(l.remainingMs / 1000)} 秒${l.keepAlives ? '，而且有 keep-alive 在续约：按 Ctrl-C 停掉它' : '：等它过期'}`,
      );
    }
    case 'election': {
      const won = ctx.events.find((e) => e.e.type === 'leader' && e.e.term > ctx.start.term);
      if (won) return met;
      const leader = view.members.find((m) => m.role === 'leader');
      return leader
        ? not(
            `no election yet: ${leader.name} still leads at term ${leader.term}`,
            `还没有发生选举：${leader.name} 仍在任期 ${leader.term} 担任 leader`,
          )
        : not('an election is under way: no one has won it yet', '选举正在进行：还没有人胜出');
    }
    case 'compaction': {
      const c = view.keyspace?.compactRevision ?? 0;
      if (c >= goal.atLeast) return met;
      return c > 0
        ? not(
            `the keyspace is compacted at ${c}; ${goal.atLeast} or later is wanted`,
            `键空间压缩到了 ${c}；需要压缩到 ${goal.atLeast} 或更晚`,
          )
        : not('the keyspace has not been compacted yet', '键空间还没有被压缩');
    }
    case 'printed': {
      if (goal.pattern.test(goal.terminal ? (ctx.outputs[goal.terminal] ?? '') : ctx.output)) return met;
      if (goal.terminal) {
        const n = goal.terminal.slice(1);
        const elsewhere = goal.pattern.test(ctx.output);
        return not(
          `terminal ${n} has not shown ${goal.what.en} yet${elsewhere ? ' (another terminal has)' : ''}`,
          `终端 ${n} 还没有显示过${goal.what.zh}${elsewhere ? '（另一个终端显示过）' : ''}`,
        );
      }
      return not(`no terminal has shown ${goal.what.en} yet`, `还没有终端显示过${goal.what.zh}`);
    }
    case 'ran': {
      const lines = ctx.events.flatMap((e) => (e.e.type === 'command' ? [e.e.line] : []));
      if (lines.some((l) => goal.pattern.test(l))) return met;
      const last = lines.at(-1);
      return not(
        `you have not run ${goal.what.en} yet${last ? ` (your last command: \`${last}\`)` : ''}`,
        `你还没有运行${goal.what.zh}${last ? `（你上一条命令是 \`${last}\`）` : ''}`,
      );
    }
  }
}

/** The leader's leases (a follower shows every lease with its full TTL). */
function leaderLeases(view: ClusterView) {
  const leader = view.members.find((m) => m.role === 'leader') ?? view.members.find((m) => m.running);
  return leader?.leases ?? [];
}

/** The goal as the step lists it. */
export function goalLabel(goal: Goal): Text {
  switch (goal.kind) {
    case 'key':
      return goal.value === undefined
        ? { en: `the key \`${goal.key}\` exists`, zh: `键 \`${goal.key}\` 存在` }
        : { en: `\`${goal.key}\` holds \`${goal.value}\``, zh: `\`${goal.key}\` 的值是 \`${goal.value}\`` };
    case 'key-gone':
      return { en: `\`${goal.key}\` is deleted`, zh: `\`${goal.key}\` 已删除` };
    case 'prefix-count':
      return {
        en: `${goal.atLeast} keys under \`${goal.prefix}\``,
        zh: `\`${goal.prefix}\` 下有 ${goal.atLeast} 个键`,
      };
    case 'revision':
      return { en: `the store reaches revision ${goal.atLeast}`, zh: `存储版本达到 ${goal.atLeast}` };
    case 'lease-keys':
      return {
        en: `a lease holds ${goal.keys.map((k) => `\`${k}\``).join(', ')}`,
        zh: `有租约绑定 ${goal.keys.map((k) => `\`${k}\``).join('、')}`,
      };
    case 'lease-gone':
      return { en: `\`${goal.key}\` goes with its lease`, zh: `\`${goal.key}\` 随租约消失` };
    case 'member':
      return {
        voting: { en: `${goal.name} is a running voting member`, zh: `${goal.name} 是在运行的投票成员` },
        running: { en: `${goal.name} runs`, zh: `${goal.name} 在运行` },
        stopped: { en: `${goal.name} is stopped`, zh: `${goal.name} 已停止` },
        absent: { en: `${goal.name} is no longer a member`, zh: `${goal.name} 不再是成员` },
      }[goal.state];
    case 'new-leader':
      return { en: 'another member becomes leader', zh: '另一个成员成为 leader' };
    case 'no-leader':
      return { en: 'the cluster has no leader', zh: '集群没有 leader' };
    case 'v2-key':
      return goal.gone
        ? { en: `v2: \`${goal.key}\` is gone`, zh: `v2：\`${goal.key}\` 已不存在` }
        : goal.dir
          ? { en: `v2: the directory \`${goal.key}\` exists`, zh: `v2：目录 \`${goal.key}\` 存在` }
          : goal.value !== undefined
            ? {
                en: `v2: \`${goal.key}\` holds \`${goal.value}\`${goal.ttl ? ' with a TTL' : ''}`,
                zh: `v2：\`${goal.key}\` 的值是 \`${goal.value}\`${goal.ttl ? '，并带 TTL' : ''}`,
              }
            : { en: `v2: \`${goal.key}\` exists`, zh: `v2：\`${goal.key}\` 存在` };
    case 'stepped-down':
      return { en: 'the cut-off leader steps down', zh: '被隔离的 leader 退位' };
    case 'one-leader':
      return {
        en: 'the network is whole and every member follows one leader',
        zh: '网络完好，所有成员跟随同一个 leader',
      };
    case 'watch': {
      const w = watchSaid(goal);
      return {
        en: `a watch on ${w.en} delivers ${goal.events} event${goal.events === 1 ? '' : 's'}`,
        zh: `对${w.zh}的 watch 收到 ${goal.events} 个事件`,
      };
    }
    case 'watch-from':
      return {
        en: `a watch on \`${goal.key}\` from revision ${goal.atMost} or earlier`,
        zh: `从版本 ${goal.atMost} 或更早开始监听 \`${goal.key}\``,
      };
    case 'lease-expired':
      return { en: 'a lease expires', zh: '一个租约过期' };
    case 'election':
      return { en: 'an election is won at a higher term', zh: '在更高的任期里选出 leader' };
    case 'compaction':
      return { en: `the keyspace is compacted at ${goal.atLeast} or later`, zh: `键空间压缩到 ${goal.atLeast} 或更晚` };
    case 'printed':
      return goal.terminal
        ? {
            en: `terminal ${goal.terminal.slice(1)} shows ${goal.what.en}`,
            zh: `终端 ${goal.terminal.slice(1)} 显示${goal.what.zh}`,
          }
        : { en: `a terminal shows ${goal.what.en}`, zh: `终端显示${goal.what.zh}` };
    case 'ran':
      return { en: `you run ${goal.what.en}`, zh: `运行${goal.what.zh}` };
  }
}

/** Goals that stay met once they were (something happened), rather than a state that can change back. */
export function sticky(goal: Goal): boolean {
  return ['watch', 'watch-from', 'lease-expired', 'election', 'stepped-down', 'printed', 'ran'].includes(goal.kind);
}
