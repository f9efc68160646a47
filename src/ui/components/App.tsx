import { useEffect } from 'react';
import type { EngineClient } from '../engineClient.ts';
import { downloadSession } from '../session/download.ts';
import { saveLayout } from '../session/storage.ts';
import { useStore } from '../store.ts';
import { useT } from '../useT.ts';
import { ClusterPanel } from './ClusterPanel.tsx';
import { Header } from './Header.tsx';
import { Inspector } from './Inspector.tsx';
import { Terminals } from './Terminals.tsx';

export function App({ engine }: { engine: EngineClient }) {
  const theme = useStore((s) => s.theme);
  const notice = useStore((s) => s.notice);
  const noticeExport = useStore((s) => s.noticeExport);
  const lang = useStore((s) => s.lang);
  const t = useT();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    for (const t of engine.terminals.values()) t.setTheme(theme);
  }, [theme, lang, engine]);
  // The layout is saved whenever it changes, so a reload brings it back.
  useEffect(
    () =>
      useStore.subscribe((s, prev) => {
        if (
          s.theme !== prev.theme ||
          s.terminals !== prev.terminals ||
          s.panes !== prev.panes ||
          s.inspector !== prev.inspector ||
          s.speed !== prev.speed
        )
          saveLayout({
            theme: s.theme,
            terminals: s.terminals,
            panes: s.panes,
            inspector: s.inspector,
            speed: s.speed,
          });
      }),
    [],
  );
  return (
    <>
      <Header engine={engine} />
      {notice && (
        <div className="notice" role="alert">
          {notice}
          {noticeExport && (
            <button type="button" onClick={() => downloadSession(noticeExport())}>
              {t('app.exportSession')}
            </button>
          )}
          <button type="button" onClick={() => useStore.getState().set({ notice: undefined, noticeExport: undefined })}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      <div className="workspace">
        <div className="left">
          <ClusterPanel engine={engine} />
          <Terminals engine={engine} />
        </div>
        <Inspector engine={engine} />
      </div>
    </>
  );
}
