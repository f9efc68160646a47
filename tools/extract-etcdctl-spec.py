#!/usr/bin/env python3
"""Reads the help text of every etcdctl v3 command from a real etcdctl 3.4 (Debian's
etcd-client) and writes the command tree as data: names, descriptions, usage lines and flags
with their types and defaults. The playground renders its own help from this data, so its
texts follow the real ones without copying etcd's code.

    python3 tools/extract-etcdctl-spec.py > src/engine/api/etcdctl/spec.json
"""
import json, re, subprocess, sys

def help_of(path):
    out = subprocess.run(['etcdctl', *path, '--help'], capture_output=True, text=True, env={'ETCDCTL_API': '3', 'PATH': '/usr/bin:/bin'})
    return out.stdout

def sections(text):
    secs, cur = {}, None
    for line in text.split('\n'):
        m = re.match(r'^([A-Z][A-Z ]+):$', line)
        if m:
            cur = m.group(1); secs[cur] = []
        elif cur:
            secs[cur].append(line)
    return secs

FLAG = re.compile(r'^(?:  -(\w), |      )--([\w-]+)(\[)?=(.*?)(\])?\t+(.*)$')

def flags(lines):
    out = []
    for l in lines:
        if not l.strip():
            continue
        m = FLAG.match(l)
        if not m:
            raise SystemExit('cannot parse flag line: %r' % l)
        short, name, opt, default, close, usage = m.groups()
        if close and not opt:
            default += close
        if opt:
            typ = 'bool'
        elif default.startswith('"'):
            typ = 'string'; default = json.loads(default)
        elif default.startswith('['):
            typ = 'stringSlice'; default = default
        elif re.match(r'^-?\d+$', default):
            typ = 'int'
        elif re.match(r'^\d+(ns|us|ms|s|m|h)', default):
            typ = 'duration'
        else:
            typ = 'string?'
        f = {'name': name, 'type': typ, 'default': default, 'usage': usage}
        if short:
            f['shorthand'] = short
        out.append(f)
    return out

def strip_tab(lines):
    while lines and lines[-1] == '':
        lines = lines[:-1]
    return [l[1:] if l.startswith('\t') else l for l in lines]

def command(path):
    text = help_of(path)
    s = sections(text)
    name_line = strip_tab(s['NAME'])[0]
    name, short = name_line.split(' - ', 1)
    usage = strip_tab(s['USAGE'])[0]
    c = {'name': path[-1] if path else 'etcdctl', 'short': short, 'usage': usage}
    if 'DESCRIPTION' in s:
        c['description'] = strip_tab(s['DESCRIPTION'])
    c['flags'] = [f for f in flags(s.get('OPTIONS', []))]
    if 'COMMANDS' in s:
        subs = []
        for l in strip_tab(s['COMMANDS']):
            if not l.strip():
                continue
            sub = re.split(r'\t+', l)[0]
            if path == [] and ' ' in sub:
                sub = sub.split(' ')[0]
            if sub not in subs:
                subs.append(sub)
        c['commands'] = [command(path + [x])[0] for x in subs if x != 'help']
    return c, s

root, s = command([])
root['globalFlags'] = [f for f in flags(s['OPTIONS']) if f['name'] != 'help']
root['flags'] = []
json.dump(root, sys.stdout, indent=1)
sys.stdout.write('\n')
