# etcdctl watch KEY -- COMMAND (the command run per event with ETCD_WATCH_* in its environment, Go-quoted),
# watch -i reading its requests from stdin until EOF, and the key from ETCDCTL_WATCH_KEY.
etcdctl --endpoints=$ENDPOINTS watch foo -- sh -c 'echo "$ETCD_WATCH_EVENT_TYPE $ETCD_WATCH_KEY=$ETCD_WATCH_VALUE at $ETCD_WATCH_REVISION"' &
sleep 1
etcdctl --endpoints=$ENDPOINTS put foo bar
etcdctl --endpoints=$ENDPOINTS del foo
sleep 1
kill %1
echo 'watch foo' | etcdctl --endpoints=$ENDPOINTS watch -i &
sleep 1
etcdctl --endpoints=$ENDPOINTS put foo baz
sleep 1
kill %1
ETCDCTL_WATCH_KEY=foo etcdctl --endpoints=$ENDPOINTS watch &
sleep 1
etcdctl --endpoints=$ENDPOINTS put foo qux
sleep 1
kill %1
