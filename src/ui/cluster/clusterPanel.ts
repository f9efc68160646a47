// The cluster panel: one card per member (role, term, vote, commit / applied, the tail of its
// log colored by term) with its failure controls, and a network control. Cards are built once
// per member and only their text changes, so a button keeps focus while the view updates.
import type { ClusterView, ControlAction, MemberView } from '../../worker/protocol.ts';

const ROLE_COLOR: Record<MemberView['role'], string> = {
  leader: '#e3b341',
  follower: '#58a6ff',
  candidate: '#f0883e',
  precandidate: '#f0883e',
  learner: '#a371f7',
  stopped: '#6e7681',
};

/** A term's color: neighbouring terms differ, so a new leader's entries stand out. */
const termColor = (term: number) => `hsl(${(term * 67) % 360} 55% 45%)`;

interface Card {
  root: HTMLElement;
  role: HTMLElement;
  facts: HTMLElement;
  log: HTMLElement;
  buttons: Record<'stop' | 'kill' | 'start' | 'isolate' | 'transfer', HTMLButtonElement>;
}

export class ClusterPanel {
  private readonly cards = new Map<string, Card>();
  private readonly list: HTMLElement;
  private readonly status: HTMLElement;

  constructor(
    container: HTMLElement,
    private readonly control: (action: ControlAction, member?: string) => void,
  ) {
    container.innerHTML = `
      <div class="cluster-head"><h2>cluster</h2><span class="cluster-status" role="status"></span>
      <button type="button" class="heal">heal network</button></div>
      <div class="members"></div>`;
    this.list = container.querySelector('.members')!;
    this.status = container.querySelector('.cluster-status')!;
    container.querySelector<HTMLButtonElement>('.heal')!.onclick = () => this.control('heal');
  }

  update(view: ClusterView): void {
    const leader = view.members.find((m) => m.role === 'leader');
    this.status.textContent = leader ? `leader ${leader.name}, term ${leader.term}` : 'no leader';
    // Cut links come as "from->to": a member on either end of one is (partly) cut off.
    const cutOff = new Set(view.cut.flatMap((link) => link.split('->')));
    for (const m of view.members) this.render(this.card(m.name), m, cutOff.has(m.name));
  }

  private card(name: string): Card {
    let c = this.cards.get(name);
    if (c) return c;
    const root = document.createElement('article');
    root.className = 'member';
    root.setAttribute('aria-label', name);
    root.innerHTML = `<header><strong>${name}</strong> <span class="role"></span></header>
      <div class="facts"></div><div class="log" aria-hidden="true"></div><div class="controls"></div>`;
    const controls = root.querySelector('.controls')!;
    const button = (action: keyof Card['buttons'], label: string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.setAttribute('aria-label', `${label} ${name}`);
      b.onclick = () => this.control(action, name);
      controls.append(b);
      return b;
    };
    c = {
      root,
      role: root.querySelector('.role')!,
      facts: root.querySelector('.facts')!,
      log: root.querySelector('.log')!,
      buttons: {
        stop: button('stop', 'stop'),
        kill: button('kill', 'kill'),
        start: button('start', 'start'),
        isolate: button('isolate', 'isolate'),
        transfer: button('transfer', 'make leader'),
      },
    };
    this.cards.set(name, c);
    this.list.append(root);
    return c;
  }

  private render(c: Card, m: MemberView, isolated: boolean): void {
    c.role.textContent = isolated && m.running ? `${m.role} (cut off)` : m.role;
    c.role.style.color = ROLE_COLOR[m.role];
    c.root.dataset.role = m.role;
    c.facts.textContent = m.running
      ? `term ${m.term} · vote ${m.vote || '–'} · commit ${m.commit} · applied ${m.applied} · rev ${m.revision}`
      : 'stopped';
    c.buttons.stop.disabled = !m.running;
    c.buttons.kill.disabled = !m.running;
    c.buttons.start.disabled = m.running;
    c.buttons.isolate.disabled = !m.running || isolated;
    c.buttons.transfer.disabled = !m.running || m.role === 'leader';
    const cells = m.log.map(
      (e) =>
        `<span title="index ${e.index}, term ${e.term}, ${e.kind}" style="background:${termColor(e.term)};opacity:${e.committed ? 1 : 0.45}"></span>`,
    );
    const html = cells.join('');
    if (c.log.innerHTML !== html) c.log.innerHTML = html;
  }
}
