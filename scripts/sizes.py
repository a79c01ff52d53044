#!/usr/bin/env python3
"""Print the raw and gzip size of every asset of a built page and fail when the first load is over budget.

usage: sizes.py DIST [--budget-kb N]    (every file in DIST is loaded on first visit)
"""
import gzip
import os
import sys


def main():
    args = sys.argv[1:]
    dist = args[0] if args else 'dist'
    budget = float(args[args.index('--budget-kb') + 1]) if '--budget-kb' in args else None
    rows = []
    for root, _, files in os.walk(dist):
        for name in sorted(files):
            path = os.path.join(root, name)
            data = open(path, 'rb').read()
            rows.append((os.path.relpath(path, dist), len(data), len(gzip.compress(data, 9))))
    rows.sort()
    width = max((len(r[0]) for r in rows), default=10)
    print(f"{'asset':<{width}}  {'raw':>10}  {'gzip':>10}")
    for name, raw, gz in rows:
        print(f"{name:<{width}}  {raw:>10,}  {gz:>10,}")
    total_raw = sum(r[1] for r in rows)
    total_gz = sum(r[2] for r in rows)
    print(f"{'total':<{width}}  {total_raw:>10,}  {total_gz:>10,}  ({total_gz / 1024:.1f} KB gzip)")
    if budget is not None and total_gz > budget * 1024:
        print(f"over budget: {total_gz / 1024:.1f} KB gzip > {budget:.0f} KB")
        sys.exit(1)


if __name__ == '__main__':
    main()
