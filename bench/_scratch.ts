import BTreeExport from 'sorted-btree';
import { KeyIndex } from '../src/engine/mvcc/keyIndex.ts';

const BTree = (BTreeExport as unknown as { default?: typeof BTreeExport }).default ?? BTreeExport;
const N = 1_000_000;
const keys: string[] = [];
for (let i = 0; i < N; i++) keys.push(`key/${i.toString(36).padStart(6, '0')}`);
let s = 12345;
for (let i = keys.length - 1; i > 0; i--) {
  s = (Math.imul(s, 1103515245) + 12345) >>> 0;
  const j = s % (i + 1);
  [keys[i], keys[j]] = [keys[j], keys[i]];
}
function t(name: string, f: () => void) {
  const t0 = performance.now();
  f();
  console.log(name, (performance.now() - t0).toFixed(0), 'ms');
}
t('tree.set str', () => {
  const tr = new BTree<string, string>();
  for (let i = 0; i < N; i++) tr.set(keys[i], 'v');
});
t('tree.set KeyIndex', () => {
  const tr = new BTree<string, KeyIndex>();
  for (let i = 0; i < N; i++) tr.set(keys[i], new KeyIndex(keys[i]));
});
t('map+tree KeyIndex', () => {
  const tr = new BTree<string, KeyIndex>();
  const m = new Map();
  for (let i = 0; i < N; i++) {
    const k = new KeyIndex(keys[i]);
    m.set(keys[i], k);
    tr.set(keys[i], k);
  }
});
t('tree.get+set', () => {
  const tr = new BTree<string, string>();
  for (let i = 0; i < N; i++) {
    if (!tr.get(keys[i])) tr.set(keys[i], 'v');
  }
});
