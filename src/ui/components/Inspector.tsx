// The inspector beside the terminals: keyspace, watches, leases and the event log, one at a time.
import type { EngineClient } from '../engineClient.ts';
import { type Inspector as Tab, useStore } from '../store.ts';
import { leaderLeases } from '../viewModel.ts';
import { EventLog } from './EventLog.tsx';
import { Keyspace } from './Keyspace.tsx';
import { Leases } from './Leases.tsx';
import { Script } from './Script.tsx';
import { Watches } from './Watches.tsx';

const TABS: [Tab, string][] = [
  ['keyspace', 'keyspace'],
  ['watches', 'watches'],
  ['leases', 'leases'],
  ['events', 'event log'],
  ['script', 'script'],
];

export function Inspector({ engine }: { engine: EngineClient }) {
  const tab = useStore((s) => s.inspector);
  const set = useStore((s) => s.set);
  const view = useStore((s) => s.view);
  return (
    <aside className="inspector" aria-label="inspector">
      <div className="tabs" role="tablist" aria-label="inspector panels">
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => set({ inspector: id })}>
            {label}
            {id === 'watches' && view ? ` (${view.watches.filter((w) => w.state === 'active').length})` : ''}
            {id === 'leases' && view ? ` (${leaderLeases(view).length})` : ''}
          </button>
        ))}
      </div>
      {view && tab === 'keyspace' && <Keyspace engine={engine} view={view} />}
      {view && tab === 'watches' && <Watches view={view} />}
      {view && tab === 'leases' && <Leases view={view} />}
      {view && tab === 'events' && <EventLog view={view} />}
      {tab === 'script' && <Script engine={engine} />}
    </aside>
  );
}
