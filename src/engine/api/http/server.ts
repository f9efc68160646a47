// A member's HTTP face: /version, /health, the v3 gateway; the v2 API is not simulated yet.
import type { Member } from '../../server/member.ts';
import { CLUSTER_VERSION, SERVER_VERSION } from '../../server/member.ts';
import { gateway, textResponse } from './gateway.ts';
import type { HttpRequest, HttpResponse } from './types.ts';
import { v2keys, v2machines, v2members, v2membersChange, v2stats } from './v2keys.ts';

function plainJson(status: number, body: string): HttpResponse {
  return { status, headers: [['Content-Type', 'application/json']], body };
}

export function serveHttp(m: Member, req: HttpRequest, respond: (r: HttpResponse) => void): void {
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
          ? plainJson(200, JSON.stringify({ health: 'true' }))
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
