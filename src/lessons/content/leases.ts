import type { Lesson } from '../model.ts';

const E = '--endpoints=$ENDPOINTS';

export const leases: Lesson = {
  id: 'leases',
  title: { en: 'Leases', zh: '租约' },
  summary: {
    en: 'Keys that live only as long as a lease: grant, attach, let it expire, revoke, keep alive.',
    zh: '只在租约有效期内存在的键：创建租约、绑定键、等它过期、撤销、续约。',
  },
  setup: {},
  steps: [
    {
      title: { en: 'Grant a lease', zh: '创建租约' },
      text: {
        en: 'A lease is a timer kept by the leader. Grant one of 20 seconds: `etcdctl --endpoints=$ENDPOINTS lease grant 20`. Note its ID: you will type it next.',
        zh: '租约是 leader 维护的一个计时器。创建一个 20 秒的租约：`etcdctl --endpoints=$ENDPOINTS lease grant 20`。记下它的 ID：下一步要用。',
      },
      goals: [
        {
          kind: 'printed',
          pattern: /lease [0-9a-f]+ granted with TTL\(20s\)/,
          what: { en: 'a lease of 20 s granted', zh: '一个 20 秒租约的创建结果' },
        },
      ],
      hints: [
        {
          en: 'The command is `lease grant` and the TTL in seconds.',
          zh: '命令是 `lease grant` 加上以秒为单位的 TTL。',
        },
        {
          en: 'Type `etcdctl --endpoints=$ENDPOINTS lease grant 20`.',
          zh: '输入 `etcdctl --endpoints=$ENDPOINTS lease grant 20`。',
        },
      ],
      solution: [{ terminal: 't1', line: `etcdctl ${E} lease grant 20` }],
      explain: {
        en: 'The ID is 16 hex digits. The leases tab counts it down.',
        zh: 'ID 是 16 位十六进制数。租约标签页里能看到它在倒计时。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} lease grant 10` }],
        says: /no terminal has shown a lease of 20 s granted/,
      },
    },
    {
      title: { en: 'Attach a key, let it expire', zh: '绑定键，等它过期' },
      text: {
        en: 'Put a key on a lease: `etcdctl --endpoints=$ENDPOINTS put --lease=ID name zyq`, with your lease\'s ID (or grant a new one; `$(...)` works too: `ID=$(etcdctl lease grant 20 | cut -d" " -f2)`).\n\nThen wait. When the lease runs out, the key goes with it.',
        zh: '把一个键绑定到租约上：`etcdctl --endpoints=$ENDPOINTS put --lease=ID name zyq`，ID 换成你的租约 ID（也可以新建一个；`$(...)` 同样可用：`ID=$(etcdctl lease grant 20 | cut -d" " -f2)`）。\n\n然后等待。租约到期时，键会随之消失。',
      },
      goals: [{ kind: 'lease-expired' }, { kind: 'lease-gone', key: 'name' }],
      hints: [
        { en: '`--lease=` takes the ID `lease grant` printed.', zh: '`--lease=` 后面是 `lease grant` 打印的 ID。' },
        {
          en: '`ID=$(etcdctl lease grant 20 | cut -d" " -f2)`, then `etcdctl --endpoints=$ENDPOINTS put --lease=$ID name zyq`, then wait 20 s.',
          zh: '`ID=$(etcdctl lease grant 20 | cut -d" " -f2)`，然后 `etcdctl --endpoints=$ENDPOINTS put --lease=$ID name zyq`，再等 20 秒。',
        },
      ],
      solution: [
        { terminal: 't1', line: 'ID=$(etcdctl lease grant 5 | cut -d" " -f2)' },
        { terminal: 't1', line: `etcdctl ${E} put --lease=$ID name zyq` },
        { wait: 7000 },
      ],
      explain: {
        en: 'The leader saw the lease run out and revoked it through the log, deleting every key attached in the same revision. This is how etcd does liveness: a service puts its address on a lease and keeps the lease alive while it lives.',
        zh: 'leader 发现租约到期，通过日志撤销了它，并在同一个版本里删除了所有绑定的键。etcd 就是这样做存活检测的：服务把自己的地址写在租约上，活着的时候不断续约。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} put name zyq` }],
        says: /`name` still exists, but no lease holds it: it was put without --lease/,
      },
    },
    {
      title: { en: 'Keep it alive', zh: '续约' },
      text: {
        en: 'Grant a short lease and keep it alive: `ID=$(etcdctl lease grant 5 | cut -d" " -f2)`, `etcdctl --endpoints=$ENDPOINTS put --lease=$ID name zyq`, then `etcdctl --endpoints=$ENDPOINTS lease keep-alive $ID`. It renews the lease before it runs out, for as long as it runs.',
        zh: '创建一个短租约并续约：`ID=$(etcdctl lease grant 5 | cut -d" " -f2)`，`etcdctl --endpoints=$ENDPOINTS put --lease=$ID name zyq`，然后 `etcdctl --endpoints=$ENDPOINTS lease keep-alive $ID`。只要它在运行，就会在租约到期前不断续约。',
      },
      goals: [
        {
          kind: 'ran',
          pattern: /lease keep-alive/,
          what: { en: 'a keep-alive (`lease keep-alive`)', zh: '续约命令（`lease keep-alive`）' },
        },
        {
          kind: 'printed',
          pattern: /lease [0-9a-f]+ keepalived with TTL\(5\)\n(?:.*\n)*lease [0-9a-f]+ keepalived with TTL\(5\)/,
          what: { en: 'the lease renewed twice or more', zh: '租约被续了两次以上' },
        },
        { kind: 'lease-keys', keys: ['name'] },
      ],
      hints: [
        {
          en: "keep-alive runs until Ctrl-C; give it the lease's ID.",
          zh: 'keep-alive 会一直运行到按 Ctrl-C；把租约 ID 给它。',
        },
        {
          en: 'Three commands: grant into `ID`, put name with `--lease=$ID`, `etcdctl --endpoints=$ENDPOINTS lease keep-alive $ID`.',
          zh: '三条命令：grant 并存进 `ID`，用 `--lease=$ID` 写入 name，`etcdctl --endpoints=$ENDPOINTS lease keep-alive $ID`。',
        },
      ],
      solution: [
        { terminal: 't1', line: 'ID=$(etcdctl lease grant 5 | cut -d" " -f2)' },
        { terminal: 't1', line: `etcdctl ${E} put --lease=$ID name zyq` },
        { terminal: 't1', line: `etcdctl ${E} lease keep-alive $ID` },
      ],
      explain: {
        en: 'Every few seconds the lease went back to its full TTL, and name stayed. Press Ctrl-C and it expires 5 s later.',
        zh: '每隔几秒，租约就回到完整的 TTL，name 一直都在。按 Ctrl-C，5 秒后它就会过期。',
      },
      wrong: {
        inputs: [
          { terminal: 't1', line: 'ID=$(etcdctl lease grant 5 | cut -d" " -f2)' },
          { terminal: 't1', line: `etcdctl ${E} put --lease=$ID name zyq` },
        ],
        says: /you have not run a keep-alive \(`lease keep-alive`\) yet/,
      },
    },
    {
      title: { en: 'Revoke it', zh: '撤销租约' },
      text: {
        en: 'Stop the keep-alive with **Ctrl-C**, and revoke the lease at once: `etcdctl --endpoints=$ENDPOINTS lease revoke $ID`.',
        zh: '按 **Ctrl-C** 停掉 keep-alive，然后立即撤销租约：`etcdctl --endpoints=$ENDPOINTS lease revoke $ID`。',
      },
      goals: [
        { kind: 'lease-gone', key: 'name' },
        {
          kind: 'ran',
          pattern: /lease revoke/,
          what: { en: 'a revoke (`lease revoke`)', zh: '撤销命令（`lease revoke`）' },
        },
      ],
      hints: [
        {
          en: 'Ctrl-C first: the terminal is busy while keep-alive runs.',
          zh: '先按 Ctrl-C：keep-alive 运行时终端是占用的。',
        },
        {
          en: 'Ctrl-C, then `etcdctl --endpoints=$ENDPOINTS lease revoke $ID`.',
          zh: '按 Ctrl-C，然后 `etcdctl --endpoints=$ENDPOINTS lease revoke $ID`。',
        },
      ],
      solution: [{ interrupt: 't1' }, { terminal: 't1', line: `etcdctl ${E} lease revoke $ID` }],
      explain: {
        en: '"lease ... revoked": the lease and its keys are gone now, without waiting for the TTL.',
        zh: '"lease ... revoked"：租约和它的键立即消失了，不用等 TTL 到期。',
      },
      wrong: {
        inputs: [{ interrupt: 't1' }],
        says: /lease [0-9a-f]+ still holds `name`/,
      },
    },
  ],
};
