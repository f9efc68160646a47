import type { Lesson } from '../model.ts';

const E = '--endpoints=$ENDPOINTS';

export const meet: Lesson = {
  id: 'meet',
  title: { en: 'Meet your cluster', zh: '认识你的集群' },
  summary: {
    en: 'Three etcd members, where they answer, who leads, and whether they are healthy.',
    zh: '三个 etcd 成员：它们在哪里应答，谁是 leader，是否健康。',
  },
  setup: {},
  steps: [
    {
      title: { en: 'The members', zh: '成员列表' },
      text: {
        en: "Your cluster has three members, **infra1**, **infra2** and **infra3**. They answer clients at 127.0.0.1:2379, :22379 and :32379, and `$ENDPOINTS` already holds all three, so the tutorial's commands work as written.\n\nList the members: `etcdctl --endpoints=$ENDPOINTS member list`",
        zh: '你的集群有三个成员：**infra1**、**infra2** 和 **infra3**，分别在 127.0.0.1:2379、:22379 和 :32379 接受客户端请求。`$ENDPOINTS` 已经包含这三个地址，所以教程里的命令可以原样照敲。\n\n列出成员：`etcdctl --endpoints=$ENDPOINTS member list`',
      },
      goals: [
        {
          kind: 'printed',
          pattern: /[0-9a-f]+, started, infra\d, http:\/\/127\.0\.0\.1:\d+, http:\/\/127\.0\.0\.1:\d+, false/,
          what: { en: 'the member list', zh: '成员列表' },
        },
      ],
      hints: [
        { en: 'The command is `member list`, given to etcdctl.', zh: '命令是 etcdctl 的 `member list`。' },
        {
          en: 'Type `etcdctl --endpoints=$ENDPOINTS member list` and press Enter.',
          zh: '输入 `etcdctl --endpoints=$ENDPOINTS member list` 然后回车。',
        },
      ],
      solution: [{ terminal: 't1', line: `etcdctl ${E} member list` }],
      explain: {
        en: 'Each line is one member: its ID (derived from its peer URLs and the cluster token, as real etcd derives it), its state, its name, its peer URL (Raft traffic) and its client URL, and whether it is a learner.',
        zh: '每行是一个成员：ID（和真实 etcd 一样由 peer URL 和集群 token 算出）、状态、名字、peer URL（Raft 通信用）、client URL，以及它是不是 learner。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} endpoint health` }],
        says: /no terminal has shown the member list/,
      },
    },
    {
      title: { en: 'Who leads', zh: '谁是 leader' },
      text: {
        en: 'One member is the Raft **leader**: every write goes through it. Ask each endpoint for its status, as a table:\n\n`etcdctl --write-out=table --endpoints=$ENDPOINTS endpoint status`',
        zh: '有一个成员是 Raft 的 **leader**：所有写入都要经过它。让每个 endpoint 报告状态，以表格输出：\n\n`etcdctl --write-out=table --endpoints=$ENDPOINTS endpoint status`',
      },
      goals: [
        {
          kind: 'printed',
          pattern: /\|\s+ENDPOINT\s+\|\s+ID\s+\|\s+VERSION\s+\|/,
          what: { en: 'the endpoint status table', zh: 'endpoint status 表格' },
        },
      ],
      hints: [
        {
          en: '`endpoint status` prints a line per endpoint; `--write-out=table` makes it a table.',
          zh: '`endpoint status` 每个 endpoint 输出一行；`--write-out=table` 让它变成表格。',
        },
        {
          en: 'Type `etcdctl --write-out=table --endpoints=$ENDPOINTS endpoint status`.',
          zh: '输入 `etcdctl --write-out=table --endpoints=$ENDPOINTS endpoint status`。',
        },
      ],
      solution: [{ terminal: 't1', line: `etcdctl --write-out=table ${E} endpoint status` }],
      explain: {
        en: "IS LEADER is true on one row: the same member the cluster picture marks as leader. RAFT TERM counts elections; RAFT INDEX is the last entry in each member's log.",
        zh: 'IS LEADER 只有一行是 true：就是集群图里标为 leader 的那个成员。RAFT TERM 记录选举的轮次；RAFT INDEX 是每个成员日志里最后一条记录的索引。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} endpoint status` }],
        says: /no terminal has shown the endpoint status table/,
      },
    },
    {
      title: { en: 'Health', zh: '健康检查' },
      text: {
        en: 'A member is healthy when it can commit a proposal through Raft. Check all three: `etcdctl --endpoints=$ENDPOINTS endpoint health`',
        zh: '能通过 Raft 提交一个提案的成员才算健康。检查三个成员：`etcdctl --endpoints=$ENDPOINTS endpoint health`',
      },
      goals: [
        {
          kind: 'printed',
          pattern: /127\.0\.0\.1:\d+ is healthy: successfully committed proposal: took = /,
          what: { en: 'a health report', zh: '健康检查结果' },
        },
      ],
      hints: [
        { en: 'The command is `endpoint health`.', zh: '命令是 `endpoint health`。' },
        {
          en: 'Type `etcdctl --endpoints=$ENDPOINTS endpoint health`.',
          zh: '输入 `etcdctl --endpoints=$ENDPOINTS endpoint health`。',
        },
      ],
      solution: [{ terminal: 't1', line: `etcdctl ${E} endpoint health` }],
      explain: {
        en: 'Each endpoint answered by committing a read through the leader; "took" is how long that took in the cluster\'s virtual time.',
        zh: '每个 endpoint 都通过 leader 完成了一次提交；"took" 是这次提交在集群虚拟时间里花了多久。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} member list` }],
        says: /no terminal has shown a health report/,
      },
    },
    {
      title: { en: 'The HTTP side', zh: 'HTTP 接口' },
      text: {
        en: 'Members also speak HTTP. Ask one for its version, and pretty-print the JSON:\n\n`curl -s http://127.0.0.1:2379/version | python -m json.tool`',
        zh: '成员也提供 HTTP 接口。查询一个成员的版本，并格式化输出 JSON：\n\n`curl -s http://127.0.0.1:2379/version | python -m json.tool`',
      },
      goals: [
        {
          kind: 'printed',
          pattern: /"etcdserver": "3\.4\.\d+"/,
          what: { en: "a member's version, pretty-printed", zh: '格式化后的成员版本' },
        },
      ],
      hints: [
        {
          en: 'The path is `/version`; `python -m json.tool` indents JSON.',
          zh: '路径是 `/version`；`python -m json.tool` 会缩进 JSON。',
        },
        {
          en: 'Type `curl -s http://127.0.0.1:2379/version | python -m json.tool`.',
          zh: '输入 `curl -s http://127.0.0.1:2379/version | python -m json.tool`。',
        },
      ],
      solution: [{ terminal: 't1', line: 'curl -s http://127.0.0.1:2379/version | python -m json.tool' }],
      explain: {
        en: '"etcdserver" is the server\'s version, "etcdcluster" the version the whole cluster agreed to run at.',
        zh: '"etcdserver" 是服务端版本，"etcdcluster" 是整个集群约定运行的版本。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: 'curl -s http://127.0.0.1:2379/version' }],
        says: /no terminal has shown a member's version, pretty-printed/,
      },
    },
  ],
};
