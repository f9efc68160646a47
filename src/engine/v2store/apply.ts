// Applying one v2 write (etcd's applyV2Request): the HTTP method and form values decide the
// store operation, as etcd's v2 keys handler does.
import type { V2Request } from '../etcdserverpb.ts';
import { V2Error, type V2Event, type V2Store } from './store.ts';

function boolParam(p: Record<string, string>, name: string): boolean | undefined {
  const v = p[name];
  if (v === undefined) return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new V2Error(209, `invalid value for "${name}"`, 0);
}

/** Validate the form as etcd's parseKeyRequest does: errors carry index 0. */
export function parseTTL(p: Record<string, string>): number | undefined {
  if (p.ttl === undefined || p.ttl === '') return undefined;
  if (!/^-?\d+$/.test(p.ttl)) throw new V2Error(202, 'invalid value for "ttl"', 0);
  return Number(p.ttl);
}

export function checkForm(method: string, p: Record<string, string>): void {
  parseTTL(p);
  boolParam(p, 'prevExist');
  boolParam(p, 'dir');
  boolParam(p, 'recursive');
  boolParam(p, 'refresh');
  if (p.prevIndex !== undefined && !/^\d+$/.test(p.prevIndex))
    throw new V2Error(203, 'invalid value for "prevIndex"', 0);
  if (boolParam(p, 'refresh') && p.value !== undefined && method === 'PUT')
    throw new V2Error(211, 'A value was provided on a refresh', 0);
  if (boolParam(p, 'refresh') && p.ttl === undefined) throw new V2Error(212, 'No TTL value set', 0);
}

export function applyV2(s: V2Store, r: V2Request): V2Event {
  const p = r.params;
  const ttl = parseTTL(p);
  const dir = boolParam(p, 'dir') ?? false;
  const prevExist = boolParam(p, 'prevExist');
  const prevIndex = p.prevIndex !== undefined ? Number(p.prevIndex) : undefined;
  const prevValue = p.prevValue;
  const refresh = boolParam(p, 'refresh') ?? false;
  switch (r.method) {
    case 'POST':
      return s.createInOrder(r.path, p.value ?? '', ttl, r.time);
    case 'DELETE':
      return s.delete(r.path, { dir, recursive: boolParam(p, 'recursive') ?? false, prevValue, prevIndex }, r.time);
    default: {
      const o = { dir, value: p.value ?? '', ttl, prevValue, prevIndex, refresh };
      if (prevExist === false) return s.set('create', r.path, o, r.time);
      if (prevValue !== undefined || prevIndex !== undefined) return s.set('compareAndSwap', r.path, o, r.time);
      if (prevExist === true) return s.set('update', r.path, o, r.time);
      return s.set('set', r.path, o, r.time);
    }
  }
}
