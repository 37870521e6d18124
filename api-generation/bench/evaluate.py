#!/usr/bin/env python3
"""Scores benchmark CSVs against best-known values, independently of the solver.

Usage: evaluate.py BKS_CSV INSTANCES_ROOT OUT.csv [OUT2.csv ...] [--markdown]

Every row's routes are replayed under the benchmark rules (Euclidean distance truncated to 1 decimal, 2 for the
Cordeau-based pr sets; service start within [O, C]; back at the depot by its C; each vertex at most once). A row whose
replayed score differs from its reported score, or whose routes break a rule, counts as a failure. Prints per set and m:
instances, failures, average gap, worst gap and average time.
"""
import csv
import math
import os
import statistics
import sys
from collections import defaultdict


def read_instance(path):
    tokens_header = []
    nodes = []
    with open(path) as f:
        for raw in f:
            line = raw.replace('\r', '').strip()
            if not line:
                continue
            toks = line.split()
            if len(tokens_header) < 6:
                tokens_header.extend(toks)
                continue
            nodes.append(toks)
    n = int(tokens_header[2])
    rows = nodes[: n + 1]
    data = []
    for t in rows:
        data.append(dict(x=float(t[1]), y=float(t[2]), d=float(t[3]), s=float(t[4]), o=float(t[-2]), c=float(t[-1])))
    return data


def replay(inst, routes, decimals):
    factor = 10 ** decimals
    seen = set()
    score = 0
    problems = []

    def dist(a, b):
        return math.floor(math.hypot(inst[a]['x'] - inst[b]['x'], inst[a]['y'] - inst[b]['y']) * factor) / factor

    for route in routes:
        time = inst[0]['o']
        at = 0
        for v in route:
            if v in seen:
                problems.append(f'{v} twice')
            seen.add(v)
            score += inst[v]['s']
            time = max(time + dist(at, v), inst[v]['o'])
            if time > inst[v]['c'] + 1e-9:
                problems.append(f'{v} starts {time:.2f} > {inst[v]["c"]}')
            time += inst[v]['d']
            at = v
        time += dist(at, 0)
        if time > inst[0]['c'] + 1e-9:
            problems.append(f'back {time:.2f} > {inst[0]["c"]}')
    return int(round(score)), problems


def main(argv):
    markdown = '--markdown' in argv
    args = [a for a in argv if a != '--markdown']
    bks_path, root, outs = args[0], args[1], args[2:]
    bks = {}
    with open(bks_path) as f:
        for row in csv.DictReader(f):
            bks[(row['instance'], int(row['m']))] = int(row['bks'])
    where = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            if name.endswith('.txt'):
                where[name[:-4]] = (os.path.basename(dirpath), os.path.join(dirpath, name))
    groups = defaultdict(list)
    failures = []
    for out in outs:
        with open(out) as f:
            for row in csv.DictReader(f):
                name, m = row['instance'], int(row['m'])
                set_name, path = where[name]
                inst = read_instance(path)
                routes = [[int(v) for v in part.split()] for part in row['routes'].split('|')] if row['routes'] else []
                decimals = 2 if name.startswith('pr') else 1
                score, problems = replay(inst, routes, decimals)
                reported = int(row['score'])
                ok = not problems and score == reported and len(routes) <= m
                if not ok:
                    failures.append((name, m, reported, score, problems[:3]))
                best = bks.get((name, m))
                gap = None if best is None else (best - score) / best * 100
                groups[(set_name, m)].append((name, gap, int(row['time_ms']), ok, score))
    if markdown:
        print('| set | m | instances | feasible | average gap % | worst gap % | average time ms | mean score |')
        print('|---|---|---|---|---|---|---|---|')
    else:
        print(f'{"set":10} {"m":>2} {"n":>3} {"ok":>3} {"avg gap%":>9} {"worst%":>7} {"avg ms":>7} {"mean score":>10}')
    overall = defaultdict(list)
    for (set_name, m) in sorted(groups):
        rows = groups[(set_name, m)]
        gaps = [g for _, g, _, _, _ in rows if g is not None]
        ok = sum(1 for r in rows if r[3])
        avg = f'{statistics.mean(gaps):.2f}' if gaps else '-'
        worst = f'{max(gaps):.2f}' if gaps else '-'
        ms = statistics.mean(r[2] for r in rows)
        mean_score = statistics.mean(r[4] for r in rows)
        for g in gaps:
            overall['m1' if m == 1 else 'pr-m2-4'].append(g)
        if markdown:
            print(f'| {set_name} | {m} | {len(rows)} | {ok} | {avg} | {worst} | {ms:.0f} | {mean_score:.1f} |')
        else:
            print(f'{set_name:10} {m:>2} {len(rows):>3} {ok:>3} {avg:>9} {worst:>7} {ms:>7.0f} {mean_score:>10.1f}')
    for key, gaps in overall.items():
        print(f'\n{key}: {len(gaps)} runs with a best-known value, average gap {statistics.mean(gaps):.2f}%, '
              f'worst {max(gaps):.2f}%')
    if failures:
        print(f'\n{len(failures)} FAILURES:')
        for f in failures:
            print('  ', f)
    else:
        print('\nall rows feasible and their scores recomputed exactly')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
