import type { Lesson } from '../model.ts';

export const raft: Lesson = {
  id: 'raft',
  title: { en: 'Raft up close', zh: '近看 Raft' },
  summary: {
    en: 'Slow time down, step one event at a time, and cut a leader off to see a stale term meet a newer one.',
    zh: '放慢时间，一次走一个事件，再把 leader 隔离，看旧任期遇上新任期会怎样。',
  },
  setup: {},
  steps: [
    {
      title: { en: 'Slow motion', zh: '慢动作' },
      text: {
        en: "Slow the cluster to a tenth of real time: `sim speed 0.1` (or the speed menu). In the cluster picture, heartbeats (grey) go from the leader to each follower and back; each follower's election timer fills up and is reset by every heartbeat.",
        zh: '把集群放慢到真实时间的十分之一：`sim speed 0.1`（或者用速度菜单）。在集群图里，心跳（灰色）从 leader 发往每个 follower 再返回；每个 follower 的选举计时条不断增长，又被每次心跳重置。',
      },
      goals: [
        {
          kind: 'ran',
          pattern: /^sim speed 0?\.\d+/,
          what: { en: 'a slow-down (`sim speed 0.1`)', zh: '放慢时间（`sim speed 0.1`）' },
        },
      ],
      hints: [
        {
          en: '`sim speed X` sets how fast virtual time runs; below 1 is slower.',
          zh: '`sim speed X` 设置虚拟时间的流速；小于 1 就是变慢。',
        },
        { en: 'Type `sim speed 0.1`.', zh: '输入 `sim speed 0.1`。' },
      ],
      solution: [{ terminal: 't1', line: 'sim speed 0.1' }],
      explain: {
        en: 'A heartbeat every 100 ms; a follower that hears none for its election timeout (1 s, randomized up to 2 s) starts an election.',
        zh: '每 100 毫秒一次心跳；follower 如果在选举超时（1 秒，随机到最多 2 秒）内没收到心跳，就会发起选举。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: 'sim speed 2' }],
        says: /you have not run a slow-down \(`sim speed 0.1`\) yet \(your last command: `sim speed 2`\)/,
      },
    },
    {
      title: { en: 'One event at a time', zh: '一次一个事件' },
      text: {
        en: 'Pause (`sim pause`, or the pause button) and step: `sim step` runs exactly one event (a tick, a message delivered). Step a few times and watch what each one changes. Then `sim resume` and `sim speed 1`.',
        zh: '暂停（`sim pause`，或暂停按钮），然后单步：`sim step` 只执行一个事件（一次 tick，或一条消息送达）。多走几步，看每一步改变了什么。然后 `sim resume` 和 `sim speed 1`。',
      },
      goals: [
        { kind: 'ran', pattern: /^sim step/, what: { en: 'a single step (`sim step`)', zh: '单步执行（`sim step`）' } },
        {
          kind: 'ran',
          pattern: /^sim resume/,
          what: { en: 'time resumed (`sim resume`)', zh: '恢复时间（`sim resume`）' },
        },
      ],
      hints: [
        { en: 'Steps only make sense while paused.', zh: '只有在暂停时单步才有意义。' },
        {
          en: '`sim pause`, `sim step` (a few times), `sim resume`, `sim speed 1`.',
          zh: '`sim pause`，`sim step`（几次），`sim resume`，`sim speed 1`。',
        },
      ],
      solution: [
        { terminal: 't1', line: 'sim pause' },
        { terminal: 't1', line: 'sim step' },
        { terminal: 't1', line: 'sim step' },
        { terminal: 't1', line: 'sim resume' },
        { terminal: 't1', line: 'sim speed 1' },
      ],
      explain: {
        en: 'Every run is a sequence of events ordered by virtual time; the same seed and the same inputs give the same sequence, every time.',
        zh: '每次运行都是一串按虚拟时间排序的事件；相同的种子和相同的输入，每次都得到相同的事件序列。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: 'sim pause' }],
        says: /you have not run a single step \(`sim step`\) yet/,
      },
    },
    {
      title: { en: 'Cut the leader off', zh: '隔离 leader' },
      text: {
        en: 'Isolate the leader (its **isolate** button, or `sim isolate NAME`). The other two stop hearing heartbeats and elect a new leader at a higher term. The old leader, alone, still believes it leads, until an election timeout without a majority makes it step down.',
        zh: '隔离 leader（它的 **isolate** 按钮，或 `sim isolate 名字`）。另外两个成员收不到心跳，会在更高的任期选出新 leader。孤立的旧 leader 仍以为自己是 leader，直到一个选举超时内联系不上多数成员，它才退位。',
      },
      goals: [{ kind: 'new-leader' }, { kind: 'stepped-down' }],
      hints: [
        { en: 'Isolate the member that leads now, not a follower.', zh: '隔离现在的 leader，而不是 follower。' },
        {
          en: "The leader's card has an isolate button; or `sim isolate` with its name.",
          zh: 'leader 的卡片上有 isolate 按钮；或者用 `sim isolate` 加它的名字。',
        },
      ],
      solution: [{ control: 'isolate', member: '@leader' }, { wait: 3000 }],
      explain: {
        en: 'Two leaders for a moment, at different terms: only the one with a majority can commit, so nothing is lost. etcd 3.4 runs with check-quorum, which is why the cut-off leader stepped down.',
        zh: '短时间内有两个 leader，任期不同：只有拥有多数的那个能提交，所以不会丢数据。etcd 3.4 开启了 check-quorum，所以被隔离的 leader 会退位。',
      },
      wrong: {
        inputs: [{ control: 'isolate', member: '@follower' }, { wait: 3000 }],
        says: /is still the leader \(term \d+\)/,
      },
    },
    {
      title: { en: 'Heal', zh: '恢复网络' },
      text: {
        en: "Heal the network (`sim heal`, or **heal network**). The cut-off member has been campaigning alone, raising its term each time. If its term is now above the leader's, its return forces a new election (watch the event log); if not, it simply follows the new leader.",
        zh: '恢复网络（`sim heal`，或 **heal network**）。被隔离的成员一直在独自竞选，每次都把任期加一。如果它的任期已经高于 leader 的，它一回来就会迫使集群重新选举（看事件日志）；否则它就直接跟随新 leader。',
      },
      goals: [{ kind: 'one-leader' }],
      hints: [
        { en: 'One command heals every cut link.', zh: '一条命令就能恢复所有被切断的链路。' },
        { en: 'Type `sim heal`.', zh: '输入 `sim heal`。' },
      ],
      solution: [{ terminal: 't1', line: 'sim heal' }, { wait: 3000 }],
      explain: {
        en: 'A returning member with a higher term can disrupt a healthy leader. etcd 3.4 leaves pre-vote off by default (--pre-vote=false); with pre-vote, a member that cannot win never raises its term, and the return is quiet.',
        zh: '带着更高任期回来的成员可能打断一个健康的 leader。etcd 3.4 默认关闭 pre-vote（--pre-vote=false）；开启 pre-vote 后，赢不了选举的成员不会提高任期，回归时就不会造成扰动。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: 'sim status' }],
        says: /\d+ links are still cut: heal the network/,
      },
    },
  ],
};
