# v2 members changes, etcdctl v2 help and usage, exec-watch, curl -v, /v3/auth reads. Recorded by the team.
#@ min-uptime 6
curl -s -XPOST http://127.0.0.1:2379/v2/members -H "Content-Type: application/json" -d '{"peerURLs":["http://127.0.0.1:42380"]}'
curl -s -XPOST http://127.0.0.1:2379/v2/members -d '{"peerURLs":["http://127.0.0.1:52380"]}'
curl -s -XPOST http://127.0.0.1:2379/v2/members -H "Content-Type: application/json" -d '{"peerURLs":["http://127.0.0.1:42380"]}'
curl -s -XPOST http://127.0.0.1:2379/v2/members -H "Content-Type: application/json" -d '{"peerURLs":["http://127.0.0.1:52380"]}'
curl -s -XPOST http://127.0.0.1:2379/v2/members -H "Content-Type: application/json" -d '{"peerURLs":["foo"]}'
curl -s -XPOST http://127.0.0.1:2379/v2/members -H "Content-Type: application/json" -d '{"peerURLs":"x"}'
curl -s -XDELETE http://127.0.0.1:2379/v2/members/zz
curl -s http://127.0.0.1:2379/v2/members/leader
ETCDCTL_API=2 etcdctl member remove abc
ETCDCTL_API=2 etcdctl --help
ETCDCTL_API=2 etcdctl set --help
ETCDCTL_API=2 etcdctl ls --bogus /
ETCDCTL_API=2 etcdctl member --bogus
ETCDCTL_API=2 etcdctl nope
ETCDCTL_API=2 etcdctl exec-watch foo
ETCDCTL_API=2 etcdctl exec-watch --recursive /d -- sh -c 'echo "$ETCD_WATCH_ACTION $ETCD_WATCH_KEY=$ETCD_WATCH_VALUE"' &
sleep 1
ETCDCTL_API=2 etcdctl set /d/a 1
ETCDCTL_API=2 etcdctl mkdir /d/sub
ETCDCTL_API=2 etcdctl rm /d/a
kill %1
curl -sv http://127.0.0.1:9/version
curl -si http://127.0.0.1:22379/health
curl -si http://127.0.0.1:22379/v2/machines
curl -s http://127.0.0.1:2379/v3/auth/user/add -X POST -d '{"name":"u","password":"p"}'
curl -s http://127.0.0.1:2379/v3/auth/role/add -X POST -d '{"name":"r"}'
curl -s http://127.0.0.1:2379/v3/auth/role/grant -X POST -d '{"name":"r","perm":{"key":"Zm9v","range_end":"Zm9w","permType":"READWRITE"}}'
curl -s http://127.0.0.1:2379/v3/auth/user/grant -X POST -d '{"user":"u","role":"r"}'
curl -s http://127.0.0.1:2379/v3/auth/user/get -X POST -d '{"name":"u"}'
curl -s http://127.0.0.1:2379/v3/auth/role/get -X POST -d '{"role":"r"}'
curl -s http://127.0.0.1:2379/v3/auth/user/list -X POST -d '{}'
curl -s http://127.0.0.1:2379/v3/auth/role/list -X POST -d '{}'
