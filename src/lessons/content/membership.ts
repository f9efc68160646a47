import type { Lesson } from '../model.ts';

const E = '--endpoints=$ENDPOINTS';

export const membership: Lesson = {
  id: 'membership',
  title: { en: 'Membership', zh: '成员变更' },
  summary: {
    en: 'Remove a member, add a fourth, start it and watch it catch up; how many may fail.',
    zh: '移除一个成员，加入第四个，启动它并看它追上进度；最多能坏几个。',
  },
  setup: { commands: [`etcdctl ${E} put foo bar`] },
  steps: [
    {
      title: { en: 'Remove a member', zh: '移除成员' },
      text: {
        en: "List the members and find infra3's ID (the first column): `etcdctl --endpoints=$ENDPOINTS member list`. Then remove it: `etcdctl --endpoints=$ENDPOINTS member remove ID`.",
        zh: '列出成员，找到 infra3 的 ID（第一列）：`etcdctl --endpoints=$ENDPOINTS member list`。然后移除它：`etcdctl --endpoints=$ENDPOINTS member remove ID`。',
      },
      goals: [{ kind: 'member', name: 'infra3', state: 'absent' }],
      hints: [
        { en: '`member remove` takes the ID, not the name.', zh: '`member remove` 要的是 ID，不是名字。' },
        {
          en: "infra3's ID is fd422379fda50e48: `etcdctl --endpoints=$ENDPOINTS member remove fd422379fda50e48`.",
          zh: 'infra3 的 ID 是 fd422379fda50e48：`etcdctl --endpoints=$ENDPOINTS member remove fd422379fda50e48`。',
        },
      ],
      solution: [{ terminal: 't1', line: `etcdctl ${E} member remove fd422379fda50e48` }],
      explain: {
        en: 'The removal went through the Raft log like any write; once applied, infra3 stopped serving. A removed member can never rejoin under its old ID.',
        zh: '移除操作和普通写入一样要经过 Raft 日志；应用之后，infra3 停止服务。被移除的成员不能再用原来的 ID 重新加入。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} member list` }],
        says: /infra3 is still a member/,
      },
    },
    {
      title: { en: 'Add node 4', zh: '加入第 4 个节点' },
      text: {
        en: "Announce a new member: `etcdctl --endpoints=$ENDPOINTS member add infra4 --peer-urls=http://127.0.0.1:42380`. etcd refuses while a member has been connected for less than 5 s, so wait a moment if it does.\n\nThen start it (its card's **start** button, or `sim start infra4`), and read foo from it: `etcdctl --endpoints=127.0.0.1:42379 get foo`.",
        zh: '宣告一个新成员：`etcdctl --endpoints=$ENDPOINTS member add infra4 --peer-urls=http://127.0.0.1:42380`。如果某个成员连接还不到 5 秒，etcd 会拒绝，遇到时稍等一下再试。\n\n然后启动它（卡片上的 **start** 按钮，或 `sim start infra4`），并从它那里读取 foo：`etcdctl --endpoints=127.0.0.1:42379 get foo`。',
      },
      goals: [
        { kind: 'member', name: 'infra4', state: 'voting' },
        {
          kind: 'ran',
          pattern:
            /--endpoints=(http:\/\/)?127\.0\.0\.1:42379 .*get foo|get foo .*--endpoints=(http:\/\/)?127\.0\.0\.1:42379/,
          what: { en: 'a read of foo from infra4 (127.0.0.1:42379)', zh: '从 infra4（127.0.0.1:42379）读取 foo' },
        },
        { kind: 'printed', pattern: /foo\nbar\n/, what: { en: 'foo and its value', zh: 'foo 和它的值' } },
      ],
      hints: [
        { en: 'Two things: `member add`, then start infra4.', zh: '两件事：`member add`，然后启动 infra4。' },
        {
          en: '`etcdctl --endpoints=$ENDPOINTS member add infra4 --peer-urls=http://127.0.0.1:42380`, `sim start infra4`, `etcdctl --endpoints=127.0.0.1:42379 get foo`.',
          zh: '`etcdctl --endpoints=$ENDPOINTS member add infra4 --peer-urls=http://127.0.0.1:42380`，`sim start infra4`，`etcdctl --endpoints=127.0.0.1:42379 get foo`。',
        },
      ],
      solution: [
        { wait: 5000 },
        { terminal: 't1', line: `etcdctl ${E} member add infra4 --peer-urls=http://127.0.0.1:42380` },
        { terminal: 't1', line: 'sim start infra4' },
        { wait: 2000 },
        { terminal: 't1', line: 'etcdctl --endpoints=127.0.0.1:42379 get foo' },
      ],
      explain: {
        en: "infra4 started empty, received the leader's log (or a snapshot of it), and answered with foo, written before it existed.",
        zh: 'infra4 启动时是空的，接收了 leader 的日志（或快照），然后回答了 foo——这个键是在它加入之前写入的。',
      },
      wrong: {
        inputs: [
          { wait: 5000 },
          { terminal: 't1', line: `etcdctl ${E} member add infra4 --peer-urls=http://127.0.0.1:42380` },
        ],
        says: /infra4 was added to the cluster but not started: start it/,
      },
    },
    {
      title: { en: 'How many may fail', zh: '最多能坏几个' },
      text: {
        en: 'Three voting members again (infra1, infra2, infra4): a majority is 2, so one may fail. Stop infra4 and write: `etcdctl --endpoints=$ENDPOINTS put quorum ok`. With 4 members the majority would be 3: still only one may fail, which is why clusters have an odd size.',
        zh: '现在又是三个投票成员（infra1、infra2、infra4）：多数是 2，所以可以坏一个。停掉 infra4 再写入：`etcdctl --endpoints=$ENDPOINTS put quorum ok`。如果有 4 个成员，多数是 3：仍然只能坏一个，这就是集群通常取奇数个成员的原因。',
      },
      goals: [
        { kind: 'member', name: 'infra4', state: 'stopped' },
        { kind: 'key', key: 'quorum', value: 'ok' },
      ],
      hints: [
        {
          en: 'Stop infra4 (its button or `sim stop infra4`), then put.',
          zh: '停掉 infra4（按钮或 `sim stop infra4`），然后 put。',
        },
        {
          en: '`sim stop infra4`, then `etcdctl --endpoints=$ENDPOINTS put quorum ok`.',
          zh: '`sim stop infra4`，然后 `etcdctl --endpoints=$ENDPOINTS put quorum ok`。',
        },
      ],
      solution: [
        { terminal: 't1', line: 'sim stop infra4' },
        { terminal: 't1', line: `etcdctl ${E} put quorum ok` },
      ],
      explain: {
        en: 'Two of three is a majority: the write committed. Quorum is ⌊n/2⌋+1; a cluster of n members survives ⌊(n−1)/2⌋ failures.',
        zh: '三个里的两个就是多数：写入提交了。法定人数是 ⌊n/2⌋+1；n 个成员的集群能容忍 ⌊(n−1)/2⌋ 个故障。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} put quorum ok` }],
        says: /infra4 is still running/,
      },
    },
  ],
};
