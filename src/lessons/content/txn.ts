import type { Lesson } from '../model.ts';

const E = '--endpoints=$ENDPOINTS';

export const txn: Lesson = {
  id: 'txn',
  title: { en: 'Transactions and compaction', zh: '事务与压缩' },
  summary: {
    en: 'If-then-else in one atomic step, reading the past by revision, and compacting the history away.',
    zh: '在一个原子步骤里完成 if-then-else，按版本读取过去，以及压缩掉历史。',
  },
  setup: { commands: [`etcdctl ${E} put job todo`] },
  steps: [
    {
      title: { en: 'Compare and swap', zh: '比较并交换' },
      text: {
        en: 'A transaction compares, then runs one list of operations or the other, atomically. etcdctl reads it in three parts, each ended by an empty line: the compares, the requests if they hold, the requests if not. Give it all three at once:\n\n`echo -e \'value("job") = "todo"\\n\\nput job doing\\n\\nput job conflict\\n\' | etcdctl --endpoints=$ENDPOINTS txn`',
        zh: '事务先比较，然后原子地执行两组操作中的一组。etcdctl 分三部分读取它，每部分以空行结束：比较条件、条件成立时的请求、不成立时的请求。一次把三部分都给它：\n\n`echo -e \'value("job") = "todo"\\n\\nput job doing\\n\\nput job conflict\\n\' | etcdctl --endpoints=$ENDPOINTS txn`',
      },
      goals: [
        { kind: 'key', key: 'job', value: 'doing' },
        { kind: 'printed', pattern: /^SUCCESS\n/m, what: { en: 'SUCCESS', zh: 'SUCCESS 字样' } },
      ],
      hints: [
        {
          en: '`echo -e` turns each `\\n` into a new line: two of them make the empty line that ends a part.',
          zh: '`echo -e` 会把每个 `\\n` 变成换行：两个连在一起就是结束一部分的空行。',
        },
        {
          en: 'Type `echo -e \'value("job") = "todo"\\n\\nput job doing\\n\\nput job conflict\\n\' | etcdctl --endpoints=$ENDPOINTS txn`.',
          zh: '输入 `echo -e \'value("job") = "todo"\\n\\nput job doing\\n\\nput job conflict\\n\' | etcdctl --endpoints=$ENDPOINTS txn`。',
        },
      ],
      solution: [
        {
          terminal: 't1',
          line: `echo -e 'value("job") = "todo"\\n\\nput job doing\\n\\nput job conflict\\n' | etcdctl ${E} txn`,
        },
      ],
      explain: {
        en: "The compare held, so the success branch ran: SUCCESS, then its put's OK. Run it again and the compare fails (job is doing now): FAILURE, and job becomes conflict. This is how etcd clients do optimistic locking.",
        zh: '比较成立，于是执行了 success 分支：先打印 SUCCESS，再打印 put 的 OK。再执行一次，比较就会失败（job 现在是 doing）：打印 FAILURE，job 变成 conflict。etcd 客户端就是这样实现乐观锁的。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} put job doing2` }],
        says: /the key `job` exists but holds `doing2`, not `doing`/,
      },
    },
    {
      title: { en: 'Read the past', zh: '读取过去' },
      text: {
        en: 'Every revision is kept. Read job as it was at revision 2, its first write: `etcdctl --endpoints=$ENDPOINTS get job --rev=2`.',
        zh: '每个版本都被保留着。读取 job 在版本 2（它的第一次写入）时的样子：`etcdctl --endpoints=$ENDPOINTS get job --rev=2`。',
      },
      goals: [
        {
          kind: 'printed',
          pattern: /^job\ntodo\n/m,
          what: { en: 'job as it was at revision 2 (todo)', zh: 'job 在版本 2 时的值（todo）' },
        },
      ],
      hints: [
        { en: '`--rev` reads at a revision.', zh: '`--rev` 指定读取的版本。' },
        {
          en: 'Type `etcdctl --endpoints=$ENDPOINTS get job --rev=2`.',
          zh: '输入 `etcdctl --endpoints=$ENDPOINTS get job --rev=2`。',
        },
      ],
      solution: [{ terminal: 't1', line: `etcdctl ${E} get job --rev=2` }],
      explain: {
        en: 'MVCC: a write never overwrites, it adds a revision. That is what lets a watch start in the past and a read see a consistent snapshot.',
        zh: 'MVCC：写入从不覆盖，而是增加一个版本。正因为如此，watch 才能从过去开始，读取也能看到一致的快照。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} get job` }],
        says: /no terminal has shown job as it was at revision 2/,
      },
    },
    {
      title: { en: 'Compact', zh: '压缩' },
      text: {
        en: 'Old revisions cost space. Compact the history up to revision 3: `etcdctl --endpoints=$ENDPOINTS compact 3`. Then try the read of revision 2 again.',
        zh: '旧版本会占用空间。把历史压缩到版本 3：`etcdctl --endpoints=$ENDPOINTS compact 3`。然后再试一次读取版本 2。',
      },
      goals: [
        { kind: 'compaction', atLeast: 3 },
        {
          kind: 'printed',
          pattern: /Error: etcdserver: mvcc: required revision has been compacted/,
          what: { en: 'a read of a compacted revision refused', zh: '读取已压缩版本被拒绝' },
        },
      ],
      hints: [
        {
          en: "`compact REV` drops every revision before REV (keeping each key's value at REV).",
          zh: '`compact REV` 会丢弃 REV 之前的所有版本（保留每个键在 REV 时的值）。',
        },
        {
          en: '`etcdctl --endpoints=$ENDPOINTS compact 3`, then `etcdctl --endpoints=$ENDPOINTS get job --rev=2`.',
          zh: '`etcdctl --endpoints=$ENDPOINTS compact 3`，然后 `etcdctl --endpoints=$ENDPOINTS get job --rev=2`。',
        },
      ],
      solution: [
        { terminal: 't1', line: `etcdctl ${E} compact 3` },
        { terminal: 't1', line: `etcdctl ${E} get job --rev=2` },
      ],
      explain: {
        en: 'Revision 2 is gone for good; revision 3 and later still read. The keyspace panel shows the compacted revision. Real clusters compact on a schedule (--auto-compaction-retention).',
        zh: '版本 2 永远没有了；版本 3 及以后仍然可以读取。键空间面板会显示已压缩到的版本。真实集群会定期压缩（--auto-compaction-retention）。',
      },
      wrong: {
        inputs: [{ terminal: 't1', line: `etcdctl ${E} get job --rev=2` }],
        says: /the keyspace has not been compacted yet/,
      },
    },
  ],
};
