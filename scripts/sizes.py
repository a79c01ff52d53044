#!/usr/bin/env python3
"""Print the raw and gzip size of every asset of a built page and fail when the first load is over budget.

usage: sizes.py DIST [--budget-kb N] [--lazy FILE...]

Every file in DIST counts as first load except those named after --lazy (paths relative to DIST),
which the page fetches only on first use (the import worker and its tools wasm). An end-to-end test
(e2e/first-load.spec.mjs) checks in Chromium that a first visit fetches none of them and that what
it does fetch fits the same budget.
"""
import gzip
import os
import sys


def main():
    args = sys.argv[1:]
    dist = args[0] if args else 'dist'
    budget = float(args[args.index('--budget-kb') + 1]) if '--budget-kb' in args else None
    lazy = set()
    if '--lazy' in args:
        for a in args[args.index('--lazy') + 1:]:
            if a.startswith('--'):
                break
            lazy.add(a)
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
        print(f"{name:<{width}}  {raw:>10,}  {gz:>10,}" + ("  (on first use)" if name in lazy else ""))
    missing = lazy - {r[0] for r in rows}
    if missing:
        print(f"--lazy names files that are not in {dist}: {', '.join(sorted(missing))}")
        sys.exit(1)
    later = [r for r in rows if r[0] in lazy]
    rows = [r for r in rows if r[0] not in lazy]
    if later:
        print(f"{'on first use':<{width}}  {sum(r[1] for r in later):>10,}  {sum(r[2] for r in later):>10,}")
    total_raw = sum(r[1] for r in rows)
    total_gz = sum(r[2] for r in rows)
    print(f"{'first load':<{width}}  {total_raw:>10,}  {total_gz:>10,}  ({total_gz / 1024:.1f} KB gzip)")
    if budget is not None and total_gz > budget * 1024:
        print(f"over budget: {total_gz / 1024:.1f} KB gzip > {budget:.0f} KB")
        sys.exit(1)


if __name__ == '__main__':
    main()
