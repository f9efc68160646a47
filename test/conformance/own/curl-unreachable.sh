# curl where no member answers: an IP address (the tutorial's hosts, a port nobody listens on) fails
# to connect (7); only a host name that does not resolve is (6). --connect-timeout takes its value.
curl -s http://127.0.0.1:2479/version
echo $?
curl http://127.0.0.1:2479/version
curl -s http://10.18.8.188:2379/version
echo $?
curl http://10.18.8.188:2379/version
curl --connect-timeout 1 http://192.168.1.5:2379/version
curl http://nosuchhost.invalid:2379/version
curl -s http://127.0.0.1:2379/version
