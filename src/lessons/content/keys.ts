import type { Lesson } from '../model.ts';

const E = '--endpoints=$ENDPOINTS';

export const keys: Lesson = {
  id: 'keys',
  title: { en: 'Keys and revisions', zh: '键与版本' },
  summary: {
    en: 'put and get, the JSON behind them, and the four numbers etcd keeps: revision, create_revision, mod_revision and version.',
    zh: 'put 和 get，它们背后的 JSON，以及 etcd 记录的四个数字：revision、create_revision、mod_revision 和 version。',
  },
  setup: {},
  steps: [
    {
      title: { en: 'Write a key', zh: '写入一个键' },
      text: {
        en: 'Write the tutorial\'s first key, with a value that has a space in it (so it needs quotes):\n\n`etcdctl --endpoints=$ENDPOINTS put foo "Hello World"`\n\nThen read it back: `etcdctl --endpoints=$ENDPOINTS get foo`',
        zh: '写入教程里的第一个键，值里有空格（所以要加引号）：\n\n`etcdctl --endpoints=$ENDPOINTS put foo "Hello World"`\n\n然后读回来：`etcdctl --endpoints=$ENDPOINTS get foo`',
      },
      goals: [{ kind: 'key', key: 'foo', value: 'Hello World' }],
      hints: [
        {
          en: 'Without quotes the shell splits Hello and World into two arguments.',
          zh: '不加引号的话，shell 会把 Hello 和 World 拆成两个参数。',
        },
        {
          en: 'Type `etcdctl --endpoints=$ENDPOINTS put foo "Hello World"`.',
          zh: '输入 `etcdctl --endpoints=$ENDPOINTS put foo "Hello World"`。',
        },
      ],
      solution: [
        { terminal: 't1', line: `etcdctl ${E} put foo "Hello World"` },
        { terminal: 't1', line: `etcdctl ${E} get foo` },
      ],
      explain: {
        en: 'put answered OK once a majority had the write in its log; get printed the key, then the value. The keyspace tab shows foo with its numbers.',
        zh: '多数成员把这次写入记进日志后，put 回答了 OK；get 先打印键，再打印值。键空间标签页里可以看到 foo 和它的几个数字。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} put foo Hello` }],
        says: /the key `foo` exists but holds `Hello`, not `Hello World`/,
      },
    },
    {
      title: { en: 'The JSON behind it', zh: '背后的 JSON' },
      text: {
        en: 'Ask for the full answer: `etcdctl --endpoints=$ENDPOINTS --write-out="json" get foo`.\n\nKeys and values come base64-encoded; the header says which member answered, at which revision and Raft term.',
        zh: '查看完整的应答：`etcdctl --endpoints=$ENDPOINTS --write-out="json" get foo`。\n\n键和值都是 base64 编码的；header 里写着是哪个成员应答的、在哪个版本和哪个 Raft 任期。',
      },
      goals: [
        {
          kind: 'printed',
          pattern: /"kvs":\[\{"key":"Zm9v","create_revision":\d+,"mod_revision":\d+,"version":\d+,"value":"/,
          what: { en: 'foo as JSON', zh: 'JSON 格式的 foo' },
        },
      ],
      hints: [
        {
          en: '`--write-out=json` (or `-w json`) changes how etcdctl prints.',
          zh: '`--write-out=json`（或 `-w json`）改变 etcdctl 的输出格式。',
        },
        {
          en: 'Type `etcdctl --endpoints=$ENDPOINTS --write-out="json" get foo`.',
          zh: '输入 `etcdctl --endpoints=$ENDPOINTS --write-out="json" get foo`。',
        },
      ],
      solution: [{ terminal: 't1', line: `etcdctl ${E} --write-out="json" get foo` }],
      explain: {
        en: '"Zm9v" is base64 for foo. create_revision is the revision that created the key, mod_revision the one that last changed it, version how many times it was put since it was created. The header\'s revision is the whole store\'s.',
        zh: '"Zm9v" 是 foo 的 base64 编码。create_revision 是创建这个键的版本，mod_revision 是最后修改它的版本，version 是它创建以来被写入的次数。header 里的 revision 是整个存储的版本。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} get foo` }],
        says: /no terminal has shown foo as JSON/,
      },
    },
    {
      title: { en: 'Write it again', zh: '再写一次' },
      text: {
        en: 'Change foo: `etcdctl --endpoints=$ENDPOINTS put foo "Hello etcd"`, then look again with `-w json`. Which numbers moved?',
        zh: '修改 foo：`etcdctl --endpoints=$ENDPOINTS put foo "Hello etcd"`，再用 `-w json` 看一次。哪些数字变了？',
      },
      goals: [
        { kind: 'key', key: 'foo', value: 'Hello etcd' },
        {
          kind: 'printed',
          pattern: /"key":"Zm9v","create_revision":(\d+),"mod_revision":(?!\1,)\d+,"version":2,/,
          what: { en: 'foo at version 2, as JSON', zh: 'JSON 格式、version 为 2 的 foo' },
        },
      ],
      hints: [
        { en: 'Put foo once more, then get it with `-w json`.', zh: '再 put 一次 foo，然后用 `-w json` 读取。' },
        {
          en: '`etcdctl --endpoints=$ENDPOINTS put foo "Hello etcd"`, then `etcdctl --endpoints=$ENDPOINTS get foo -w json`.',
          zh: '`etcdctl --endpoints=$ENDPOINTS put foo "Hello etcd"`，然后 `etcdctl --endpoints=$ENDPOINTS get foo -w json`。',
        },
      ],
      solution: [
        { terminal: 't1', line: `etcdctl ${E} put foo "Hello etcd"` },
        { terminal: 't1', line: `etcdctl ${E} get foo -w json` },
      ],
      explain: {
        en: 'create_revision stayed; mod_revision moved to the new store revision; version went to 2. Every write to the store, to any key, adds one to the revision.',
        zh: 'create_revision 没变；mod_revision 变成了新的存储版本；version 变成了 2。对存储的每一次写入（无论哪个键）都会让 revision 加一。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} get foo -w json` }],
        says: /the key `foo` exists but holds `Hello World`, not `Hello etcd`/,
      },
    },
    {
      title: { en: 'Delete it', zh: '删除它' },
      text: {
        en: "Delete foo: `etcdctl --endpoints=$ENDPOINTS del foo`. It prints how many keys it deleted.\n\nIn the keyspace tab foo stays, struck through: the delete is a revision too (a tombstone), and the key's history is kept until it is compacted. Click it to see its generation end.",
        zh: '删除 foo：`etcdctl --endpoints=$ENDPOINTS del foo`。它会打印删除了几个键。\n\n键空间标签页里 foo 还在，但被划掉了：删除本身也是一个版本（墓碑），键的历史会一直保留到被压缩。点它可以看到它这一代的结束。',
      },
      goals: [{ kind: 'key-gone', key: 'foo' }],
      hints: [
        { en: 'The command is `del`.', zh: '命令是 `del`。' },
        { en: 'Type `etcdctl --endpoints=$ENDPOINTS del foo`.', zh: '输入 `etcdctl --endpoints=$ENDPOINTS del foo`。' },
      ],
      solution: [{ terminal: 't1', line: `etcdctl ${E} del foo` }],
      explain: {
        en: 'del printed 1. A later put of foo starts a new generation at version 1, with a new create_revision.',
        zh: 'del 打印了 1。之后再 put foo 会开始新的一代，version 从 1 开始，create_revision 也是新的。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} del fo` }],
        says: /the key `foo` still exists \(it holds `Hello etcd`, version 2\)/,
      },
    },
  ],
};
