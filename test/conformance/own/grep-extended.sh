# grep -E and egrep (extended regular expressions) against grep's basic ones, where | ( ) + ?
# are plain characters unless backslashed; -o prints each match, -q only sets the status.
etcdctl --endpoints=$ENDPOINTS put foo1 bar1
etcdctl --endpoints=$ENDPOINTS put foo2 baz2
etcdctl --endpoints=$ENDPOINTS put foo3 'a|b'
etcdctl --endpoints=$ENDPOINTS get foo --prefix | grep -E 'bar|baz'
etcdctl --endpoints=$ENDPOINTS get foo --prefix | egrep '^foo[0-9]+$'
etcdctl --endpoints=$ENDPOINTS get foo --prefix | grep -E -c 'ba(r|z)'
etcdctl --endpoints=$ENDPOINTS get foo --prefix | egrep -v 'foo'
etcdctl --endpoints=$ENDPOINTS get foo --prefix | grep 'a|b'
etcdctl --endpoints=$ENDPOINTS get foo --prefix | grep 'ba\(r\|z\)'
etcdctl --endpoints=$ENDPOINTS get foo --prefix | grep 'o\+[0-9]'
etcdctl --endpoints=$ENDPOINTS member list | grep -E -o 'infra[0-9]'
etcdctl --endpoints=$ENDPOINTS member list | grep -o 'started'
etcdctl --endpoints=$ENDPOINTS get foo --prefix | grep -q baz
echo $?
etcdctl --endpoints=$ENDPOINTS get foo --prefix | grep -E '('
echo $?
