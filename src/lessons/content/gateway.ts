import type { Lesson } from '../model.ts';

const G = 'http://127.0.0.1:2379/v3beta/kv';

export const gateway: Lesson = {
  id: 'gateway',
  title: { en: 'The v3 gateway with curl', zh: '用 curl 访问 v3 网关' },
  summary: {
    en: 'v3 is gRPC, but each member also answers JSON over HTTP: keys and values travel base64-encoded.',
    zh: 'v3 用的是 gRPC，但每个成员也通过 HTTP 提供 JSON 接口：键和值都以 base64 编码传输。',
  },
  setup: {},
  steps: [
    {
      title: { en: 'Put through the gateway', zh: '通过网关写入' },
      text: {
        en: `"Zm9v" is base64 for foo, "YmFy" for bar. Write foo = bar over HTTP:\n\n\`curl -s ${G}/put -X POST -d '{"key": "Zm9v", "value": "YmFy"}' | python -m json.tool\``,
        zh: `"Zm9v" 是 foo 的 base64 编码，"YmFy" 是 bar 的。通过 HTTP 写入 foo = bar：\n\n\`curl -s ${G}/put -X POST -d '{"key": "Zm9v", "value": "YmFy"}' | python -m json.tool\``,
      },
      goals: [{ kind: 'key', key: 'foo', value: 'bar' }],
      hints: [
        {
          en: 'The body is JSON with base64 key and value; single quotes keep the shell away from it.',
          zh: '请求体是 JSON，键和值用 base64；用单引号包起来，shell 就不会改动它。',
        },
        {
          en: `Type \`curl -s ${G}/put -X POST -d '{"key": "Zm9v", "value": "YmFy"}' | python -m json.tool\`.`,
          zh: `输入 \`curl -s ${G}/put -X POST -d '{"key": "Zm9v", "value": "YmFy"}' | python -m json.tool\`。`,
        },
      ],
      solution: [
        {
          terminal: 't1',
          line: `curl -s ${G}/put -X POST -d '{"key": "Zm9v", "value": "YmFy"}' | python -m json.tool`,
        },
      ],
      explain: {
        en: 'The answer is the PutResponse as JSON: only a header. 64-bit numbers (cluster_id, revision) come as strings, as the gRPC gateway writes them.',
        zh: '应答是 JSON 形式的 PutResponse：只有一个 header。64 位的数字（cluster_id、revision）以字符串形式给出，gRPC 网关就是这样写的。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `curl -s ${G}/put -X POST -d '{"key": "foo", "value": "bar"}'` }],
        says: /the key `foo` does not exist yet/,
      },
    },
    {
      title: { en: 'Range', zh: '范围查询' },
      text: {
        en: `Read it back: \`curl -s ${G}/range -X POST -d '{"key": "Zm9v"}' | python -m json.tool\``,
        zh: `读回来：\`curl -s ${G}/range -X POST -d '{"key": "Zm9v"}' | python -m json.tool\``,
      },
      goals: [
        {
          kind: 'printed',
          pattern:
            /"key": "Zm9v",\n\s+"create_revision": "\d+",\n\s+"mod_revision": "\d+",\n\s+"version": "\d+",\n\s+"value": "YmFy"/,
          what: { en: 'foo read through the gateway', zh: '通过网关读到的 foo' },
        },
      ],
      hints: [
        {
          en: 'The path is /v3beta/kv/range, with the base64 key.',
          zh: '路径是 /v3beta/kv/range，带上 base64 编码的键。',
        },
        {
          en: `Type \`curl -s ${G}/range -X POST -d '{"key": "Zm9v"}' | python -m json.tool\`.`,
          zh: `输入 \`curl -s ${G}/range -X POST -d '{"key": "Zm9v"}' | python -m json.tool\`。`,
        },
      ],
      solution: [{ terminal: 't1', line: `curl -s ${G}/range -X POST -d '{"key": "Zm9v"}' | python -m json.tool` }],
      explain: {
        en: 'The same RangeResponse etcdctl -w json prints, with every number a string and the value still base64.',
        zh: '和 etcdctl -w json 打印的是同一个 RangeResponse，只是每个数字都是字符串，值仍是 base64。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `curl -s ${G}/range -X POST -d '{"key": "foo"}'` }],
        says: /no terminal has shown foo read through the gateway/,
      },
    },
    {
      title: { en: 'Your own base64', zh: '自己做 base64 编码' },
      text: {
        en: `Encode a key yourself: \`echo -n hello | base64\` (and \`echo -n world | base64\`), then write hello = world through the gateway with what they printed.`,
        zh: `自己编码一个键：\`echo -n hello | base64\`（还有 \`echo -n world | base64\`），然后用它们的输出通过网关写入 hello = world。`,
      },
      goals: [{ kind: 'key', key: 'hello', value: 'world' }],
      hints: [
        {
          en: '`-n` keeps echo from adding a newline, which would be encoded too.',
          zh: '`-n` 让 echo 不加换行符，否则换行符也会被编码进去。',
        },
        {
          en: `hello is aGVsbG8= and world is d29ybGQ=: \`curl -s ${G}/put -X POST -d '{"key": "aGVsbG8=", "value": "d29ybGQ="}'\`.`,
          zh: `hello 是 aGVsbG8=，world 是 d29ybGQ=：\`curl -s ${G}/put -X POST -d '{"key": "aGVsbG8=", "value": "d29ybGQ="}'\`。`,
        },
      ],
      solution: [
        { terminal: 't1', line: 'echo -n hello | base64' },
        { terminal: 't1', line: 'echo -n world | base64' },
        { terminal: 't1', line: `curl -s ${G}/put -X POST -d '{"key": "aGVsbG8=", "value": "d29ybGQ="}'` },
      ],
      explain: {
        en: 'etcdctl get hello now prints world: the gateway and etcdctl reach the same v3 keyspace.',
        zh: '现在 etcdctl get hello 会打印 world：网关和 etcdctl 访问的是同一个 v3 键空间。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `curl -s ${G}/put -X POST -d '{"key": "d29ybGQ=", "value": "aGVsbG8="}'` }],
        says: /the key `hello` does not exist yet/,
      },
    },
  ],
};
