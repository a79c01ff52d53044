"""Generate data/lexicon/persons.tsv from the hand-kept src/persons.tsv list."""
from common import fold, read_tsv, split_aliases, uniq, write_tsv


def load(known_affiliations=None):
    rows, seen = [], set()
    for canon, role, aff, al in read_tsv("persons.tsv", 4):
        if fold(canon) != canon:
            raise SystemExit(f"persons: canonical must be without diacritics: {canon!r}")
        if canon in seen:
            raise SystemExit(f"persons: duplicate {canon!r}")
        seen.add(canon)
        if known_affiliations is not None and aff and aff not in known_affiliations:
            print(f"warning: persons: {canon}: affiliation {aff!r} is neither a country nor an org")
        aliases = [canon] + split_aliases(al)
        rows.append([canon, role, aff, uniq(aliases)])
    owners = {}
    for canon, _, _, al in rows:
        for a in al:
            owners.setdefault(a, []).append(canon)
    for r in rows:
        dup = [a for a in r[3] if len(owners[a]) > 1 and a != r[0]]
        r[3] = [a for a in r[3] if a not in dup]
    return rows


def build(known_affiliations=None):
    rows = load(known_affiliations)
    rows.sort(key=lambda r: r[0].lower())
    out = [[c, role, aff, "|".join(al)] for c, role, aff, al in rows]
    return write_tsv("persons.tsv", "persons.py", ["canonical", "role", "affiliation", "aliases"], out)


if __name__ == "__main__":
    print(build())
