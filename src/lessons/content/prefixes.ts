import type { Lesson } from '../model.ts';

const E = '--endpoints=$ENDPOINTS';

export const prefixes: Lesson = {
  id: 'prefixes',
  title: { en: 'Prefixes', zh: '前缀' },
  summary: {
    en: 'etcd has no directories, only sorted keys: read and delete a whole prefix at once, or just its keys.',
    zh: 'etcd 没有目录，只有排好序的键：一次读取或删除整个前缀，或者只看键名。',
  },
  setup: {},
  steps: [
    {
      title: { en: 'Three keys', zh: '三个键' },
      text: {
        en: 'Write three keys that share a prefix, as the tutorial does:\n\n`etcdctl --endpoints=$ENDPOINTS put web web`\n`etcdctl --endpoints=$ENDPOINTS put web/web1 web1`\n`etcdctl --endpoints=$ENDPOINTS put web/web2 web2`',
        zh: '像教程里那样写入三个前缀相同的键：\n\n`etcdctl --endpoints=$ENDPOINTS put web web`\n`etcdctl --endpoints=$ENDPOINTS put web/web1 web1`\n`etcdctl --endpoints=$ENDPOINTS put web/web2 web2`',
      },
      goals: [
        { kind: 'key', key: 'web', value: 'web' },
        { kind: 'prefix-count', prefix: 'web/', atLeast: 2 },
      ],
      hints: [
        { en: 'Three puts: web, web/web1 and web/web2.', zh: '三次 put：web、web/web1 和 web/web2。' },
        {
          en: 'The keys and values: `web web`, `web/web1 web1`, `web/web2 web2`, each after `etcdctl --endpoints=$ENDPOINTS put`.',
          zh: '键和值分别是：`web web`、`web/web1 web1`、`web/web2 web2`，每个前面加上 `etcdctl --endpoints=$ENDPOINTS put`。',
        },
      ],
      solution: [
        { terminal: 't1', line: `etcdctl ${E} put web web` },
        { terminal: 't1', line: `etcdctl ${E} put web/web1 web1` },
        { terminal: 't1', line: `etcdctl ${E} put web/web2 web2` },
      ],
      explain: {
        en: 'The slash means nothing to etcd: web/web1 is just a key that sorts after web. The keyspace tab lists them in byte order.',
        zh: '斜杠对 etcd 没有特别含义：web/web1 只是一个排在 web 后面的键。键空间标签页按字节顺序列出它们。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} put web web` }],
        says: /0 keys under `web\/`, 2 wanted/,
      },
    },
    {
      title: { en: 'Read a prefix', zh: '读取前缀' },
      text: {
        en: 'Read every key that starts with web: `etcdctl --endpoints=$ENDPOINTS get web --prefix`',
        zh: '读取所有以 web 开头的键：`etcdctl --endpoints=$ENDPOINTS get web --prefix`',
      },
      goals: [
        {
          kind: 'printed',
          pattern: /web\nweb\nweb\/web1\nweb1\nweb\/web2\nweb2\n/,
          what: { en: 'the three keys with their values', zh: '三个键和它们的值' },
        },
      ],
      hints: [
        { en: '`--prefix` turns the key into the start of a range.', zh: '`--prefix` 把这个键变成一个范围的起点。' },
        {
          en: 'Type `etcdctl --endpoints=$ENDPOINTS get web --prefix`.',
          zh: '输入 `etcdctl --endpoints=$ENDPOINTS get web --prefix`。',
        },
      ],
      solution: [{ terminal: 't1', line: `etcdctl ${E} get web --prefix` }],
      explain: {
        en: 'One request, three keys, each followed by its value, in key order. --prefix asks for the range [web, wec).',
        zh: '一次请求返回了三个键，每个键后面跟着它的值，按键排序。--prefix 请求的是范围 [web, wec)。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} get web` }],
        says: /no terminal has shown the three keys with their values/,
      },
    },
    {
      title: { en: 'Only the keys', zh: '只看键名' },
      text: {
        en: 'Ask for the keys without their values: `etcdctl --endpoints=$ENDPOINTS get web --prefix --keys-only`',
        zh: '只要键名，不要值：`etcdctl --endpoints=$ENDPOINTS get web --prefix --keys-only`',
      },
      goals: [
        {
          kind: 'printed',
          pattern: /web\n\nweb\/web1\n\nweb\/web2\n\n/,
          what: { en: 'the three keys without values', zh: '不带值的三个键' },
        },
      ],
      hints: [
        { en: 'Add `--keys-only` to the last command.', zh: '在上一条命令后面加上 `--keys-only`。' },
        {
          en: 'Type `etcdctl --endpoints=$ENDPOINTS get web --prefix --keys-only`.',
          zh: '输入 `etcdctl --endpoints=$ENDPOINTS get web --prefix --keys-only`。',
        },
      ],
      solution: [{ terminal: 't1', line: `etcdctl ${E} get web --prefix --keys-only` }],
      explain: {
        en: 'etcdctl prints an empty line where the value would be. With many keys, --keys-only (or --count-only) saves sending every value.',
        zh: 'etcdctl 在本该是值的地方打印一个空行。键很多时，--keys-only（或 --count-only）可以省去传输所有的值。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} get web --keys-only` }],
        says: /no terminal has shown the three keys without values/,
      },
    },
    {
      title: { en: 'Delete a prefix', zh: '删除前缀' },
      text: {
        en: 'Delete them all in one request: `etcdctl --endpoints=$ENDPOINTS del web --prefix`. It prints how many it deleted.',
        zh: '一次请求把它们全部删掉：`etcdctl --endpoints=$ENDPOINTS del web --prefix`。它会打印删除了几个。',
      },
      goals: [
        { kind: 'key-gone', key: 'web' },
        { kind: 'key-gone', key: 'web/web1' },
        { kind: 'key-gone', key: 'web/web2' },
      ],
      hints: [
        { en: '`del` takes `--prefix` too.', zh: '`del` 也支持 `--prefix`。' },
        {
          en: 'Type `etcdctl --endpoints=$ENDPOINTS del web --prefix`.',
          zh: '输入 `etcdctl --endpoints=$ENDPOINTS del web --prefix`。',
        },
      ],
      solution: [{ terminal: 't1', line: `etcdctl ${E} del web --prefix` }],
      explain: {
        en: 'It printed 3: three tombstones, all in one revision (one transaction), so a watcher sees them together.',
        zh: '它打印了 3：三个墓碑都在同一个版本里（一个事务），所以 watch 会同时看到它们。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} del web` }],
        says: /the key `web\/web1` still exists/,
      },
    },
  ],
};
