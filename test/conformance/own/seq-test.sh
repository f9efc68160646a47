# seq (counting, steps, widths, its errors) and bash's test / [ (strings, integers, files, negation, exit
# statuses; a builtin's own error lines name the recorder's script file, so they go to /dev/null).
seq 3
seq 2 4
seq 1 2 7
seq 5 1
seq 0
seq -w 8 10
seq
seq a
echo $(seq 3)
[ 1 -lt 2 ] && echo less
[ 3 -lt 2 ] || echo notless
[ "abc" = "abc" ]
echo $?
[ -z "" ] && echo empty
[ -n "x" ] && echo nonempty
test 5 -eq 5 && echo equal
[ 1 -eq a ] 2>/dev/null
echo $?
[ 1 = 1 2>/dev/null
echo $?
[ a b c ] 2>/dev/null
echo $?
[ ! -z "x" ] && echo negated
[ -f /nonexistent ] || echo nofile
[ ]
echo $?
test
echo $?
