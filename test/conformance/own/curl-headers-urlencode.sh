# curl -D - (the response head on standard output, also with -o /dev/null), --data-urlencode
# (name=content and name@file, spaces and & encoded), -G (the data in the query string); Go's
# JSON escapes & in the v2 API's answers.
curl -s -D - http://127.0.0.1:2379/version
curl -s -D - -o /dev/null http://127.0.0.1:2379/v2/keys/nope
curl -s http://127.0.0.1:2379/v2/keys/msg -X PUT --data-urlencode 'value=hello world & more'
curl -s http://127.0.0.1:2379/v2/keys/msg
echo "from a file" > msg.txt
curl -s http://127.0.0.1:2379/v2/keys/q -X PUT --data-urlencode value@msg.txt -o /dev/null
curl -s -G http://127.0.0.1:2379/v2/keys/msg --data-urlencode 'wait=false'
curl -s http://127.0.0.1:2379/v2/keys/q
