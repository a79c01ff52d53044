"""Generate data/lexicon/orgs.tsv from the hand-kept src/orgs_*.tsv lists."""
from common import read_tsv, split_aliases, uniq, write_tsv

CLASSES = ("company", "government", "media", "other")
SOURCES = ("orgs_public.tsv", "orgs_companies.tsv", "orgs_media.tsv")


def load():
    rows, seen = [], {}
    for src in SOURCES:
        for canon, cls, related, al in read_tsv(src, 4):
            if cls not in CLASSES:
                raise SystemExit(f"src/{src}: bad class {cls!r} for {canon}")
            given = split_aliases(al)
            # "!nocanon": the canonical is a common phrase ("Die Welt" = "the world"), match only the aliases
            aliases = [a for a in given if a != "!nocanon"]
            # a qualified canonical ("Time (magazine)") is never written so in text
            if "!nocanon" not in given and "(" not in canon:
                aliases = [canon] + aliases
            # No folded copies: the core matches on a diacritic-insensitive key (text::name_key).
            if canon in seen:
                raise SystemExit(f"src/{src}: duplicate org {canon!r} (also in {seen[canon]})")
            seen[canon] = src
            rows.append([canon, cls, related, uniq(aliases)])
    known = set(seen)
    for canon, _, related, _ in rows:
        if related and related not in known:
            raise SystemExit(f"org {canon!r}: related {related!r} is not an org canonical")
    # an alias shared by two orgs is ambiguous: keep it only where it is the canonical
    owners = {}
    for canon, _, _, al in rows:
        for a in al:
            owners.setdefault(a, []).append(canon)
    for r in rows:
        r[3] = [a for a in r[3] if len(owners[a]) == 1 or a == r[0]]
    return rows


def build():
    rows = load()
    rows.sort(key=lambda r: (r[1], r[0].lower()))
    out = [[c, cls, rel, "|".join(al)] for c, cls, rel, al in rows]
    return write_tsv("orgs.tsv", "orgs.py", ["canonical", "class", "related", "aliases"], out)


if __name__ == "__main__":
    print(build())
