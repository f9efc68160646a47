import type { Lesson } from '../model.ts';

const E = '--endpoints=$ENDPOINTS';

export const failures: Lesson = {
  id: 'failures',
  title: { en: 'Failures', zh: '故障' },
  summary: {
    en: 'Stop the leader and watch an election; stop a majority and see writes time out; bring the cluster back.',
    zh: '停掉 leader，观察一次选举；停掉多数成员，看写入超时；再让集群恢复。',
  },
  setup: {},
  steps: [
    {
      title: { en: 'Stop the leader', zh: '停掉 leader' },
      text: {
        en: 'Find the leader in the cluster picture (or with `etcdctl --write-out=table --endpoints=$ENDPOINTS endpoint status`) and press its **stop** button, or type `sim stop` and its name.\n\nWatch the event log: the followers stop hearing heartbeats, one times out, campaigns at a higher term, and the others vote for it.',
        zh: '在集群图里找到 leader（或者用 `etcdctl --write-out=table --endpoints=$ENDPOINTS endpoint status`），按它的 **stop** 按钮，或者输入 `sim stop` 加上它的名字。\n\n看事件日志：follower 收不到心跳，其中一个超时，在更高的任期发起选举，其他成员投票给它。',
      },
      goals: [{ kind: 'new-leader' }, { kind: 'election' }],
      hints: [
        {
          en: 'The leader is the card marked leader; its stop button stops it gracefully.',
          zh: '标着 leader 的卡片就是 leader；它的 stop 按钮会让它正常停止。',
        },
        {
          en: "Type `sim stop infra3` if infra3 leads (use the leader's name).",
          zh: '如果 leader 是 infra3，就输入 `sim stop infra3`（用 leader 的名字）。',
        },
      ],
      solution: [{ control: 'stop', member: '@leader' }, { wait: 3000 }],
      explain: {
        en: 'A new leader, at a higher term. The stopped leader handed over gracefully first (etcd moves leadership before it stops), so there was no gap. Writes work again: try `etcdctl --endpoints=$ENDPOINTS put after failover`.',
        zh: '选出了新的 leader，任期更高。被停掉的 leader 先把领导权交了出去（etcd 在停止前会转移领导权），所以几乎没有中断。写入又可以用了：试试 `etcdctl --endpoints=$ENDPOINTS put after failover`。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl --write-out=table ${E} endpoint status` }],
        says: /is still the leader \(term \d+\): stop it to see an election/,
      },
    },
    {
      title: { en: 'Lose the majority', zh: '失去多数' },
      text: {
        en: 'Three members need two to agree. Stop one more member, so only one runs. Now try a write: `etcdctl --endpoints=$ENDPOINTS put foo bar`. It waits, and after 5 s fails: no majority, no commit.',
        zh: '三个成员需要两个达成一致。再停掉一个成员，只剩一个在运行。然后试着写入：`etcdctl --endpoints=$ENDPOINTS put foo bar`。它会等待，5 秒后失败：没有多数，就无法提交。',
      },
      goals: [
        { kind: 'no-leader' },
        {
          kind: 'printed',
          pattern: /Error: context deadline exceeded|etcdserver: request timed out/,
          what: { en: 'a write that timed out', zh: '一次超时的写入' },
        },
      ],
      hints: [
        {
          en: 'Stop a second member with its stop button or `sim stop NAME`.',
          zh: '用 stop 按钮或 `sim stop 名字` 停掉第二个成员。',
        },
        {
          en: 'Stop every member but one, then `etcdctl --endpoints=$ENDPOINTS put foo bar` and wait 5 seconds.',
          zh: '只留一个成员运行，然后执行 `etcdctl --endpoints=$ENDPOINTS put foo bar`，等 5 秒。',
        },
      ],
      solution: [
        { control: 'stop', member: '@leader' },
        { wait: 1500 },
        { terminal: 't1', line: `etcdctl ${E} put foo bar` },
      ],
      explain: {
        en: 'The last member cannot win an election alone (it needs 2 of 3 votes), so there is no leader and nothing commits. etcdctl gave up after its 5 s command timeout. Quorum is ⌊n/2⌋+1: 2 of 3, 3 of 5.',
        zh: '最后这个成员无法独自赢得选举（需要 3 票中的 2 票），所以没有 leader，什么也提交不了。etcdctl 在 5 秒的命令超时后放弃了。法定人数是 ⌊n/2⌋+1：3 个里要 2 个，5 个里要 3 个。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} put foo bar` }],
        says: /leads at term \d+: 2 of 3 members still run, a majority/,
      },
    },
    {
      title: { en: 'Bring it back', zh: '恢复集群' },
      text: {
        en: 'Start the stopped members again (their **start** buttons, or `sim start NAME`). They elect a leader, catch up from its log, and the write goes through: `etcdctl --endpoints=$ENDPOINTS put foo bar`.',
        zh: '重新启动停掉的成员（**start** 按钮，或 `sim start 名字`）。它们会选出 leader，从它的日志追上进度，写入也能成功了：`etcdctl --endpoints=$ENDPOINTS put foo bar`。',
      },
      goals: [
        { kind: 'member', name: 'infra1', state: 'voting' },
        { kind: 'member', name: 'infra2', state: 'voting' },
        { kind: 'member', name: 'infra3', state: 'voting' },
        { kind: 'key', key: 'foo', value: 'bar' },
      ],
      hints: [
        { en: 'Every member must run again, then write foo.', zh: '所有成员都要重新运行，然后写入 foo。' },
        {
          en: '`sim start infra1`, `sim start infra2`, then `etcdctl --endpoints=$ENDPOINTS put foo bar`.',
          zh: '`sim start infra1`、`sim start infra2`，然后 `etcdctl --endpoints=$ENDPOINTS put foo bar`。',
        },
      ],
      solution: [
        { control: 'start', member: '@stopped' },
        { wait: 3000 },
        { terminal: 't1', line: `etcdctl ${E} put foo bar` },
      ],
      explain: {
        en: 'With a majority back, an election made a leader, the restarted members caught up from its log (or a snapshot), and the write committed on all three.',
        zh: '多数成员回来后，选举产生了 leader，重启的成员从它的日志（或快照）追上了进度，写入在三个成员上都提交了。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} get foo` }],
        says: /infra\d is stopped/,
      },
    },
  ],
};
