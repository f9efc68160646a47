// The first-load baseline (bench/page.ts): the smallest React page with an xterm.js terminal
// showing a prompt. The playground is measured against it in the same run.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const term = new Terminal();
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current!);
    fit.fit();
    term.write('$ ');
    performance.mark('terminal-ready');
  }, []);
  return <div ref={host} style={{ height: '400px' }} />;
}

createRoot(document.getElementById('app')!).render(<App />);
