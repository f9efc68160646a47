// The one place an event of the simulated world becomes a sentence, in each language the page
// speaks. Names, numbers and etcd's own words (message types, operations) stay as etcd has them.
import type { SimEvent } from '../engine/base/trace.ts';
import type { Lang } from './lang.ts';

type Describe<L extends Lang> = { [T in SimEvent['type']]: (e: Extract<SimEvent, { type: T }>) => string } & {
  lang?: L;
};

const CAUSE_EN = {
  timeout: 'its election timeout passed without a leader',
  transfer: 'the leader handed leadership over',
  'pre-vote won': 'its pre-vote won a majority',
  asked: 'it was asked to',
};
const CAUSE_ZH = {
  timeout: '选举超时内没有收到 leader 的消息',
  transfer: 'leader 把领导权交给了它',
  'pre-vote won': '预投票得到了多数同意',
  asked: '收到了竞选请求',
};

const REFUSAL_EN = {
  'voted-for-another': (e: { votedFor?: string }) =>
    `it already voted for ${e.votedFor ?? 'another member'} in this term`,
  'has-leader': () => 'it already has a leader',
  'log-behind': () => "the candidate's log is behind its own",
  'stale-term': () => "the candidate's term is behind its own",
};
const REFUSAL_ZH = {
  'voted-for-another': (e: { votedFor?: string }) => `本任期内它已投票给 ${e.votedFor ?? '别的成员'}`,
  'has-leader': () => '它已经有 leader 了',
  'log-behind': () => '候选者的日志比它的旧',
  'stale-term': () => '候选者的任期比它的旧',
};

const CHANGE_EN = {
  add: 'added',
  'add-learner': 'added as a learner',
  promote: 'promoted from learner to voting member',
  remove: 'removed',
  update: 'updated',
};
const CHANGE_ZH = {
  add: '加入了成员',
  'add-learner': '以 learner 身份加入了成员',
  promote: '把 learner 提升为投票成员',
  remove: '移除了成员',
  update: '更新了成员',
};

const en: Describe<'en'> = {
  campaign: (e) =>
    e.pre
      ? `${e.member} asks for pre-votes for term ${e.term}: ${CAUSE_EN[e.cause]}`
      : `${e.member} starts an election at term ${e.term}: ${CAUSE_EN[e.cause]}`,
  vote: (e) =>
    e.granted
      ? `${e.member} grants its ${e.pre ? 'pre-vote' : 'vote'} to ${e.candidate} (term ${e.term})`
      : `${e.member} refuses ${e.candidate} its ${e.pre ? 'pre-vote' : 'vote'} (term ${e.term}): ${REFUSAL_EN[e.refusal ?? 'log-behind'](e)}`,
  'vote-ignored': (e) =>
    `${e.member} ignores ${e.candidate}'s ${e.pre ? 'pre-vote' : 'vote'} request (term ${e.term}): it hears from a live leader`,
  'campaign-lost': (e) =>
    `${e.member} lost its ${e.pre ? 'pre-vote' : 'election'} at term ${e.term}: a majority refused`,
  'quorum-lost': (e) => `${e.member} steps down at term ${e.term}: it cannot reach a majority`,
  leader: (e) => `${e.member} became leader at term ${e.term}`,
  follows: (e) => `${e.member} follows ${e.leader} (term ${e.term})`,
  'leader-lost': (e) => `${e.member} lost its leader (term ${e.term})`,
  transfer: (e) => `${e.member} hands leadership over to ${e.to} (term ${e.term})`,
  commit: (e) => `${e.member} committed index ${e.index}: ${e.op}`,
  snapshot: (e) => `${e.member} snapshot at ${e.index}, log from ${e.firstIndex}`,
  'snapshot-installed': (e) => `${e.member} installed a snapshot at ${e.index}`,
  compaction: (e) => `${e.member} compacted the keyspace at revision ${e.revision}`,
  started: (e) => `${e.member} started`,
  stopped: (e) => `${e.member} stopped`,
  killed: (e) => `${e.member} killed`,
  'conf-change': (e) => `${e.member} applied a membership change: ${e.id} ${CHANGE_EN[e.change]}`,
  joined: (e) => `${e.member} joins as ${e.id}`,
  partition: (e) => `partition ${e.groups.map((g) => g.join(',')).join(' | ')}`,
  isolate: (e) => `isolate ${e.member}`,
  heal: () => 'heal: the network is whole again',
  latency: (e) => `latency ${e.ms} ms`,
  loss: (e) => `loss ${e.percent}%`,
  'engine-error': (e) => e.message,
  message: (e) => `${e.dropped ? 'dropped' : 'sent'} ${e.msgType} ${e.from}->${e.to} term ${e.term}`,
  'lease-expired': (e) =>
    `lease ${e.id} expired on ${e.member}${e.keys.length ? `; its keys go with it: ${e.keys.join(', ')}` : ''}`,
  'watch-delivered': (e) =>
    `watch ${e.watchId} on ${e.member} delivered ${e.events.map((x) => `${x.type} ${x.key}`).join(', ')}`,
  command: (e) => `${e.terminal}$ ${e.line}`,
};

const zh: Describe<'zh'> = {
  campaign: (e) =>
    e.pre
      ? `${e.member} 为任期 ${e.term} 发起预投票：${CAUSE_ZH[e.cause]}`
      : `${e.member} 在任期 ${e.term} 发起选举：${CAUSE_ZH[e.cause]}`,
  vote: (e) =>
    e.granted
      ? `${e.member} 把${e.pre ? '预投票' : '选票'}投给 ${e.candidate}（任期 ${e.term}）`
      : `${e.member} 拒绝给 ${e.candidate} ${e.pre ? '预投票' : '投票'}（任期 ${e.term}）：${REFUSAL_ZH[e.refusal ?? 'log-behind'](e)}`,
  'vote-ignored': (e) =>
    `${e.member} 忽略 ${e.candidate} 的${e.pre ? '预投票' : '投票'}请求（任期 ${e.term}）：它还能收到在任 leader 的消息`,
  'campaign-lost': (e) => `${e.member} 在任期 ${e.term} 的${e.pre ? '预投票' : '选举'}失败：多数成员拒绝了它`,
  'quorum-lost': (e) => `${e.member} 在任期 ${e.term} 退位：它联系不上多数成员`,
  leader: (e) => `${e.member} 在任期 ${e.term} 成为 leader`,
  follows: (e) => `${e.member} 跟随 ${e.leader}（任期 ${e.term}）`,
  'leader-lost': (e) => `${e.member} 失去了 leader（任期 ${e.term}）`,
  transfer: (e) => `${e.member} 把领导权移交给 ${e.to}（任期 ${e.term}）`,
  commit: (e) => `${e.member} 提交了索引 ${e.index}：${e.op}`,
  snapshot: (e) => `${e.member} 在 ${e.index} 处做了快照，日志从 ${e.firstIndex} 开始`,
  'snapshot-installed': (e) => `${e.member} 安装了 ${e.index} 处的快照`,
  compaction: (e) => `${e.member} 在版本 ${e.revision} 处压缩了键空间`,
  started: (e) => `${e.member} 已启动`,
  stopped: (e) => `${e.member} 已停止`,
  killed: (e) => `${e.member} 被强行终止`,
  'conf-change': (e) => `${e.member} 应用了成员变更：${CHANGE_ZH[e.change]} ${e.id}`,
  joined: (e) => `${e.member} 以 ${e.id} 的身份加入`,
  partition: (e) => `网络分区 ${e.groups.map((g) => g.join(',')).join(' | ')}`,
  isolate: (e) => `隔离 ${e.member}`,
  heal: () => '网络恢复：分区已消除',
  latency: (e) => `网络延迟 ${e.ms} 毫秒`,
  loss: (e) => `丢包率 ${e.percent}%`,
  'engine-error': (e) => e.message,
  message: (e) => `${e.dropped ? '丢弃' : '发送'} ${e.msgType} ${e.from}->${e.to} 任期 ${e.term}`,
  'lease-expired': (e) =>
    `租约 ${e.id} 在 ${e.member} 上到期${e.keys.length ? `，它的键随之删除：${e.keys.join(', ')}` : ''}`,
  'watch-delivered': (e) =>
    `${e.member} 上的 watch ${e.watchId} 推送了 ${e.events.map((x) => `${x.type} ${x.key}`).join(', ')}`,
  command: (e) => `${e.terminal}$ ${e.line}`,
};

const BY_LANG: Record<Lang, Describe<Lang>> = { en, zh };

export function describeEvent(e: SimEvent, lang: Lang = 'en'): string {
  const f = BY_LANG[lang][e.type] as (e: SimEvent) => string;
  return f(e);
}
