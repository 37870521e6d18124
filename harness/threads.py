#!/usr/bin/env python3
"""CPU per process and per thread of a running ./run-local.sh over a window, from /proc (utime + stime; for the
run-local.sh shell also its reaped children): which thread of which process spends a suite's idle CPU, without a
profiler's own overhead. Thread names come from `jcmd <pid> Thread.print` after the window (digits shown as N).

    harness/threads.py [SECONDS] [THREADS_PER_PROCESS]     # default 60 s, top 12 threads
"""
import os
import re
import subprocess
import sys
import time

PID_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'target', 'local', 'pids')
TICKS = os.sysconf('SC_CLK_TCK')


def ticks(path, children=False):
    text = open(path).read()
    end = text.rfind(')')
    fields = text[end + 2:].split()
    used = int(fields[11]) + int(fields[12])
    return used + (int(fields[13]) + int(fields[14]) if children else 0)


def sample(pid):
    threads = {}
    for tid in os.listdir(f'/proc/{pid}/task'):
        try:
            threads[tid] = ticks(f'/proc/{pid}/task/{tid}/stat')
        except OSError:
            pass  # the thread ended
    return ticks(f'/proc/{pid}/stat', children=True), threads


def thread_names(pid):
    dump = subprocess.run(['jcmd', pid, 'Thread.print'], capture_output=True, text=True).stdout
    names = {}
    for match in re.finditer(r'^"([^"]+)".*?nid=(0x[0-9a-f]+|\d+)', dump, re.M):
        nid = match.group(2)
        tid = str(int(nid, 16) if nid.startswith('0x') else int(nid))
        names[tid] = re.sub(r'\d+', 'N', re.sub(r'[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}', 'X', match.group(1)))
    return names


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    pids = {f[:-4]: open(os.path.join(PID_DIR, f)).read().strip()
            for f in sorted(os.listdir(PID_DIR)) if f.endswith('.pid')}
    before = {name: sample(pid) for name, pid in pids.items()}
    started, load_before = time.time(), os.getloadavg()
    time.sleep(seconds)
    after = {name: sample(pid) for name, pid in pids.items()}
    elapsed, load_after = time.time() - started, os.getloadavg()
    print(f'# {elapsed:.1f} s, load average {load_before[0]:.2f} -> {load_after[0]:.2f} (1 min), '
          f'{load_after[1]:.2f} (5 min)')
    total = 0.0
    for name, pid in pids.items():
        cores = (after[name][0] - before[name][0]) / TICKS / elapsed
        total += 0 if name == 'run-local' else cores
        print(f'{name:16s} {cores:.4f} cores')
        names = {} if name == 'run-local' else thread_names(pid)
        by_name = {}
        for tid, used in after[name][1].items():
            label = names.get(tid, f'(tid {tid})')
            spent, count = by_name.get(label, (0, 0))
            by_name[label] = (spent + used - before[name][1].get(tid, 0), count + 1)
        for label, (spent, count) in sorted(by_name.items(), key=lambda item: -item[1][0])[:top]:
            if spent:
                print(f'    {label[:62]:62s} x{count:<3d} {spent / TICKS / elapsed:.4f}')
    print(f'{"JVMs in all":16s} {total:.4f} cores')


if __name__ == '__main__':
    main()
