// The lesson player: the lessons to choose from, and for the lesson under way its steps, the
// step's text and goals (met or not, and why not), hints that get more specific, the solution
// typed for the learner, next / previous, reset, and "copy my state" to ask a teacher.
import { Fragment, type ReactNode, useEffect, useMemo, useState } from 'react';
import type { Verdict } from '../../lessons/checker.ts';
import { goalLabel } from '../../lessons/checker.ts';
import { LESSONS, lessonById } from '../../lessons/index.ts';
import { type Lesson, membersMeant, type SolutionInput, type Text } from '../../lessons/model.ts';
import { StepProgress } from '../../lessons/progress.ts';
import type { ClusterView } from '../../worker/protocol.ts';
import type { EngineClient } from '../engineClient.ts';
import { type LessonProgress, loadProgress, saveProgress } from '../lessonState.ts';
import { useStore } from '../store.ts';
import { useT } from '../useT.ts';

/** `code`, **bold** and paragraphs: all the Markdown lessons use. */
function Rich({ text }: { text: string }) {
  return (
    <>
      {text.split('\n\n').map((para, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
        <p key={i}>{inline(para)}</p>
      ))}
    </>
  );
}

function inline(s: string): ReactNode[] {
  return s.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, i) =>
    part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: pieces of a fixed text
      <code key={i}>{part.slice(1, -1)}</code>
    ) : part.startsWith('**') ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: pieces of a fixed text
      <strong key={i}>{part.slice(2, -2)}</strong>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: pieces of a fixed text
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

export function LessonPanel({ engine }: { engine: EngineClient }) {
  const lang = useStore((s) => s.lang);
  const view = useStore((s) => s.view);
  const ready = useStore((s) => s.ready);
  const t = useT();
  const [progress, setProgress] = useState<LessonProgress>(loadProgress);
  const [hints, setHints] = useState(0);
  const [why, setWhy] = useState(false);
  const [typing, setTyping] = useState(false);
  const [copied, setCopied] = useState(false);
  const place = progress.place;
  const lesson = place ? lessonById(place.lesson) : undefined;
  const step = lesson && place ? lesson.steps[place.step] : undefined;
  const say = (x: Text) => x[lang];

  const update = (p: LessonProgress) => {
    saveProgress(p);
    setProgress(p);
  };

  // The step being judged: one per step begun (a new begin, a reload), fed by what the terminals print.
  const stepKey = place ? `${place.lesson}:${place.step}:${place.sinceSeq}` : '';
  const [tracked, setTracked] = useState<{ key: string; tracker: StepProgress | undefined }>({
    key: '',
    tracker: undefined,
  });
  let tracker = tracked.key === stepKey ? tracked.tracker : undefined;
  if (tracked.key !== stepKey) {
    tracker = step && place ? new StepProgress(step.goals, place.start, place.sinceSeq) : undefined;
    tracker?.latch(place?.latched ?? []);
    setTracked({ key: stepKey, tracker });
  }
  useEffect(
    () => (tracker ? engine.onOutput((terminal, text) => tracker.printed(text, terminal)) : undefined),
    [engine, tracker],
  );
  const verdicts: Verdict[] = useMemo(() => (tracker && view ? tracker.judge(view) : []), [tracker, view]);
  const allMet = verdicts.length > 0 && verdicts.every((v) => v.met);

  // Goals that happened stay met across reloads; a step whose goals are all met is done.
  const latched = tracker?.latchedGoals.join(',') ?? '';
  useEffect(() => {
    if (!place || !lesson || !tracker) return;
    const done = progress.done[lesson.id] ?? [];
    const nowDone = allMet && !done.includes(place.step);
    if (latched !== place.latched.join(',') || nowDone)
      update({
        place: { ...place, latched: tracker.latchedGoals },
        done: nowDone ? { ...progress.done, [lesson.id]: [...done, place.step] } : progress.done,
      });
  });

  const begin = (l: Lesson, stepIndex: number) => {
    const v = useStore.getState().view;
    if (!v) return;
    const sp = StepProgress.begin(l.steps[stepIndex].goals, v);
    setHints(0);
    setWhy(false);
    update({
      ...progress,
      place: { lesson: l.id, step: stepIndex, start: sp.start, sinceSeq: sp.sinceSeq, latched: [] },
    });
  };

  const startLesson = async (l: Lesson) => {
    await engine.startLesson(l.setup.seed ?? 1, l.setup.members ?? 3);
    for (const line of l.setup.commands ?? []) await engine.runLine('t1', line);
    await waitForView();
    begin(l, 0);
  };

  const typeSolution = async (inputs: readonly SolutionInput[]) => {
    setTyping(true);
    try {
      for (const i of inputs) {
        if ('terminal' in i) {
          // A long-running command (a watch) goes on while the next input is typed.
          const exit = engine.runLine(i.terminal, i.line);
          await Promise.race([exit, sleep(1500)]);
        } else if ('interrupt' in i) {
          engine.interruptTerminal(i.interrupt);
          await sleep(200);
        } else if ('wait' in i) await sleep(i.wait);
        else if ('member' in i) {
          const v = useStore.getState().view;
          for (const member of v ? membersMeant(i.member, v) : []) engine.control(i.control, { member });
          await sleep(300);
        } else engine.control(i.control);
      }
    } finally {
      setTyping(false);
    }
  };

  const copyState = async () => {
    if (!lesson || !step || !view) return;
    const lines = [
      `etcd Playground — ${say(lesson.title)}: ${t('lesson.step', { n: (place?.step ?? 0) + 1, of: lesson.steps.length })} ${say(step.title)}`,
      ...step.goals.map((g, i) => {
        const v = verdicts[i];
        return `${v?.met ? '[x]' : '[ ]'} ${say(goalLabel(g))}${v && !v.met && v.why ? ` — ${say(v.why)}` : ''}`;
      }),
      '',
      ...view.members.map(
        (m) => `${m.name}: ${m.role}, term ${m.term}, commit ${m.commit}, applied ${m.applied}, revision ${m.revision}`,
      ),
      `keys: ${(view.keyspace?.keys ?? [])
        .filter((k) => !k.deleted)
        .map((k) => `${k.key}=${k.value}`)
        .join(', ')}`,
    ];
    await navigator.clipboard?.writeText(lines.join('\n')).catch(() => {});
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  if (!lesson || !step || !place)
    return (
      <section className="panel lessons" aria-label="lessons">
        <h2>{t('lesson.choose')}</h2>
        <ol className="lesson-list">
          {LESSONS.map((l) => {
            const done = progress.done[l.id]?.length ?? 0;
            return (
              <li key={l.id}>
                <strong>{say(l.title)}</strong> <small>{t('lesson.progress', { done, of: l.steps.length })}</small>
                <p>{say(l.summary)}</p>
                {l.needs ? (
                  <em>{t('lesson.needs')}</em>
                ) : (
                  <button
                    type="button"
                    disabled={!ready}
                    aria-label={`start lesson ${l.id}`}
                    onClick={() => void startLesson(l)}
                  >
                    {t('lesson.start')}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        <h3>{t('lesson.sandbox')}</h3>
        <p className="empty">{t('lesson.sandboxText')}</p>
      </section>
    );

  const doneSteps = progress.done[lesson.id] ?? [];
  return (
    <section className="panel lessons" aria-label="lesson">
      <div className="panel-head">
        <button type="button" onClick={() => update({ ...progress, place: undefined })}>
          {t('lesson.back')}
        </button>
        <strong>{say(lesson.title)}</strong>
      </div>
      <ol className="step-list" aria-label="steps">
        {lesson.steps.map((s, i) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: a lesson's steps are fixed
            key={i}
            aria-current={i === place.step ? 'step' : undefined}
            className={doneSteps.includes(i) ? 'done' : undefined}
          >
            {doneSteps.includes(i) ? '✓ ' : ''}
            {say(s.title)}
          </li>
        ))}
      </ol>
      <h3>
        {t('lesson.step', { n: place.step + 1, of: lesson.steps.length })}: {say(step.title)}
      </h3>
      <div className="lesson-text">
        <Rich text={say(step.text)} />
      </div>
      <h4>{t('lesson.goals')}</h4>
      <ul className="goals" aria-label="goals">
        {step.goals.map((g, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step's goals are fixed
          <li key={i} data-met={verdicts[i]?.met ? 'yes' : 'no'}>
            {verdicts[i]?.met ? '✓' : '○'} {inline(say(goalLabel(g)))}
            {why && verdicts[i] && !verdicts[i].met && verdicts[i].why && (
              <div className="why" role="note">
                {inline(say(verdicts[i].why!))}
              </div>
            )}
          </li>
        ))}
      </ul>
      {allMet && (
        <div className="explain" role="status">
          <strong>{place.step + 1 === lesson.steps.length ? t('lesson.lessonDone') : t('lesson.done')}</strong>{' '}
          <Rich text={say(step.explain)} />
        </div>
      )}
      {step.hints.slice(0, hints).map((h, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: hints of a fixed step
        <p key={i} className="hint">
          <strong>{t('lesson.hint')}:</strong> {inline(say(h))}
        </p>
      ))}
      <div className="lesson-buttons">
        <button type="button" disabled={allMet} onClick={() => setWhy(true)}>
          {t('lesson.why')}
        </button>
        <button type="button" disabled={hints >= step.hints.length} onClick={() => setHints(hints + 1)}>
          {t('lesson.hint')}
        </button>
        <button type="button" disabled={typing} onClick={() => void typeSolution(step.solution)}>
          {t('lesson.solution')}
        </button>
        <button type="button" disabled={place.step === 0} onClick={() => begin(lesson, place.step - 1)}>
          {t('lesson.previous')}
        </button>
        <button
          type="button"
          disabled={place.step + 1 >= lesson.steps.length}
          onClick={() => begin(lesson, place.step + 1)}
        >
          {t('lesson.next')}
        </button>
        <button type="button" onClick={() => void startLesson(lesson)}>
          {t('lesson.reset')}
        </button>
        <button type="button" onClick={() => void copyState()}>
          {copied ? t('lesson.copied') : t('lesson.copy')}
        </button>
      </div>
    </section>
  );
}

/** Virtual ms a lesson's cluster runs before its first step (the headless check waits as long). */
const SETTLE_MS = 2000;

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A cluster just started, settled: a leader, and its members have published their names (as the headless check waits). */
function waitForView(): Promise<void> {
  // The clock, not the picture: a quiet cluster dozes and sends no new pictures.
  const settled = (s: { view: ClusterView | undefined; clock: { virtualMs: number } }) =>
    !!s.view?.leader && s.clock.virtualMs >= SETTLE_MS;
  return new Promise((resolve) => {
    if (settled(useStore.getState())) return resolve();
    const stop = useStore.subscribe((s) => {
      if (settled(s)) {
        stop();
        resolve();
      }
    });
  });
}
