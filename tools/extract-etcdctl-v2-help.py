#!/usr/bin/env python3
"""Records the help screens of etcdctl's v2 mode (ETCDCTL_API=2) from a real etcdctl 3.4
(Debian's etcd-client): the top screen and each command's and subcommand's `--help` output,
as the binary prints them. The playground prints these screens and reads each command's
OPTIONS from them to refuse unknown flags as etcdctl does.

    python3 tools/extract-etcdctl-v2-help.py > src/engine/api/etcdctl/v2help.json
"""
import json, re, subprocess

def run(*args):
    return subprocess.run(['etcdctl', *args], capture_output=True, text=True,
                          env={'ETCDCTL_API': '2', 'PATH': '/usr/bin:/bin'}).stdout

def commands(text):
    out, on = [], False
    for line in text.split('\n'):
        if line.strip() == 'COMMANDS:':
            on = True
        elif on and re.match(r'^\S', line):
            on = False
        elif on and line.strip():
            name = line.split()[0].rstrip(',')
            if name != 'help':
                out.append(name)
    return out

screens = {'': run('--help')}
for c in commands(screens['']):
    screens[c] = run(c, '--help')
    for sub in commands(screens[c]):
        screens[f'{c} {sub}'] = run(c, sub, '--help')
print(json.dumps(screens, indent=1, sort_keys=True))
