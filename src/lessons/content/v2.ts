import type { Lesson } from '../model.ts';

const K = 'http://127.0.0.1:2379/v2/keys';

export const v2: Lesson = {
  id: 'v2',
  title: { en: 'The v2 API with curl', zh: '用 curl 访问 v2 API' },
  summary: {
    en: 'etcd 3.4 still serves the older v2 API over plain HTTP: keys, directories, TTLs, waiting for a change. Its data is a store of its own.',
    zh: 'etcd 3.4 仍然通过普通 HTTP 提供旧的 v2 API：键、目录、TTL、等待变化。它的数据是单独的一份存储。',
  },
  setup: {},
  steps: [
    {
      title: { en: 'Set a key', zh: '设置一个键' },
      text: {
        en: `Write a key with an HTTP PUT, as the tutorial does:\n\n\`curl -s ${K}/site -X PUT -d value="www.361way.com" | python -m json.tool\`\n\nThe keyspace tab shows it under **v2 store**, not in the v3 keyspace.`,
        zh: `像教程里那样，用 HTTP PUT 写入一个键：\n\n\`curl -s ${K}/site -X PUT -d value="www.361way.com" | python -m json.tool\`\n\n键空间标签页里它出现在 **v2 存储**下面，而不是 v3 键空间里。`,
      },
      goals: [{ kind: 'v2-key', key: '/site', value: 'www.361way.com' }],
      hints: [
        {
          en: "The v2 keys API lives at /v2/keys/ on each member's client URL.",
          zh: 'v2 键 API 在每个成员 client URL 的 /v2/keys/ 下。',
        },
        {
          en: `Type \`curl -s ${K}/site -X PUT -d value="www.361way.com" | python -m json.tool\`.`,
          zh: `输入 \`curl -s ${K}/site -X PUT -d value="www.361way.com" | python -m json.tool\`。`,
        },
      ],
      solution: [{ terminal: 't1', line: `curl -s ${K}/site -X PUT -d value="www.361way.com" | python -m json.tool` }],
      explain: {
        en: 'The answer says what happened ("set"), the node with its value, and the store\'s index when it was created and last modified: v2 counts in one index, as v3 counts in revisions.',
        zh: '应答里写着发生了什么（"set"），节点和它的值，以及创建和最后修改时存储的索引：v2 用一个索引计数，就像 v3 用 revision 计数。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: 'etcdctl put site www.361way.com' }],
        says: /`\/site` is a v3 key \(in the keyspace\), not a v2 one/,
      },
    },
    {
      title: { en: 'Directories', zh: '目录' },
      text: {
        en: `v2 has real directories. Make one and put a key in it:\n\n\`curl -s ${K}/dsite -X PUT -d dir=true\`\n\`curl -s ${K}/dsite/my1 -X PUT -d value=www\`\n\nThen list it: \`curl -s '${K}/dsite?recursive=true' | python -m json.tool\``,
        zh: `v2 有真正的目录。创建一个目录，再在里面放一个键：\n\n\`curl -s ${K}/dsite -X PUT -d dir=true\`\n\`curl -s ${K}/dsite/my1 -X PUT -d value=www\`\n\n然后列出它：\`curl -s '${K}/dsite?recursive=true' | python -m json.tool\``,
      },
      goals: [
        { kind: 'v2-key', key: '/dsite', dir: true },
        { kind: 'v2-key', key: '/dsite/my1', value: 'www' },
      ],
      hints: [
        {
          en: '`-d dir=true` makes a directory; a key inside it is a path below it.',
          zh: '`-d dir=true` 创建目录；目录里的键就是它下面的路径。',
        },
        {
          en: `\`curl -s ${K}/dsite -X PUT -d dir=true\`, then \`curl -s ${K}/dsite/my1 -X PUT -d value=www\`.`,
          zh: `\`curl -s ${K}/dsite -X PUT -d dir=true\`，然后 \`curl -s ${K}/dsite/my1 -X PUT -d value=www\`。`,
        },
      ],
      solution: [
        { terminal: 't1', line: `curl -s ${K}/dsite -X PUT -d dir=true` },
        { terminal: 't1', line: `curl -s ${K}/dsite/my1 -X PUT -d value=www` },
        { terminal: 't1', line: `curl -s '${K}/dsite?recursive=true' | python -m json.tool` },
      ],
      explain: {
        en: 'A directory is a node with "dir": true and child nodes; ?recursive=true lists the whole subtree. In v3 the same idea is only a key prefix.',
        zh: '目录是带 "dir": true 和子节点的节点；?recursive=true 会列出整个子树。在 v3 里，同样的想法只是一个键前缀。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `curl -s ${K}/dsite -X PUT -d value=x` }],
        says: /`\/dsite` is a key, not a directory/,
      },
    },
    {
      title: { en: 'A key with a TTL', zh: '带 TTL 的键' },
      text: {
        en: `Give a key a time to live: \`curl -s ${K}/temp -X PUT -d value=abc -d ttl=5\`. The v2 store picture counts it down; after 5 s the leader expires it.`,
        zh: `给一个键设置存活时间：\`curl -s ${K}/temp -X PUT -d value=abc -d ttl=5\`。v2 存储图里能看到它倒计时；5 秒后 leader 会让它过期。`,
      },
      goals: [
        {
          kind: 'ran',
          pattern: /v2\/keys\/temp.*ttl=\d+|ttl=\d+.*v2\/keys\/temp/,
          what: { en: 'a PUT of temp with a TTL', zh: '带 TTL 的 temp 写入' },
        },
        { kind: 'v2-key', key: '/temp', gone: true },
      ],
      hints: [
        { en: 'Add `-d ttl=5` to the PUT, then wait.', zh: '在 PUT 里加上 `-d ttl=5`，然后等待。' },
        {
          en: `Type \`curl -s ${K}/temp -X PUT -d value=abc -d ttl=5\` and wait 5 s.`,
          zh: `输入 \`curl -s ${K}/temp -X PUT -d value=abc -d ttl=5\`，等 5 秒。`,
        },
      ],
      solution: [{ terminal: 't1', line: `curl -s ${K}/temp -X PUT -d value=abc -d ttl=5` }, { wait: 6000 }],
      explain: {
        en: 'The answer carried "expiration" and "ttl"; then the key was gone. v2 TTLs are per key; v3 replaced them with leases that many keys can share.',
        zh: '应答里带着 "expiration" 和 "ttl"；之后键就消失了。v2 的 TTL 是每个键各自的；v3 用可以被多个键共享的租约代替了它。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `curl -s ${K}/temp -X PUT -d value=abc` }],
        says: /the v2 store still has `\/temp`/,
      },
    },
    {
      title: { en: 'Wait for a change', zh: '等待变化' },
      text: {
        en: `In **terminal 2**, wait for a change of a key: \`curl -s '${K}/web?wait=true'\`. It hangs until something happens.\n\nIn **terminal 1**, set it: \`curl -s ${K}/web -X PUT -d value=hello\`.`,
        zh: `在**终端 2** 里等待一个键的变化：\`curl -s '${K}/web?wait=true'\`。它会一直挂起，直到有事发生。\n\n在**终端 1** 里设置它：\`curl -s ${K}/web -X PUT -d value=hello\`。`,
      },
      goals: [
        {
          kind: 'printed',
          terminal: 't2',
          pattern: /\{"action":"set","node":\{"key":"\/web","value":"hello"/,
          what: { en: 'the change it waited for', zh: '它等待的那次变化' },
        },
      ],
      hints: [
        {
          en: '?wait=true turns a GET into a wait for the next change.',
          zh: '?wait=true 把一次 GET 变成等待下一次变化。',
        },
        {
          en: `Terminal 2: \`curl -s '${K}/web?wait=true'\`; terminal 1: \`curl -s ${K}/web -X PUT -d value=hello\`.`,
          zh: `终端 2：\`curl -s '${K}/web?wait=true'\`；终端 1：\`curl -s ${K}/web -X PUT -d value=hello\`。`,
        },
      ],
      solution: [
        { terminal: 't2', line: `curl -s '${K}/web?wait=true'` },
        { terminal: 't1', line: `curl -s ${K}/web -X PUT -d value=hello` },
      ],
      explain: {
        en: 'The waiting GET returned the event itself and ended: v2 watches are one event per request (ask again with ?waitIndex= to miss nothing). v3 watches are streams.',
        zh: '等待中的 GET 返回了这个事件本身，然后就结束了：v2 的 watch 一次请求只有一个事件（用 ?waitIndex= 再问一次才不会漏掉）。v3 的 watch 是流。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `curl -s ${K}/web -X PUT -d value=hello` }],
        says: /terminal 2 has not shown the change it waited for yet \(another terminal has\)/,
      },
    },
    {
      title: { en: 'Two stores that never meet', zh: '互不相见的两份存储' },
      text: {
        en: 'Ask v3 for the v2 key: `etcdctl get site` prints nothing. Ask the v2 client: `ETCDCTL_API=2 etcdctl get /site`.',
        zh: '用 v3 查询 v2 的键：`etcdctl get site` 什么也不打印。用 v2 客户端查询：`ETCDCTL_API=2 etcdctl get /site`。',
      },
      goals: [
        { kind: 'ran', pattern: /^etcdctl (.* )?get \/?site/, what: { en: 'a v3 get of site', zh: '用 v3 读取 site' } },
        {
          kind: 'printed',
          pattern: /^www\.361way\.com\n/m,
          what: { en: 'the v2 value of /site', zh: '/site 的 v2 值' },
        },
      ],
      hints: [
        {
          en: 'Two commands: one with v3 (the default), one with `ETCDCTL_API=2`.',
          zh: '两条命令：一条用 v3（默认），一条用 `ETCDCTL_API=2`。',
        },
        {
          en: '`etcdctl get site`, then `ETCDCTL_API=2 etcdctl get /site`.',
          zh: '`etcdctl get site`，然后 `ETCDCTL_API=2 etcdctl get /site`。',
        },
      ],
      solution: [
        { terminal: 't1', line: 'etcdctl get site' },
        { terminal: 't1', line: 'ETCDCTL_API=2 etcdctl get /site' },
      ],
      explain: {
        en: 'The same members keep both, but v2 keys and v3 keys are different stores: a v2 write is invisible to v3 and the other way round. Kubernetes data is v3: read it with ETCDCTL_API=3, the default in 3.4.',
        zh: '同样的成员保存着两份数据，但 v2 的键和 v3 的键是不同的存储：v2 的写入对 v3 不可见，反之亦然。Kubernetes 的数据在 v3 里：用 ETCDCTL_API=3 读取，它是 3.4 的默认值。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: 'etcdctl get site' }],
        says: /no terminal has shown the v2 value of \/site/,
      },
    },
  ],
};
