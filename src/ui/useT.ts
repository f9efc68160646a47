// The page's words in the learner's language, for components.
import { translate, type UiKey } from '../i18n/ui.ts';
import { useStore } from './store.ts';

export function useT(): (key: UiKey, params?: Record<string, string | number>) => string {
  const lang = useStore((s) => s.lang);
  return (key, params) => translate(lang, key, params);
}
