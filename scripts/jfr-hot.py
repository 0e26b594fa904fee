#!/usr/bin/env python3
"""Aggregates JFR execution samples by frame (issue 14 profiling).

  NIANBAO_JAVA_OPTS="-XX:StartFlightRecording=filename=p.jfr,settings=profile" ./nianbao bench -n 2000 --runs 1
  scripts/jfr-hot.py p.jfr [--top 40] [--filter nianbao.] [--under nianbao.parse.]

Prints, per frame (method), the self samples (top of stack) and the total samples (anywhere on the
stack, counted once per sample), largest total first. --filter keeps only frames whose name contains
the string; --under keeps only samples that have a frame containing the string somewhere on the stack.
Reads `jfr print --events jdk.ExecutionSample --stack-depth 200` (the JDK's jfr tool must be on PATH
or next to java).
"""
import argparse, collections, os, re, shutil, subprocess, sys

def jfr_tool():
    t = shutil.which('jfr')
    if t:
        return t
    java = shutil.which('java')
    if java:
        cand = os.path.join(os.path.dirname(os.path.realpath(java)), 'jfr')
        if os.path.exists(cand):
            return cand
    sys.exit('jfr tool not found / 找不到 jfr 工具')

def samples(path):
    out = subprocess.run([jfr_tool(), 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '200', path],
                         check=True, capture_output=True, text=True).stdout
    stack, inside = [], False
    frame = re.compile(r'^\s+([\w$.<>/]+)\(.*line:')
    for line in out.splitlines():
        if 'stackTrace = [' in line:
            stack, inside = [], True
        elif inside and line.strip() == ']':
            inside = False
            yield stack
        elif inside:
            m = frame.match(line)
            if m:
                stack.append(m.group(1))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('jfr')
    ap.add_argument('--top', type=int, default=40)
    ap.add_argument('--filter', default='')
    ap.add_argument('--under', default='')
    a = ap.parse_args()
    self_c, total_c, n = collections.Counter(), collections.Counter(), 0
    for st in samples(a.jfr):
        if a.under and not any(a.under in f for f in st):
            continue
        n += 1
        if st:
            self_c[st[0]] += 1
        for f in set(st):
            total_c[f] += 1
    print(f'{n} samples')
    print(f'{"total":>7} {"%":>6} {"self":>6}  frame')
    rows = [(f, c) for f, c in total_c.items() if a.filter in f]
    rows.sort(key=lambda r: -r[1])
    for f, c in rows[:a.top]:
        print(f'{c:7d} {100.0 * c / max(n, 1):5.1f}% {self_c[f]:6d}  {f}')
    print('\nself (top of stack):')
    rows = [(f, c) for f, c in self_c.items() if a.filter in f]
    rows.sort(key=lambda r: -r[1])
    for f, c in rows[:a.top]:
        print(f'{c:7d} {100.0 * c / max(n, 1):5.1f}%  {f}')

if __name__ == '__main__':
    main()
