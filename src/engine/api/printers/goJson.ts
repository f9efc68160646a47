// JSON as Go's encoding/json writes etcd's protobuf structs: fields in struct order, omitempty
// fields left out when zero, 64-bit integers as plain numbers (even above 2^53, which
// JSON.stringify cannot write), byte strings as base64.

import { toBase64 } from '../../base/bytes.ts';
import { goJsonText } from '../../base/goJsonText.ts';

export type J =
  | { t: 'num'; v: number | bigint }
  | { t: 'str'; v: string }
  | { t: 'bytes'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'raw'; v: string }
  | { t: 'obj'; v: [string, J | undefined][] }
  | { t: 'arr'; v: J[] };

export const num = (v: number | bigint): J => ({ t: 'num', v });
export const str = (v: string): J => ({ t: 'str', v });
export const bytes = (v: string): J => ({ t: 'bytes', v });
export const bool = (v: boolean): J => ({ t: 'bool', v });
export const obj = (...v: [string, J | undefined][]): J => ({ t: 'obj', v });
export const arr = (v: J[]): J => ({ t: 'arr', v });

/** omitempty: undefined when zero, so the field is left out. */
export const onum = (v: number | bigint | undefined): J | undefined => (v ? num(v) : undefined);
export const obytes = (v: string | undefined): J | undefined => (v ? bytes(v) : undefined);
export const obool = (v: boolean | undefined): J | undefined => (v ? bool(true) : undefined);
export const oarr = (v: J[] | undefined): J | undefined => (v?.length ? arr(v) : undefined);
export const ostr = (v: string | undefined): J | undefined => (v ? str(v) : undefined);

/** Go's encoder escapes <, > and & as \u003c, \u003e, \u0026 (HTML-safe by default). */
export function goString(s: string): string {
  return goJsonText(s);
}

export function render(j: J): string {
  switch (j.t) {
    case 'num':
      return String(j.v);
    case 'str':
      return goString(j.v);
    case 'bytes':
      return `"${toBase64(j.v)}"`;
    case 'bool':
      return j.v ? 'true' : 'false';
    case 'raw':
      return j.v;
    case 'arr':
      return `[${j.v.map(render).join(',')}]`;
    case 'obj':
      return `{${j.v
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${goString(k)}:${render(v!)}`)
        .join(',')}}`;
  }
}
