import { describe, expect, it } from 'vitest';
import { terminal } from '../../../../test/helpers.ts';
import { fromUtf8 } from '../../base/bytes.ts';
import { jsonTool } from '../utils/pyjson.ts';
import { parseGoJson } from './goJsonParse.ts';

describe('curl and the v3 gateway', () => {
  it('puts and ranges through /v3 and /v3beta with base64 keys, 64-bit numbers as strings', () => {
    const t = terminal();
    expect(t.run(`curl -s http://127.0.0.1:2379/v3/kv/put -X POST -d '{"key": "Zm9v", "value": "YmFy"}'`)).toMatch(
      /^\{"header":\{"cluster_id":"\d+","member_id":"\d+","revision":"2","raft_term":"\d+"\}\}$/,
    );
    expect(t.run(`curl -s http://127.0.0.1:22379/v3beta/kv/range -X POST -d '{"key": "Zm9v"}'`)).toContain(
      '"kvs":[{"key":"Zm9v","create_revision":"2","mod_revision":"2","version":"1","value":"YmFy"}],"count":"1"',
    );
    expect(t.run('etcdctl get foo')).toBe('foo\nbar\n');
  });

  it('answers bad requests as grpc-gateway does', () => {
    const t = terminal();
    expect(t.run(`curl -s http://127.0.0.1:2379/v3/kv/put -X POST -d '{"key": "!!!"}'`)).toBe(
      '{"error":"illegal base64 data at input byte 0","message":"illegal base64 data at input byte 0","code":3}',
    );
    expect(t.run(`curl -s http://127.0.0.1:2379/v3/kv/put -X POST -d '{"key": '`)).toBe(
      '{"error":"unexpected EOF","message":"unexpected EOF","code":3}',
    );
    expect(t.run(`curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:2379/v3/kv/nothing -X POST -d '{}'`)).toBe(
      '404',
    );
    expect(t.run('curl -s http://127.0.0.1:2379/v3alpha/kv/range -X POST -d {}')).toBe('404 page not found\n');
  });

  it('reports a refused connection with curl’s exit code 7', () => {
    const t = terminal();
    expect(t.exec('curl -s http://127.0.0.1:9999/version')).toEqual({ output: '', exitCode: 7 });
    expect(t.exec('curl http://127.0.0.1:9999/version')).toEqual({
      output: "curl: (7) Failed to connect to 127.0.0.1 port 9999 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
  });

  it('pipes into python -m json.tool, and shows the progress meter when piped without -s', () => {
    const t = terminal();
    const out = t.run('curl http://127.0.0.1:2379/version | python -m json.tool');
    expect(out).toContain('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n');
    expect(out).toContain('{\n    "etcdserver": "3.4.23",\n    "etcdcluster": "3.4.0"\n}\n');
  });

  it('manages users and roles and turns auth on through /v3/auth, then wants a token', () => {
    const t = terminal();
    const post = (path: string, body: string, extra = '') =>
      t.run(`curl -s http://127.0.0.1:2379/v3/auth/${path} -X POST ${extra} -d '${body}'`);
    const header = /^\{"header":\{"cluster_id":"\d+","member_id":"\d+","revision":"1","raft_term":"\d+"\}\}$/;
    expect(post('user/add', '{"name":"root","password":"pw"}')).toMatch(header);
    expect(post('role/add', '{"name":"root"}')).toMatch(header);
    expect(post('user/grant', '{"user":"root","role":"root"}')).toMatch(header);
    expect(post('enable', '{}')).toMatch(header);
    expect(t.run(`curl -s http://127.0.0.1:2379/v3/kv/put -X POST -d '{"key":"Zm9v","value":"YmFy"}'`)).toBe(
      '{"error":"etcdserver: user name is empty","message":"etcdserver: user name is empty","code":3}',
    );
    const token = (JSON.parse(post('authenticate', '{"name":"root","password":"pw"}')) as { token: string }).token;
    expect(
      t.run(
        `curl -s http://127.0.0.1:2379/v3/kv/put -X POST -H 'Authorization: ${token}' -d '{"key":"Zm9v","value":"YmFy"}'`,
      ),
    ).toMatch(/"revision":"2"/);
  });

  it('reads users and roles through /v3/auth as etcd renders them', () => {
    const t = terminal();
    const post = (path: string, body: string) =>
      t
        .run(`curl -s http://127.0.0.1:2379/v3/auth/${path} -X POST -d '${body}'`)
        .replace(/^\{"header":\{[^}]*\},?/, '{');
    expect(post('user/list', '{}')).toBe('{}');
    post('user/add', '{"name":"u","password":"p"}');
    post('role/add', '{"name":"r"}');
    post('role/add', '{"name":"root"}');
    post('role/grant', '{"name":"r","perm":{"key":"Zm9v","range_end":"Zm9w"}}');
    post('role/grant', '{"name":"r","perm":{"key":"YQ==","permType":"WRITE"}}');
    post('user/grant', '{"user":"u","role":"r"}');
    expect(post('user/get', '{"name":"u"}')).toBe('{"roles":["r"]}');
    expect(post('user/get', '{"name":"nope"}')).toBe(
      '{"error":"etcdserver: user name not found","message":"etcdserver: user name not found","code":9}',
    );
    expect(post('role/get', '{"role":"r"}')).toBe(
      '{"perm":[{"permType":"WRITE","key":"YQ=="},{"key":"Zm9v","range_end":"Zm9w"}]}',
    );
    expect(post('role/get', '{"role":"root"}')).toBe('{}');
    expect(post('role/list', '{}')).toBe('{"roles":["r","root"]}');
    expect(post('role/revoke', '{"role":"r","key":"YQ=="}')).toBe('{}');
    expect(post('role/revoke', '{"role":"r","key":"YQ=="}')).toBe(
      '{"error":"etcdserver: permission is not granted to the role","message":"etcdserver: permission is not granted to the role","code":9}',
    );
    expect(post('user/changepw', '{"name":"u","password":"q"}')).toBe('{}');
  });

  it('traces the exchange to stderr with -v, as curl 7.88 does', () => {
    const t = terminal();
    const out = t.run(`curl -sv 'http://127.0.0.1:2379/v2/keys/a?x=1' -XPUT -d value=1 -H 'X-A: b' | cat`);
    expect(out).toMatch(
      /^\* {3}Trying 127\.0\.0\.1:2379\.\.\.\n\* Connected to 127\.0\.0\.1 \(127\.0\.0\.1\) port 2379 \(#0\)\n/,
    );
    expect(out).toContain(
      '> PUT /v2/keys/a?x=1 HTTP/1.1\r\n> Host: 127.0.0.1:2379\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n' +
        '> X-A: b\r\n> Content-Length: 7\r\n> Content-Type: application/x-www-form-urlencoded\r\n> \r\n} [7 bytes data]\n' +
        '< HTTP/1.1 201 Created\r\n< Access-Control-Allow-Headers: accept, content-type, authorization\r\n',
    );
    expect(out).toMatch(
      /< Content-Length: 84\r\n< \r\n\{ \[84 bytes data\]\n\* Connection #0 to host 127\.0\.0\.1 left intact\n\{"action":"set"/,
    );
    expect(t.exec('curl -sv http://127.0.0.1:1/version')).toEqual({
      output:
        '*   Trying 127.0.0.1:1...\n* connect to 127.0.0.1 port 1 failed: Connection refused\n' +
        "* Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server\n* Closing connection 0\n",
      exitCode: 7,
    });
  });

  it('sends etcd’s CORS headers everywhere, and /health as Go sniffs it', () => {
    const t = terminal();
    const head = (path: string) =>
      t
        .run(`curl -si http://127.0.0.1:2379${path} | cat`)
        .split('\r\n\r\n')[0]
        .replace(/Date: .*/, 'Date: D');
    const cors =
      'Access-Control-Allow-Headers: accept, content-type, authorization\r\nAccess-Control-Allow-Methods: POST, GET, OPTIONS, PUT, DELETE\r\nAccess-Control-Allow-Origin: *\r\n';
    expect(head('/version')).toBe(
      `HTTP/1.1 200 OK\r\n${cors}Content-Type: application/json\r\nDate: D\r\nContent-Length: 45`,
    );
    expect(head('/health')).toBe(
      `HTTP/1.1 200 OK\r\n${cors}Date: D\r\nContent-Length: 17\r\nContent-Type: text/plain; charset=utf-8`,
    );
    expect(head('/nope')).toBe(
      `HTTP/1.1 404 Not Found\r\n${cors}Content-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nDate: D\r\nContent-Length: 19`,
    );
  });

  it('keeps 64-bit integers exact when reading JSON', () => {
    expect(parseGoJson('{"ID": 13803658152347727308}')).toEqual({ ID: '13803658152347727308' });
  });
});

describe('python -m json.tool', () => {
  it('prints as Python does: indent 4, ascii escapes, exact integers', () => {
    expect(jsonTool(fromUtf8('{"a":[1,2.5,{}],"b":"é","c":18446744073709551615,"d":[]}')).out).toBe(
      '{\n    "a": [\n        1,\n        2.5,\n        {}\n    ],\n    "b": "\\u00e9",\n    "c": 18446744073709551615,\n    "d": []\n}\n',
    );
    expect(jsonTool('').err).toBe('Expecting value: line 1 column 1 (char 0)');
    expect(jsonTool('{"a" 1}').err).toBe("Expecting ':' delimiter: line 1 column 6 (char 5)");
  });
});

describe('the gateway with auth on', () => {
  it('wants a token from /v3/auth/authenticate in the Authorization header', () => {
    const t = terminal();
    for (const l of [
      'etcdctl user add root:pw',
      'etcdctl role add root',
      'etcdctl user grant-role root root',
      'etcdctl auth enable',
    ])
      t.run(l);
    expect(t.run(`curl -s http://127.0.0.1:2379/v3/kv/range -X POST -d '{"key":"Zm9v"}'`)).toBe(
      '{"error":"etcdserver: user name is empty","message":"etcdserver: user name is empty","code":3}',
    );
    t.run(
      'TOKEN=$(curl -s http://127.0.0.1:2379/v3/auth/authenticate -X POST -d "{\\"name\\":\\"root\\",\\"password\\":\\"pw\\"}" | cut -d\\" -f 22)',
    );
    expect(t.run('echo $TOKEN')).toMatch(/^[A-Za-z]{16}\.\d+\n$/);
    expect(
      t.run(
        `curl -s http://127.0.0.1:2379/v3/kv/put -H "Authorization: $TOKEN" -X POST -d '{"key":"Zm9v","value":"YmFy"}'`,
      ),
    ).toContain('"revision":"2"');
  });
});

describe('jq', () => {
  it('runs the common filters as jq 1.6 prints them', () => {
    const t = terminal();
    t.run('etcdctl put foo bar');
    expect(t.run(`etcdctl get foo -w json | jq -r '.kvs[].key | @base64d'`)).toBe('foo\n');
    expect(t.run('etcdctl get foo -w json | jq .kvs[0].value')).toBe('"YmFy"\n');
    expect(t.run(`echo '{"a":{"b":[1,{"c":"x"}]}}' | jq .`)).toBe(
      '{\n  "a": {\n    "b": [\n      1,\n      {\n        "c": "x"\n      }\n    ]\n  }\n}\n',
    );
    expect(t.exec(`echo '{"a":1}' | jq .a.b`)).toEqual({
      output: 'jq: error (at <stdin>:1): Cannot index number with string "b"\n',
      exitCode: 5,
    });
    expect(t.exec(`echo x | jq .`)).toEqual({
      output: 'parse error: Invalid numeric literal at line 2, column 0\n',
      exitCode: 4,
    });
  });
});
