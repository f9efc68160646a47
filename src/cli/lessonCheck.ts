// `etcd-playground lesson check [LESSON…] [--lang zh]`: play each lesson's solutions headless and
// print every goal's verdict, with the step's explanation (in Chinese with --lang zh).

import type { Lang } from '../i18n/lang.ts';
import { goalLabel } from '../lessons/checker.ts';
import { LESSONS, lessonById } from '../lessons/index.ts';
import { LessonRun } from './lessonRun.ts';

const VERDICT = { en: { met: 'met', not: 'NOT MET' }, zh: { met: '达成', not: '未达成' } };

export function lessonCheck(args: string[], write: (s: string) => void): number {
  let lang: Lang = 'en';
  const ids: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--lang' || a.startsWith('--lang=')) {
      const l = a === '--lang' ? args[++i] : a.slice(7);
      if (l !== 'en' && l !== 'zh') {
        write(`unknown language ${JSON.stringify(l)}: en or zh\n`);
        return 2;
      }
      lang = l;
    } else ids.push(a);
  }
  const unknown = ids.filter((id) => !lessonById(id));
  if (unknown.length) {
    write(`no such lesson: ${unknown.join(', ')} (lessons: ${LESSONS.map((l) => l.id).join(', ')})\n`);
    return 2;
  }
  let failed = 0;
  for (const lesson of ids.length ? ids.map((id) => lessonById(id)!) : LESSONS) {
    write(`# ${lesson.id}: ${lesson.title[lang]}\n`);
    if (lesson.needs) {
      write(`  (${lesson.needs[lang]})\n`);
      continue;
    }
    const run = new LessonRun(lesson);
    lesson.steps.forEach((step, i) => {
      run.begin(i);
      const verdicts = run.play(step.solution);
      write(`## ${i + 1}. ${step.title[lang]}\n`);
      verdicts.forEach((v, g) => {
        if (!v.met) failed++;
        write(
          `  ${v.met ? VERDICT[lang].met : VERDICT[lang].not}: ${goalLabel(step.goals[g])[lang]}${v.why ? ` — ${v.why[lang]}` : ''}\n`,
        );
      });
      write(`  ${step.explain[lang]}\n`);
    });
  }
  write(failed ? `${failed} goal${failed === 1 ? '' : 's'} not met\n` : 'every goal met\n');
  return failed ? 1 : 0;
}
