// A member's HTTP face: /version, /health, the v3 gateway and the v2 API, all behind etcd's CORS headers.
import type { Member } from '../../server/member.ts';
import { CLUSTER_VERSION, SERVER_VERSION } from '../../server/member.ts';
import { gateway, textResponse } from './gateway.ts';
import type { HttpRequest, HttpResponse } from './types.ts';
import { v2keys, v2machines, v2members, v2membersChange, v2stats } from './v2keys.ts';

const TEXT_PLAIN = 'text/plain; charset=utf-8';

function plainJson(status: number, body: string): HttpResponse {
  return { status, headers: [['Content-Type', 'application/json']], body };
}

const CORS: [string, string][] = [
  ['Access-Control-Allow-Headers', 'accept, content-type, authorization'],
  ['Access-Control-Allow-Methods', 'POST, GET, OPTIONS, PUT, DELETE'],
  ['Access-Control-Allow-Origin', '*'],
];

export function serveHttp(m: Member, req: HttpRequest, reply: (r: HttpResponse) => void): void {
  // etcd wraps every client handler in its CORS handler: handlers leave these headers to it.
  const respond = (r: HttpResponse) => reply({ ...r, headers: [...CORS, ...r.headers] });
  // Go's HTTP server refuses a path with a broken %-escape before any handler sees it.
  try {
    decodeURIComponent(req.path);
  } catch {
    return respond(textResponse(400, '400 Bad Request'));
  }
  try {
    route(m, req, respond);
  } catch (e) {
    // A handler must never take the member down: answer as a Go handler that failed would.
    respond(textResponse(500, `${e instanceof Error ? e.message : String(e)}\n`));
  }
}

function route(m: Member, req: HttpRequest, respond: (r: HttpResponse) => void): void {
  const path = req.path;
  if (path === '/version') {
    return respond(
      plainJson(
        200,
        JSON.stringify({
          etcdserver: SERVER_VERSION,
          etcdcluster: m.membership.clusterVersion ?? CLUSTER_VERSION.replace(/\d+$/, '0'),
        }),
      ),
    );
  }
  if (path === '/health') {
    // etcd's /health makes a quorum read through Raft: no quorum, no health.
    // Unhealthy answers go out through Go's http.Error: a 503 whose body ends with a newline.
    m.healthCheck((ok) =>
      respond(
        ok
          ? { status: 200, headers: [], body: JSON.stringify({ health: 'true' }), sniffedType: TEXT_PLAIN }
          : textResponse(503, `${JSON.stringify({ health: 'false' })}\n`),
      ),
    );
    return;
  }
  const v3 = /^\/v3(?:beta)?\/(.+)$/.exec(path);
  if (v3) return gateway(m, req, v3[1], respond);
  if (path === '/v2/keys' || path.startsWith('/v2/keys/')) return v2keys(m, req, respond);
  const members = /^\/v2\/members(?:\/([^/]*))?$/.exec(path);
  if (members) {
    if (req.method === 'GET' && !members[1]) return v2members(m, respond);
    return v2membersChange(m, req, members[1] ?? '', respond);
  }
  if (path === '/v2/machines') return v2machines(m, respond);
  const stats = /^\/v2\/stats\/(\w+)$/.exec(path);
  if (stats) return v2stats(m, stats[1], respond);
  respond(textResponse(404, '404 page not found\n'));
}
