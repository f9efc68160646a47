# dd as the tutorials use it: a file of a given size, a large value from /dev/zero through tr into
# etcdctl put, /dev/urandom, skip=, a missing input file; head -c; wc -c of a file.
dd if=/dev/zero of=zeros.bin bs=1024 count=2 status=none
wc -c zeros.bin
dd if=/dev/zero bs=10 count=3 2>/dev/null | wc -c
head -c 5 /dev/zero | wc -c
dd if=/dev/zero bs=1k count=1 status=none | tr '\0' a | wc -c
dd if=/dev/zero bs=1k count=1 status=none | tr '\0' a | etcdctl --endpoints=$ENDPOINTS put big
etcdctl --endpoints=$ENDPOINTS get big --print-value-only | wc -c
echo hello > f.txt
dd if=f.txt of=g.txt status=none
cat g.txt
dd if=/dev/urandom of=rand.bin bs=16 count=1 status=none
wc -c rand.bin
dd if=/nonexistent of=x status=none
echo $?
dd if=/dev/zero of=z2 bs=1M count=1 status=none
wc -c z2
dd if=f.txt bs=2 skip=1 count=2 status=none
echo
