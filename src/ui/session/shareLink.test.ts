import { describe, expect, it } from 'vitest';
import type { SessionFile } from '../../engine/session/sessionFile.ts';
import { decodeShareFragment, encodeShareFragment } from './shareLink.ts';

const session: SessionFile = {
  format: 'etcd-playground-session',
  version: 1,
  seed: 42,
  endMs: 5000.5,
  endEvents: 900,
  inputs: [
    { at: 1200.25, n: 300, kind: 'exec', terminal: 't1', line: 'etcdctl put foo "Hello World"' },
    { at: 2500, n: 600, kind: 'control', action: 'kill', member: 'infra1' },
  ],
  terminals: [
    { id: 't1', title: 'terminal 1' },
    { id: 't2', title: 'terminal 2' },
  ],
};

describe('share links', () => {
  it('carry a whole session in the URL fragment, compressed, and give it back unchanged', async () => {
    const fragment = await encodeShareFragment(session);
    expect(fragment).toMatch(/^#session=[A-Za-z0-9_-]+$/);
    expect(await decodeShareFragment(fragment)).toEqual(session);
  });

  it('are shorter than the JSON they carry once a session has some length', async () => {
    const long = { ...session, inputs: Array.from({ length: 200 }, (_, i) => ({ ...session.inputs[0], at: i, n: i })) };
    expect((await encodeShareFragment(long)).length).toBeLessThan(JSON.stringify(long).length / 4);
  });

  it('say why a damaged or foreign fragment is refused', async () => {
    expect(await decodeShareFragment('')).toBeUndefined();
    await expect(decodeShareFragment('#session=@@@')).rejects.toThrow(/damaged/);
    await expect(decodeShareFragment('#session=AAAA')).rejects.toThrow(/damaged/);
    const foreign = await encodeShareFragment({ ...session, format: 'other' } as unknown as SessionFile);
    await expect(decodeShareFragment(foreign)).rejects.toThrow(/not a playground session: format/);
  });
});
