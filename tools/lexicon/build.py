"""Regenerate data/lexicon/{places,orgs,persons}.tsv (run: python3 tools/lexicon/build.py)."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import orgs  # noqa: E402
import persons  # noqa: E402
import places  # noqa: E402
from common import OUT, read_tsv  # noqa: E402


def main():
    print(places.build())
    print(orgs.build())
    known = {r[0] for r in read_tsv("orgs_public.tsv", 4) + read_tsv("orgs_companies.tsv", 4)
             + read_tsv("orgs_media.tsv", 4)}
    with open(os.path.join(OUT, "places.tsv"), encoding="utf-8") as f:
        known |= {l.split("\t")[0] for l in f if not l.startswith("#") and "\tcountry\t" in l}
    print(persons.build(known))
    here = os.path.dirname(os.path.abspath(__file__))
    return subprocess.call([sys.executable, os.path.join(here, "check.py")])


if __name__ == "__main__":
    sys.exit(main())
