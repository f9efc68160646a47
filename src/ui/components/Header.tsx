// The top bar: the virtual clock, time controls, the session (reset, export, import, share
// link) and the theme.
import { useRef, useState } from 'react';
import type { EngineClient } from '../engineClient.ts';
import { downloadSession } from '../session/download.ts';
import { setLang, useStore } from '../store.ts';
import { useT } from '../useT.ts';

const SPEEDS = [0.01, 0.1, 0.25, 0.5, 1, 2, 5, 10];

export function Header({ engine }: { engine: EngineClient }) {
  const clock = useStore((s) => s.clock);
  const speed = useStore((s) => s.speed);
  const theme = useStore((s) => s.theme);
  const seed = useStore((s) => s.seed);
  const set = useStore((s) => s.set);
  const lang = useStore((s) => s.lang);
  const t = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<string>();

  const exportSession = () => downloadSession(engine.sessionFile(), `etcd-playground-session-${seed}.json`);

  const importSession = async (file: File) => {
    try {
      // The validator loads with the first import: it is not part of the first load.
      const { parseSession } = await import('../../engine/session/sessionFile.ts');
      const session = parseSession(JSON.parse(await file.text()));
      if (session.terminals && session.terminals.length >= 2)
        set({ terminals: session.terminals, panes: [session.terminals[0].id, session.terminals[1].id] });
      await engine.start(session.seed, session);
    } catch (e) {
      set({ notice: `could not import ${file.name}: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const share = async () => {
    // The link's encoder loads with the first share: it is not part of the first load.
    const { encodeShareFragment } = await import('../session/shareLink.ts');
    const url = `${location.origin}${location.pathname}${await encodeShareFragment(engine.sessionFile())}`;
    setLink(url);
    await navigator.clipboard?.writeText(url).catch(() => {});
  };

  return (
    <header className="top">
      <strong>etcd Playground</strong>
      <small>{t('app.tagline')}</small>
      <small className="clock" role="status">
        {t('time.clock', { s: (clock.virtualMs / 1000).toFixed(3) })}
        {clock.paused ? t('time.paused') : ''}
      </small>
      <fieldset className="group" aria-label="time controls">
        <button type="button" onClick={() => engine.time(clock.paused ? 'resume' : 'pause')}>
          {clock.paused ? t('time.resume') : t('time.pause')}
        </button>
        <button type="button" disabled={!clock.paused} onClick={() => engine.time('step')}>
          {t('time.step')}
        </button>
        <button
          type="button"
          disabled={!clock.paused}
          title={t('time.untilTitle')}
          onClick={() => engine.time('until')}
        >
          {t('time.until')}
        </button>
        <label>
          {t('time.speed')}{' '}
          <select
            aria-label="speed"
            value={String(speed)}
            onChange={(e) => {
              const x = Number(e.target.value);
              set({ speed: x });
              engine.speed(x);
            }}
          >
            {SPEEDS.map((x) => (
              <option key={x} value={String(x)}>
                {x}×
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset className="group" aria-label="session">
        <button type="button" onClick={() => void engine.reset((seed % 4_294_967_295) + 1)}>
          {t('session.reset')}
        </button>
        <button type="button" onClick={exportSession}>
          {t('session.export')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('session.import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label="session file"
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importSession(f);
            e.target.value = '';
          }}
        />
        <button type="button" onClick={() => void share()}>
          {t('session.share')}
        </button>
        <button type="button" onClick={() => set({ theme: theme === 'dark' ? 'light' : 'dark' })}>
          {theme === 'dark' ? t('session.light') : t('session.dark')}
        </button>
        <select aria-label="language" value={lang} onChange={(e) => setLang(e.target.value === 'zh' ? 'zh' : 'en')}>
          <option value="en">English</option>
          <option value="zh">中文</option>
        </select>
      </fieldset>
      {link && (
        <div className="share" role="dialog" aria-label="share link">
          <input readOnly aria-label="link" value={link} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => setLink(undefined)}>
            {t('session.close')}
          </button>
        </div>
      )}
    </header>
  );
}
