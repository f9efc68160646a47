import type { Lesson } from '../model.ts';

/** The tutorial's Go program: the lesson text ships now; it becomes playable with the program runner. */
export const program: Lesson = {
  id: 'program',
  title: { en: 'A client program', zh: '客户端程序' },
  summary: {
    en: "The tutorial's Go program on clientv3: connect, put, get, watch. It needs the program runner, which is not built yet.",
    zh: '教程里基于 clientv3 的 Go 程序：连接、写入、读取、监听。它需要程序运行器，目前还没有实现。',
  },
  setup: {},
  needs: {
    en: 'the program runner (the editor that runs Go on clientv3)',
    zh: '程序运行器（运行基于 clientv3 的 Go 程序的编辑器）',
  },
  steps: [
    {
      title: { en: 'Connect and write', zh: '连接并写入' },
      text: {
        en: 'A program opens a client with `clientv3.New(clientv3.Config{Endpoints: []string{"127.0.0.1:2379"}, DialTimeout: 5 * time.Second})`, then `cli.Put(ctx, "foo", "bar")` and `cli.Get(ctx, "foo")`, just as etcdctl does underneath.',
        zh: '程序用 `clientv3.New(clientv3.Config{Endpoints: []string{"127.0.0.1:2379"}, DialTimeout: 5 * time.Second})` 创建客户端，然后调用 `cli.Put(ctx, "foo", "bar")` 和 `cli.Get(ctx, "foo")`，和 etcdctl 底层做的一样。',
      },
      goals: [{ kind: 'key', key: 'foo', value: 'bar' }],
      hints: [
        {
          en: 'Until the program runner exists, `etcdctl put foo bar` does the same write.',
          zh: '在程序运行器实现之前，`etcdctl put foo bar` 可以完成同样的写入。',
        },
      ],
      solution: [{ terminal: 't1', line: 'etcdctl put foo bar' }],
      explain: {
        en: 'The client picked an endpoint, sent a PutRequest and got a PutResponse with a header, exactly the JSON the gateway lesson showed.',
        zh: '客户端选了一个 endpoint，发送 PutRequest，收到带 header 的 PutResponse，正是网关那一课里看到的 JSON。',
      },
      wrong: { inputs: [{ terminal: 't1', line: 'etcdctl put foo baz' }], says: /holds `baz`/ },
    },
  ],
};
