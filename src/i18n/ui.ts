// The page's own words in each language it speaks (rosetta looks them up and fills in {{params}}).
// etcd's, bash's and curl's output is never translated: only what the playground itself says.
import rosetta from 'rosetta';
import type { Lang } from './lang.ts';

export const en = {
  app: {
    tagline: 'a simulated etcd 3.4 cluster',
    exportSession: 'export the session',
    dismiss: 'dismiss',
    language: 'language',
  },
  time: {
    clock: 'virtual time {{s}} s',
    paused: ' (paused)',
    pause: 'pause',
    resume: 'resume',
    step: 'step',
    until: 'run until something happens',
    untilTitle: 'run until an election, a commit, a fault or a command happens',
    speed: 'speed',
  },
  session: {
    reset: 'reset',
    export: 'export',
    import: 'import',
    share: 'share link',
    close: 'close',
    light: 'light theme',
    dark: 'dark theme',
  },
  tabs: {
    lesson: 'lessons',
    keyspace: 'keyspace',
    watches: 'watches',
    leases: 'leases',
    events: 'event log',
    script: 'script',
  },
  cluster: {
    title: 'cluster',
    leader: 'leader {{name}}, term {{term}}',
    noLeader: 'no leader',
  },
  keyspace: {
    revision: 'revision',
    compacted: 'compacted',
    storeOf: 'store of',
    theLeader: 'the leader ({{name}})',
    empty: 'No keys yet. Try `etcdctl put foo bar`.',
    key: 'key',
    value: 'value',
    create: 'create',
    mod: 'mod',
    version: 'version',
    lease: 'lease',
    more: 'and {{n}} more keys',
    deletedAt: '(deleted at revision {{rev}})',
    historyOf: 'history of {{key}}',
    generation: 'generation {{n}}',
    v2Title: 'v2 store',
    v2Index: 'index {{index}}',
    v2Empty: 'No v2 keys. Try `curl -s http://127.0.0.1:2379/v2/keys/site -X PUT -d value=www`.',
    v2Ttl: '{{s}} s left',
    v2Apart:
      'The v2 API (curl /v2/keys, ETCDCTL_API=2) keeps its own tree: v3 keys never appear here, nor v2 keys in the keyspace above.',
  },
  lesson: {
    choose: 'Choose a lesson',
    sandbox: 'sandbox (no lesson)',
    sandboxText: 'No lesson: the cluster is yours to try anything on.',
    start: 'start',
    step: 'step {{n}} of {{of}}',
    goals: 'goals',
    hint: 'hint',
    solution: 'show solution',
    why: 'why not yet?',
    reset: 'reset lesson',
    next: 'next step',
    previous: 'previous step',
    done: 'Step done.',
    lessonDone: 'Lesson complete.',
    allGoalsMet: 'Every goal is met.',
    copy: 'copy my state',
    copied: 'copied',
    needs: 'needs the program runner',
    progress: '{{done}} of {{of}} steps done',
    back: 'all lessons',
  },
};

export type UiDict = typeof en;

export const zh: UiDict = {
  app: {
    tagline: '模拟的 etcd 3.4 集群',
    exportSession: '导出会话',
    dismiss: '关闭',
    language: '语言',
  },
  time: {
    clock: '虚拟时间 {{s}} 秒',
    paused: '（已暂停）',
    pause: '暂停',
    resume: '继续',
    step: '单步',
    until: '运行到有事发生',
    untilTitle: '一直运行，直到发生选举、提交、故障或命令',
    speed: '速度',
  },
  session: {
    reset: '重置',
    export: '导出',
    import: '导入',
    share: '分享链接',
    close: '关闭',
    light: '浅色主题',
    dark: '深色主题',
  },
  tabs: {
    lesson: '课程',
    keyspace: '键空间',
    watches: '监听',
    leases: '租约',
    events: '事件日志',
    script: '脚本',
  },
  cluster: {
    title: '集群',
    leader: 'leader 是 {{name}}，任期 {{term}}',
    noLeader: '没有 leader',
  },
  keyspace: {
    revision: '版本',
    compacted: '已压缩至',
    storeOf: '查看',
    theLeader: 'leader（{{name}}）',
    empty: '还没有键。试试 `etcdctl put foo bar`。',
    key: '键',
    value: '值',
    create: '创建',
    mod: '修改',
    version: '版本号',
    lease: '租约',
    more: '还有 {{n}} 个键',
    deletedAt: '（已在版本 {{rev}} 删除）',
    historyOf: '{{key}} 的历史',
    generation: '第 {{n}} 代',
    v2Title: 'v2 存储',
    v2Index: '索引 {{index}}',
    v2Empty: '没有 v2 键。试试 `curl -s http://127.0.0.1:2379/v2/keys/site -X PUT -d value=www`。',
    v2Ttl: '还剩 {{s}} 秒',
    v2Apart:
      'v2 API（curl /v2/keys、ETCDCTL_API=2）有自己的一棵树：v3 的键不会出现在这里，v2 的键也不会出现在上面的键空间里。',
  },
  lesson: {
    choose: '选择一节课',
    sandbox: '沙盒（不上课）',
    sandboxText: '不在课程中：这个集群随你试验。',
    start: '开始',
    step: '第 {{n}} 步，共 {{of}} 步',
    goals: '目标',
    hint: '提示',
    solution: '显示答案',
    why: '为什么还没完成？',
    reset: '重新开始本课',
    next: '下一步',
    previous: '上一步',
    done: '这一步完成了。',
    lessonDone: '本课完成。',
    allGoalsMet: '所有目标都已达成。',
    copy: '复制我的状态',
    copied: '已复制',
    needs: '需要程序运行器',
    progress: '已完成 {{done}} / {{of}} 步',
    back: '全部课程',
  },
};

export const DICTS: Record<Lang, UiDict> = { en, zh };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the page's words, as `section.name`. */
export type UiKey = Leaves<UiDict>;

const i18n = rosetta<UiDict>(DICTS);

export function translate(lang: Lang, key: UiKey, params?: Record<string, string | number>): string {
  return i18n.t(key, params ?? {}, lang);
}
