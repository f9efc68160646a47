# The tutorial's (../shared/seed) v2 API and v3 gateway sections, line by line, its host replaced by infra1.
curl -s http://127.0.0.1:2379/version | python -m json.tool
http='127.0.0.1'
curl  -s http://$http:2379/v2/members | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/site -X PUT -d value="www.361way.com" | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/site | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/mysite -X PUT -d value="www.361way.com" | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/mysite -X PUT -d value="www.361way.com" | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/mysite -X DELETE  | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/dsite -X PUT  -d dir=true  | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/site/my1 -X PUT -d value="www" | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/site -X DELETE | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/site/my1 -X PUT -d value="www" | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/site/my2 -X PUT -d value="www" | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/site?recursive=true |  python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/site?sorted=true |  python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/dir1 -X PUT -d dir=true | python -m json.tool
curl 'http://127.0.0.1:2379/v2/keys/dir1?dir=true' -XDELETE | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/dir1/a -X PUT -d value=1 | python -m json.tool
curl 'http://127.0.0.1:2379/v2/keys/dir1?dir=true' -XDELETE | python -m json.tool
curl 'http://127.0.0.1:2379/v2/keys/dir1?recursive=true' -XDELETE | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/site/my3 -X PUT -d value=abc -d ttl=15 | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/site/my1 -X PUT -d value=abc -d ttl=15 | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/sitedir  -X PUT -d dir=true  -d ttl=35  | python -m json.tool
curl  -s http://127.0.0.1:2379/v2/keys/sitedir?recursive=true
curl  -s http://127.0.0.1:2379/v2/keys/sitedir?recursive=true  -X DELETE
curl  -s http://127.0.0.1:2379/v2/keys/web?wait=true &
sleep 1
curl  -s http://127.0.0.1:2379/v2/keys/web -X PUT -d value=hello
kill %1
curl  -s http://127.0.0.1:2379/version
curl -s  http://127.0.0.1:2379/v3beta/kv/put  -X POST -d '{"key": "Zm9v", "value": "YmFy"}' | python -m json.tool
curl -L http://127.0.0.1:2379/v3beta/kv/range   -X POST -d '{"key": "Zm9v"}' | python -m json.tool
