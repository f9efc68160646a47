// Saving a session file to the learner's disk (the Export button, and the notices that offer it).
import type { SessionFile } from '../../engine/session/sessionFile.ts';

export function downloadSession(file: SessionFile, name = `etcd-playground-session-${file.seed}.json`): void {
  const blob = new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}
