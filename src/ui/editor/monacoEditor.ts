// Monaco, loaded only when the script editor is opened (never on the first load): the editor
// API, the shell language, and the editor's own worker, all from the app's own files.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/shell/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = { getWorker: () => new EditorWorker() };

export interface ScriptEditor {
  value(): string;
  setTheme(theme: 'dark' | 'light'): void;
  dispose(): void;
}

export function createEditor(
  element: HTMLElement,
  value: string,
  theme: 'dark' | 'light',
  onChange: (value: string) => void,
): ScriptEditor {
  const editor = monaco.editor.create(element, {
    value,
    language: 'shell',
    theme: theme === 'dark' ? 'vs-dark' : 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    scrollBeyondLastLine: false,
    ariaLabel: 'script',
  });
  editor.onDidChangeModelContent(() => onChange(editor.getValue()));
  return {
    value: () => editor.getValue(),
    setTheme: (t) => monaco.editor.setTheme(t === 'dark' ? 'vs-dark' : 'vs'),
    dispose: () => editor.dispose(),
  };
}
