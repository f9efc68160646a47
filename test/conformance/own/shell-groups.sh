# Subshells and groups piped into etcdctl (a txn's three parts), their variables (a subshell's stay
# in it), redirections after them, a subshell as a background job.
( echo 'value("k") = "v"'; echo; echo 'put k v2'; echo; echo 'put k v3'; echo ) | etcdctl --endpoints=$ENDPOINTS txn
etcdctl --endpoints=$ENDPOINTS put k v
{ echo 'value("k") = "v"'; echo; echo 'put k v2'; echo; echo 'put k v3'; echo; } | etcdctl --endpoints=$ENDPOINTS txn
etcdctl --endpoints=$ENDPOINTS get k
X=outer; ( X=inner; echo $X ); echo $X
{ X=group; }; echo $X
( etcdctl --endpoints=$ENDPOINTS put a 1; etcdctl --endpoints=$ENDPOINTS put b 2 ) > /dev/null; etcdctl --endpoints=$ENDPOINTS get a b --print-value-only
( sleep 1; echo done-in-background ) &
sleep 2
kill %1
{ echo one; echo two; } | wc -l
