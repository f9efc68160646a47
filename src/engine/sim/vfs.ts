// A tiny in-memory file system: where `snapshot save my.db` writes and `cat` reads.

export class VirtualFs {
  private readonly files = new Map<string, string>();

  private norm(cwd: string, path: string): string {
    const abs = path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
    const parts: string[] = [];
    for (const p of abs.split('/')) {
      if (!p || p === '.') continue;
      if (p === '..') parts.pop();
      else parts.push(p);
    }
    return '/' + parts.join('/');
  }

  write(cwd: string, path: string, data: string): void {
    this.files.set(this.norm(cwd, path), data);
  }

  read(cwd: string, path: string): string | undefined {
    return this.files.get(this.norm(cwd, path));
  }

  exists(cwd: string, path: string): boolean {
    return this.files.has(this.norm(cwd, path));
  }

  list(): string[] {
    return [...this.files.keys()].sort();
  }
}
