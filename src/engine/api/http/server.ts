// A member's HTTP face: /version, /health, the v3 gateway; the v2 API is not simulated yet.
import { GrpcCode } from '../../base/errors.ts';
import type { Member } from '../../server/member.ts';
import { CLUSTER_VERSION, SERVER_VERSION } from '../../server/member.ts';
import { gateway, textResponse } from './gateway.ts';
import type { HttpRequest, HttpResponse } from './types.ts';

function plainJson(status: number, body: string): HttpResponse {
  return { status, headers: [['Content-Type', 'application/json']], body };
}

export function serveHttp(m: Member, req: HttpRequest, respond: (r: HttpResponse) => void): void {
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
  if (path.startsWith('/v2/')) {
    return respond(
      plainJson(
        501,
        JSON.stringify({ message: 'the v2 API is not simulated by the playground yet', code: GrpcCode.Unimplemented }),
      ),
    );
  }
  respond(textResponse(404, '404 page not found\n'));
}
