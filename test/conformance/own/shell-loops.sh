# The shell's loops and conditionals as etcd's docs type them: for over words, $(seq) and etcdctl's
# keys, while / until with test, if / elif / else, $(( )) arithmetic, a loop as a background job.
for i in 1 2 3; do etcdctl --endpoints=$ENDPOINTS put key$i value$i; done
etcdctl --endpoints=$ENDPOINTS get key --prefix --keys-only
for i in $(seq 4 6); do echo "key$i"; done
for k in $(etcdctl --endpoints=$ENDPOINTS get key --prefix --keys-only); do echo "found $k"; done
echo $((1 + 2 * 3))
echo $(( (1 + 2) * 3 ))
N=5; echo $((N * 2)) $(($N - 1))
i=0; while [ $i -lt 3 ]; do echo "round $i"; i=$((i + 1)); done
until [ $i -eq 0 ]; do i=$((i - 1)); done; echo $i
if etcdctl --endpoints=$ENDPOINTS get key1 | grep -q value1; then echo yes; else echo no; fi
if [ 1 -eq 2 ]; then echo one; elif [ 2 -eq 2 ]; then echo two; else echo three; fi
if false; then echo never; fi
echo $?
for x in a b; do if [ $x = b ]; then echo "b!"; fi; done
echo $((7 / 2)) $((7 % 2)) $((2 ** 10)) $((-3 + 1))
while true; do echo tick; sleep 1; done &
sleep 2
kill %1
