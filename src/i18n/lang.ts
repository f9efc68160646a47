// The languages the page speaks. etcd's, bash's and curl's own output is never translated.
export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

/** The language a browser asks for first, if the page speaks it (Chinese of any region is 中文). */
export function langFromBrowser(languages: readonly string[] | undefined): Lang {
  for (const l of languages ?? []) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}
