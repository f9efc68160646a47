// curl, with the flags the etcd tutorials use: -s -S -L -X -d/--data (repeatable, @- and
// @file) -H -i -v -o -w '%{http_code}' --fail -N, and curl's own errors and exit codes.
import { fromUtf8 } from '../../base/bytes.ts';
import { suspend, type Task } from '../../base/task.ts';
import { type HttpRequest, type HttpResponse, STATUS_TEXT } from '../http/types.ts';
import type { ProcCtx } from '../shell/process.ts';

const BOLD = (s: string) => `\x1b[1m${s}\x1b[0m`;

/** The progress meter curl draws on stderr when its output is not the terminal. */
const METER_HEAD =
  '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
  '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
  '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

function meterTail(bytes: number): string {
  const n = String(bytes).padStart(5);
  return `\r100 ${n}  100 ${n}    0     0   100k      0 --:--:-- --:--:-- --:--:--  100k\n`;
}

function meter(bytes: number): string {
  return METER_HEAD + meterTail(bytes);
}

function httpDate(unixMs: number): string {
  const d = civil(unixMs);
  const day = ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'][Math.floor(unixMs / 86_400_000) % 7];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.month - 1];
  const p = (x: number) => String(x).padStart(2, '0');
  return `${day}, ${p(d.day)} ${mon} ${d.year} ${p(d.hour)}:${p(d.minute)}:${p(d.second)} GMT`;
}

import { civilFromUnixMs as civil } from '../../base/time.ts';

/** application/x-www-form-urlencoded, as curl -d joins and sends it (it does not encode). */
/** curl's --data-urlencode: every byte but letters, digits and -._~ as %XX (a space too). */
function urlencode(s: string): string {
  let out = '';
  // Bytes: a typed argument is text (UTF-8 it), a file's content is bytes already.
  const bytes = /[^\x00-\xff]/.test(s) ? fromUtf8(s) : s;
  for (const c of bytes)
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

function joinData(parts: string[]): string {
  return parts.join('&');
}

function parseQuery(q: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of q.split('&')) {
    if (!part) continue;
    const [k, v = ''] = part.split('=');
    try {
      out[decodeURIComponent(k.replace(/\+/g, ' '))] = decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      out[k] = v;
    }
  }
  return out;
}

export function* curl(ctx: ProcCtx): Task<number> {
  const args = ctx.argv.slice(1);
  let silent = false;
  let showError = false;
  let method: string | undefined;
  const data: string[] = [];
  const headers: Record<string, string> = {};
  /** -H headers as typed, in order, for -v. */
  const typedHeaders: [string, string][] = [];
  let include = false;
  let verbose = false;
  let output: string | undefined;
  let writeOut: string | undefined;
  /** -D FILE: where the response's head goes ('-': standard output). */
  let dumpHeader: string | undefined;
  /** -G: the data goes into the URL's query, and the request is a GET. */
  let getData = false;
  let fail = false;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => {
      const v = args[++i];
      if (v === undefined) {
        ctx.stderr(
          `curl: option ${a}: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n`,
        );
      }
      return v;
    };
    if (/^-[sSLiNvf]+$/.test(a)) {
      for (const c of a.slice(1)) {
        if (c === 's') silent = true;
        else if (c === 'S') showError = true;
        else if (c === 'i') include = true;
        else if (c === 'v') verbose = true;
        else if (c === 'f') fail = true;
      }
      continue;
    }
    if (a === '--') {
      url = args[i + 1] ?? url;
      break;
    }
    if (a === '--silent') silent = true;
    else if (a === '--show-error') showError = true;
    else if (a === '--location' || a === '--no-buffer') continue;
    else if (a === '--include') include = true;
    else if (a === '--verbose') verbose = true;
    else if (a === '--fail') fail = true;
    else if (a === '-X' || a === '--request') method = value();
    else if (a.startsWith('-X') && a.length > 2) method = a.slice(2);
    else if (a === '-d' || a === '--data' || a === '--data-raw' || a === '--data-binary') {
      const v = value();
      if (v === undefined) return 2;
      if (v.startsWith('@') && a !== '--data-raw') {
        const src = v.slice(1);
        const content = src === '-' ? ctx.stdin : ctx.world.fs.read(ctx.cwd, src);
        if (content === undefined) {
          ctx.stderr(`Warning: Couldn't read data from file "${src}", this makes an empty POST.\n`);
          data.push('');
        } else data.push(a === '--data-binary' ? content : content.replace(/[\r\n]/g, ''));
      } else data.push(v);
    } else if (a === '-H' || a === '--header') {
      const v = value();
      if (v === undefined) return 2;
      const at = v.indexOf(':');
      if (at > 0) {
        headers[v.slice(0, at).trim().toLowerCase()] = v.slice(at + 1).trim();
        typedHeaders.push([v.slice(0, at).trim(), v.slice(at + 1).trim()]);
      }
    } else if (a === '-o' || a === '--output') output = value();
    else if (a === '-D' || a === '--dump-header') {
      dumpHeader = value();
      if (dumpHeader === undefined) return 2;
    } else if (a === '-G' || a === '--get') getData = true;
    else if (a === '--data-urlencode') {
      const v = value();
      if (v === undefined) return 2;
      // [name]=content, [name]@file, or content: the content percent-encoded, the name kept.
      const eq = v.indexOf('=');
      const at = v.indexOf('@');
      let name = '';
      let content = v;
      if (eq >= 0 && (at < 0 || eq < at)) {
        name = v.slice(0, eq);
        content = v.slice(eq + 1);
      } else if (at >= 0) {
        name = v.slice(0, at);
        const src = v.slice(at + 1);
        const read = src === '-' ? ctx.stdin : ctx.world.fs.read(ctx.cwd, src);
        content = read ?? '';
      }
      const encoded = urlencode(content);
      data.push(name ? `${name}=${encoded}` : encoded);
    }
    // Timeouts: every answer here comes (or is refused) at once, so they only take their value.
    else if (a === '--connect-timeout' || a === '-m' || a === '--max-time') {
      if (value() === undefined) return 2;
    } else if (a === '-w' || a === '--write-out') writeOut = value();
    else if (a.startsWith('-') && a.length > 1) {
      ctx.stderr(`curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`);
      return 2;
    } else url = a;
  }
  const err = (code: number, msg: string): number => {
    if (!silent || showError) ctx.stderr(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (!url) {
    ctx.stderr("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n");
    return 2;
  }
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^?#]*)(?:\?([^#]*))?/.exec(url);
  if (!m || (m[1] && m[1] !== 'http')) {
    if (m?.[1] === 'https') return err(35, 'error:0A00010B:SSL routines::wrong version number');
    return err(3, `URL using bad/illegal format or missing URL`);
  }
  const host = m[2];
  const port = m[3] ?? '80';
  const hostport = `${host === 'localhost' ? '127.0.0.1' : host}:${port}`;
  let queryString = m[5];
  if (getData && data.length) {
    queryString = [m[5], joinData(data)].filter(Boolean).join('&');
    data.length = 0;
  }
  const req: HttpRequest = {
    method: method ?? (data.length ? 'POST' : 'GET'),
    path: m[4] || '/',
    query: parseQuery(queryString ?? ''),
    headers: { 'content-type': data.length ? 'application/x-www-form-urlencoded' : '', ...headers },
    body: joinData(data),
  };
  if (
    req.method !== 'GET' &&
    req.method !== 'HEAD' &&
    data.length &&
    req.headers['content-type'] === 'application/x-www-form-urlencoded'
  ) {
    // etcd's v2 API reads form values from the body as well as the query.
    Object.assign(req.query, { ...parseQuery(req.body), ...req.query });
  }
  // An IP address needs no resolving: where no member listens, the connection fails (7). Only a
  // host name other than localhost is unknown here (6).
  if (!/^(\d+\.\d+\.\d+\.\d+|localhost)$/.test(host)) {
    return err(6, `Could not resolve host: ${host}`);
  }
  const w = ctx.world;
  const ip = hostport.slice(0, hostport.lastIndexOf(':'));
  const showMeter = !silent && (!ctx.stdoutIsTty || output !== undefined);
  // -v traces to stderr; "[N bytes data]" notes stand in for bodies only when stdout is not the terminal.
  const trace = (s: string) => {
    if (verbose) ctx.stderr(s);
  };
  const dataNote = (dir: '{' | '}', n: number) => {
    if (!ctx.stdoutIsTty) trace(`${dir} [${n} bytes data]\n`);
  };
  if (verbose) {
    if (showMeter) ctx.stderr(METER_HEAD);
    trace(`*   Trying ${ip}:${port}...\n`);
  }
  let resp: HttpResponse | undefined;
  let streamed = '';
  const headLines = (r: HttpResponse): [string, string][] => [
    ...r.headers,
    ['Date', httpDate(w.scheduler.unixMs())],
    r.stream ? ['Transfer-Encoding', 'chunked'] : ['Content-Length', String(r.body.length)],
    ...(r.sniffedType ? ([['Content-Type', r.sniffedType]] as [string, string][]) : []),
  ];
  function traceExchange(r: HttpResponse): void {
    if (!verbose) return;
    trace(`* Connected to ${host} (${ip}) port ${port} (#0)\n`);
    const sent: [string, string][] = [
      ['Host', `${host}:${port}`],
      ['User-Agent', 'curl/7.88.1'],
      ['Accept', '*/*'],
      ...typedHeaders,
    ];
    if (data.length) {
      if (!('content-length' in headers)) sent.push(['Content-Length', String(req.body.length)]);
      if (!('content-type' in headers)) sent.push(['Content-Type', 'application/x-www-form-urlencoded']);
    }
    const target = `${m?.[4] || '/'}${m?.[5] !== undefined ? `?${m[5]}` : ''}`;
    trace(`> ${req.method} ${target} HTTP/1.1\r\n${sent.map(([k, v]) => `> ${k}: ${v}\r\n`).join('')}> \r\n`);
    if (data.length) dataNote('}', req.body.length);
    trace(
      `< HTTP/1.1 ${r.status} ${STATUS_TEXT[r.status] ?? ''}\r\n${headLines(r)
        .map(([k, v]) => `< ${k}: ${v}\r\n`)
        .join('')}< \r\n`,
    );
  }
  const started = yield* suspend<HttpResponse | undefined>((resume) => {
    let cancelStream: (() => void) | undefined;
    const ok = w.http(hostport, req, (r) => {
      if (r.stream) {
        // Streamed bodies (watch) go out as they come; curl ends only when interrupted.
        resp = r;
        traceExchange(r);
        printHead(r);
        cancelStream = r.stream((chunk) => {
          streamed += chunk;
          dataNote('{', chunk.length);
          ctx.stdout(chunk);
        });
        return;
      }
      resume({ ok: true, value: r });
    });
    if (!ok) resume({ ok: true, value: undefined });
    return () => cancelStream?.();
  });
  function printHead(r: HttpResponse): void {
    if (!include) return;
    const bold = ctx.stdoutIsTty ? BOLD : (s: string) => s;
    ctx.stdout(
      `HTTP/1.1 ${r.status} ${STATUS_TEXT[r.status] ?? ''}\r\n${headLines(r)
        .map(([k, v]) => `${bold(k)}: ${v}\r\n`)
        .join('')}\r\n`,
    );
  }
  if (!started) {
    if (resp) return 0;
    const why = `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`;
    if (verbose) {
      trace(`* connect to ${ip} port ${port} failed: Connection refused\n* ${why}\n`);
      if (showMeter) ctx.stderr(`${METER_HEAD.slice(METER_HEAD.lastIndexOf('\r'))}\n`);
      trace('* Closing connection 0\n');
    }
    return err(7, why);
  }
  const r = started;
  traceExchange(r);
  if (fail && r.status >= 400) {
    trace(`* The requested URL returned error: ${r.status}\n* Closing connection 0\n`);
    if (!silent || showError) ctx.stderr(`curl: (22) The requested URL returned error: ${r.status}\n`);
    return 22;
  }
  const body = r.body;
  if (body.length) dataNote('{', body.length);
  if (showMeter && verbose) ctx.stderr(meterTail(body.length));
  if (dumpHeader !== undefined) {
    const head = `HTTP/1.1 ${r.status} ${STATUS_TEXT[r.status] ?? ''}\r\n${headLines(r)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('')}\r\n`;
    if (dumpHeader === '-') ctx.stdout(head);
    else if (dumpHeader !== '/dev/null') w.fs.write(ctx.cwd, dumpHeader, head);
  }
  if (output !== undefined) {
    if (output !== '/dev/null') w.fs.write(ctx.cwd, output, body);
  } else {
    printHead(r);
    ctx.stdout(body);
  }
  if (showMeter && !verbose) ctx.stderr(meter(body.length));
  trace(`* Connection #0 to host ${host} left intact\n`);
  if (writeOut !== undefined) {
    ctx.stdout(
      writeOut
        .replace(/%\{http_code\}/g, String(r.status))
        .replace(/%\{size_download\}/g, String(body.length))
        .replace(/\\n/g, '\n'),
    );
  }
  void streamed;
  return 0;
}
