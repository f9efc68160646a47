# python -c one-liners that read a JSON answer (a gateway range, /version): fields, list items,
# a dict printed as Python prints it, .get with a default, a missing key's KeyError.
etcdctl --endpoints=$ENDPOINTS put foo bar
curl -s http://127.0.0.1:2379/v3/kv/range -X POST -d '{"key": "Zm9v"}' | python -c "import sys, json; print(json.load(sys.stdin)['kvs'][0]['value'])"
curl -s http://127.0.0.1:2379/v3/kv/range -X POST -d '{"key": "Zm9v"}' | python -c 'import json,sys;print(json.load(sys.stdin)["count"])'
curl -s http://127.0.0.1:2379/v3/kv/range -X POST -d '{"key": "Zm9v"}' | python -c 'import json,sys;print(json.load(sys.stdin)["kvs"][0])'
curl -s http://127.0.0.1:2379/version | python -c 'import json,sys; d=json.load(sys.stdin); print(d["etcdserver"])'
curl -s http://127.0.0.1:2379/v3/kv/range -X POST -d '{"key": "Zm9v"}' | python -c 'import json,sys;print(json.load(sys.stdin).get("more", False))'
curl -s http://127.0.0.1:2379/version | python -c 'import json,sys;print(json.load(sys.stdin)["nope"])'
echo $?
