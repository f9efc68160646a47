// The inspector beside the terminals: keyspace, watches, leases and the event log, one at a time.
import { lazy, Suspense } from 'react';
import type { UiKey } from '../../i18n/ui.ts';
import type { EngineClient } from '../engineClient.ts';
import { type Inspector as Tab, useStore } from '../store.ts';
import { useT } from '../useT.ts';
import { leaderLeases } from '../viewModel.ts';
import { EventLog } from './EventLog.tsx';
import { Keyspace } from './Keyspace.tsx';
import { Leases } from './Leases.tsx';
import { Script } from './Script.tsx';
import { Watches } from './Watches.tsx';

const TABS: [Tab, UiKey][] = [
  ['lesson', 'tabs.lesson'],
  ['keyspace', 'tabs.keyspace'],
  ['watches', 'tabs.watches'],
  ['leases', 'tabs.leases'],
  ['events', 'tabs.events'],
  ['script', 'tabs.script'],
];

// The lessons (their text in two languages) load after the terminal is ready, not with the first load.
const LessonPanel = lazy(() => import('./LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));

export function Inspector({ engine }: { engine: EngineClient }) {
  const tab = useStore((s) => s.inspector);
  const set = useStore((s) => s.set);
  const view = useStore((s) => s.view);
  const t = useT();
  return (
    <aside className="inspector" aria-label="inspector">
      <div className="tabs" role="tablist" aria-label="inspector panels">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => set({ inspector: id })}>
            {t(label)}
            {id === 'watches' && view ? ` (${view.watches.filter((w) => w.state === 'active').length})` : ''}
            {id === 'leases' && view ? ` (${leaderLeases(view).length})` : ''}
          </button>
        ))}
      </div>
      {tab === 'lesson' && (
        <Suspense fallback={null}>
          <LessonPanel engine={engine} />
        </Suspense>
      )}
      {view && tab === 'keyspace' && <Keyspace engine={engine} view={view} />}
      {view && tab === 'watches' && <Watches view={view} />}
      {view && tab === 'leases' && <Leases view={view} />}
      {view && tab === 'events' && <EventLog view={view} />}
      {tab === 'script' && <Script engine={engine} />}
    </aside>
  );
}
