import { runFuzz } from '../src/engine/sim/fuzz.ts';

const r = runFuzz({ seed: Number(process.argv[2]) });
console.log(r.failure, r.message);
const key = /key (\w)/.exec(r.message ?? '')?.[1];
if (r.history && key)
  for (const o of r.history.filter((o) => o.op.key === key))
    console.log(
      o.client,
      o.call.toFixed(1),
      o.ret === Infinity ? 'inf' : o.ret.toFixed(1),
      JSON.stringify(o.op),
      JSON.stringify(o.result),
      o.unknown ? 'UNKNOWN' : '',
    );
