import type { Lesson } from '../model.ts';

const E = '--endpoints=$ENDPOINTS';

export const watch: Lesson = {
  id: 'watch',
  title: { en: 'Watch', zh: 'Watch：监听变化' },
  summary: {
    en: 'Two terminals: one watches, the other writes. A key, a prefix, history from a past revision, and the previous value.',
    zh: '两个终端：一个监听，一个写入。监听一个键、一个前缀、从过去的版本开始的历史，以及修改前的值。',
  },
  setup: {},
  steps: [
    {
      title: { en: 'Watch a key', zh: '监听一个键' },
      text: {
        en: 'In **terminal 2**, start watching a key: `etcdctl --endpoints=$ENDPOINTS watch stock1`. It keeps running and waits.\n\nThen in **terminal 1**, write to it: `etcdctl --endpoints=$ENDPOINTS put stock1 1000`, and look at terminal 2.',
        zh: '在**终端 2** 里开始监听一个键：`etcdctl --endpoints=$ENDPOINTS watch stock1`。它会一直运行，等待变化。\n\n然后在**终端 1** 里写入这个键：`etcdctl --endpoints=$ENDPOINTS put stock1 1000`，再看终端 2。',
      },
      goals: [{ kind: 'watch', key: 'stock1', prefix: false, events: 1 }],
      hints: [
        {
          en: 'A watch runs until Ctrl-C: start it in one terminal, write in the other.',
          zh: 'watch 会一直运行到按 Ctrl-C：在一个终端里启动它，在另一个终端里写入。',
        },
        {
          en: 'Terminal 2: `etcdctl --endpoints=$ENDPOINTS watch stock1`; terminal 1: `etcdctl --endpoints=$ENDPOINTS put stock1 1000`.',
          zh: '终端 2：`etcdctl --endpoints=$ENDPOINTS watch stock1`；终端 1：`etcdctl --endpoints=$ENDPOINTS put stock1 1000`。',
        },
      ],
      solution: [
        { terminal: 't2', line: `etcdctl ${E} watch stock1` },
        { terminal: 't1', line: `etcdctl ${E} put stock1 1000` },
      ],
      explain: {
        en: 'The watch printed the event as it happened: its type (PUT), the key and the new value. Watches are how Kubernetes and others learn of changes without polling.',
        zh: 'watch 在事件发生时立即打印出来：事件类型（PUT）、键和新值。Kubernetes 等系统就是用 watch 来感知变化，而不用轮询。',
      },
      wrong: {
        inputs: [{ terminal: 't2', line: `etcdctl ${E} watch stock1` }],
        says: /your watch on the key `stock1` has delivered 0 events of 1/,
      },
    },
    {
      title: { en: 'Watch a prefix', zh: '监听一个前缀' },
      text: {
        en: 'Stop the watch in terminal 2 with **Ctrl-C**. Watch every key that starts with `stock`: `etcdctl --endpoints=$ENDPOINTS watch stock --prefix`.\n\nThen in terminal 1: `etcdctl --endpoints=$ENDPOINTS put stock1 10` and `etcdctl --endpoints=$ENDPOINTS put stock2 20`.',
        zh: '在终端 2 里按 **Ctrl-C** 停掉 watch。监听所有以 `stock` 开头的键：`etcdctl --endpoints=$ENDPOINTS watch stock --prefix`。\n\n然后在终端 1 里执行：`etcdctl --endpoints=$ENDPOINTS put stock1 10` 和 `etcdctl --endpoints=$ENDPOINTS put stock2 20`。',
      },
      goals: [{ kind: 'watch', key: 'stock', prefix: true, events: 2 }],
      hints: [
        {
          en: '`--prefix` makes the watch cover every key that begins with the one you give.',
          zh: '`--prefix` 让 watch 覆盖所有以给定字符串开头的键。',
        },
        {
          en: 'Ctrl-C in terminal 2, then `etcdctl --endpoints=$ENDPOINTS watch stock --prefix`; two puts in terminal 1.',
          zh: '终端 2 里按 Ctrl-C，然后 `etcdctl --endpoints=$ENDPOINTS watch stock --prefix`；在终端 1 里执行两次 put。',
        },
      ],
      solution: [
        { interrupt: 't2' },
        { terminal: 't2', line: `etcdctl ${E} watch stock --prefix` },
        { terminal: 't1', line: `etcdctl ${E} put stock1 10` },
        { terminal: 't1', line: `etcdctl ${E} put stock2 20` },
      ],
      explain: {
        en: "One watch, two keys: a prefix watch is a range watch from `stock` up to (not including) `stocl`, the prefix's last byte plus one.",
        zh: '一个 watch 收到了两个键的事件：前缀 watch 其实是一个范围 watch，从 `stock` 到 `stocl`（不含），也就是把前缀最后一个字节加一。',
      },
      wrong: {
        inputs: [
          { terminal: 't1', line: `etcdctl ${E} put stock1 10` },
          { terminal: 't1', line: `etcdctl ${E} put stock2 20` },
        ],
        says: /your watch is on the key `stock1`, not the `stock` prefix/,
      },
    },
    {
      title: { en: 'History from a past revision', zh: '从过去的版本看历史' },
      text: {
        en: 'A watch can start in the past and replay what happened since. Stop the watch (**Ctrl-C**) and start one at revision 2, the first write of this lesson: `etcdctl --endpoints=$ENDPOINTS watch --rev=2 stock1`.',
        zh: 'watch 可以从过去开始，重放此后发生的一切。停掉 watch（**Ctrl-C**），从版本 2（本课的第一次写入）开始监听：`etcdctl --endpoints=$ENDPOINTS watch --rev=2 stock1`。',
      },
      goals: [{ kind: 'watch-from', key: 'stock1', atMost: 2 }],
      hints: [
        { en: '`--rev` gives the revision the watch starts at.', zh: '`--rev` 指定 watch 开始的版本。' },
        {
          en: 'Ctrl-C in terminal 2, then `etcdctl --endpoints=$ENDPOINTS watch --rev=2 stock1`.',
          zh: '终端 2 里按 Ctrl-C，然后 `etcdctl --endpoints=$ENDPOINTS watch --rev=2 stock1`。',
        },
      ],
      solution: [{ interrupt: 't2' }, { terminal: 't2', line: `etcdctl ${E} watch --rev=2 stock1` }],
      explain: {
        en: 'Both past writes of stock1 came back at once, in order, then the watch went on waiting. etcd keeps every revision until it is compacted; a watch from a compacted revision is refused.',
        zh: 'stock1 过去的两次写入按顺序一下子全回来了，然后 watch 继续等待。etcd 会保留每个版本，直到被压缩；从已压缩的版本开始的 watch 会被拒绝。',
      },
      wrong: {
        inputs: [{ interrupt: 't2' }, { terminal: 't2', line: `etcdctl ${E} watch stock1` }],
        says: /starts now, not from a past revision: add --rev/,
      },
    },
    {
      title: { en: 'The value before', zh: '修改前的值' },
      text: {
        en: 'With `--prev-kv` each event also carries the key as it was before. Stop the watch and start `etcdctl --endpoints=$ENDPOINTS watch stock1 --prev-kv`, then in terminal 1: `etcdctl --endpoints=$ENDPOINTS put stock1 2000`.',
        zh: '加上 `--prev-kv`，每个事件还会带上这个键修改前的样子。停掉 watch，启动 `etcdctl --endpoints=$ENDPOINTS watch stock1 --prev-kv`，然后在终端 1 里执行：`etcdctl --endpoints=$ENDPOINTS put stock1 2000`。',
      },
      goals: [
        {
          kind: 'printed',
          pattern: /PUT\nstock1\n10\nstock1\n2000\n/,
          what: {
            en: 'an event with the previous value (10) before the new one (2000)',
            zh: '一个先显示旧值（10）再显示新值（2000）的事件',
          },
        },
      ],
      hints: [
        { en: 'Add `--prev-kv` to the watch, then change stock1.', zh: '给 watch 加上 `--prev-kv`，然后修改 stock1。' },
        {
          en: 'Ctrl-C in terminal 2, `etcdctl --endpoints=$ENDPOINTS watch stock1 --prev-kv`; terminal 1: `etcdctl --endpoints=$ENDPOINTS put stock1 2000`.',
          zh: '终端 2 里按 Ctrl-C，`etcdctl --endpoints=$ENDPOINTS watch stock1 --prev-kv`；终端 1：`etcdctl --endpoints=$ENDPOINTS put stock1 2000`。',
        },
      ],
      solution: [
        { interrupt: 't2' },
        { terminal: 't2', line: `etcdctl ${E} watch stock1 --prev-kv` },
        { terminal: 't1', line: `etcdctl ${E} put stock1 2000` },
      ],
      explain: {
        en: 'The event shows the previous key and value (stock1, 10), then the new ones (stock1, 2000). A client that caches values can update without asking again.',
        zh: '事件先显示修改前的键和值（stock1、10），再显示新的（stock1、2000）。缓存数据的客户端不必再查询一次就能更新。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} put stock1 2000` }],
        says: /no terminal has shown an event with the previous value/,
      },
    },
  ],
};
