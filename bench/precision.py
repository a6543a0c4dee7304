#!/usr/bin/env python3
"""Precision of one run against a triage file (issue 11).

    bench/precision.py bench/triage-fresh2.tsv $BENCH_WORK/fresh2/TAG/findings.tsv

Joins every finding of bench/appcorpus.sh's findings.tsv (entry, analyzer,
posn) to its verdict in the triage file (entry, analyzer, posn, verdict, ...)
and prints, per analyzer: findings, true, nit, false, untriaged and
(true + nit) / findings. Untriaged findings are listed after the table: a
measurement is complete only when there are none.
"""
import collections
import sys


def main(triage, findings):
    verdict = {}
    for line in open(triage):
        if line.startswith('#') or line.startswith('entry\t'):
            continue
        f = line.rstrip('\n').split('\t')
        if len(f) >= 4 and f[3]:
            verdict[(f[0], f[1], f[2])] = f[3].split()[0]
    count = collections.defaultdict(collections.Counter)
    untriaged = []
    for line in open(findings):
        f = line.rstrip('\n').split('\t')
        if len(f) < 3 or f[0] == 'entry':
            continue
        v = verdict.get((f[0], f[1], f[2]), 'untriaged')
        if v == 'untriaged':
            untriaged.append(line.rstrip('\n')[:300])
        count[f[1]][v] += 1
    print('analyzer\tfindings\ttrue\tnit\tfalse\tuntriaged\tprecision')
    for a in sorted(count):
        c = count[a]
        n = sum(c.values())
        ok = c['true'] + c['nit']
        print(f"{a}\t{n}\t{c['true']}\t{c['nit']}\t{c['false']}\t{c['untriaged']}\t{ok}/{n} = {100 * ok // n}%")
    for u in untriaged:
        print('UNTRIAGED', u)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
