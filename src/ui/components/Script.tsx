// A script editor (Monaco, loaded when this panel first opens): write the commands of a lesson
// or a demo once, then run them line by line in a terminal, each waiting for the one before.
import { useEffect, useRef, useState } from 'react';
import type { ScriptEditor } from '../editor/monacoEditor.ts';
import type { EngineClient } from '../engineClient.ts';
import { useStore } from '../store.ts';
import { useT } from '../useT.ts';

const SCRIPT_KEY = 'etcd-playground:script';
const EXAMPLE = `# Lines run one after another in the terminal you pick; # starts a comment.
etcdctl put foo "Hello World"
etcdctl get foo
etcdctl --write-out=json get foo | python -m json.tool
etcdctl del foo
`;

export function Script({ engine }: { engine: EngineClient }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<ScriptEditor>(undefined);
  const theme = useStore((s) => s.theme);
  const t = useT();
  const terminals = useStore((s) => s.terminals);
  const [target, setTarget] = useState(terminals[0]?.id ?? 't1');
  const [state, setState] = useState<'loading' | 'ready' | 'running'>('loading');

  useEffect(() => {
    let disposed = false;
    void import('../editor/monacoEditor.ts').then(({ createEditor }) => {
      if (disposed || !host.current) return;
      editor.current = createEditor(
        host.current,
        localStorage.getItem(SCRIPT_KEY) ?? EXAMPLE,
        useStore.getState().theme,
        (v) => localStorage.setItem(SCRIPT_KEY, v),
      );
      setState('ready');
    });
    return () => {
      disposed = true;
      editor.current?.dispose();
      editor.current = undefined;
    };
  }, []);
  useEffect(() => editor.current?.setTheme(theme), [theme]);

  const run = async () => {
    const lines = (editor.current?.value() ?? '').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    setState('running');
    try {
      for (const line of lines) {
        const code = await engine.runLine(target, line);
        if (code === undefined) break; // the terminal was busy
      }
    } finally {
      setState('ready');
    }
  };

  return (
    <section className="panel script" aria-label="script">
      <div className="panel-head">
        <label>
          {t('script.runIn')}{' '}
          <select aria-label="run in terminal" value={target} onChange={(e) => setTarget(e.target.value)}>
            {terminals.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={state !== 'ready'} onClick={() => void run()}>
          {state === 'running' ? t('script.running') : t('script.run')}
        </button>
      </div>
      {state === 'loading' && <p className="empty">{t('script.loading')}</p>}
      <div className="editor-host" ref={host} />
    </section>
  );
}
