"""Optional review aid: list single-word aliases that are also ordinary lowercase words in one of
our languages (needs the Debian word lists wamerican wfrench wngerman wspanish witalian
wportuguese wbrazilian and hunspell-id hunspell-vi). Prints candidates; a person decides.
Usage: python3 tools/lexicon/wordcheck.py [places|orgs|persons]"""
import os
import sys

from common import OUT

LISTS = {
    "en": "/usr/share/dict/american-english", "fr": "/usr/share/dict/french",
    "de": "/usr/share/dict/ngerman", "es": "/usr/share/dict/spanish",
    "it": "/usr/share/dict/italian", "pt": "/usr/share/dict/portuguese",
    "br": "/usr/share/dict/brazilian", "id": "/usr/share/hunspell/id_ID.dic",
    "vi": "/usr/share/hunspell/vi_VN.dic",
}


def words():
    out = {}
    for lang, path in LISTS.items():
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                w = line.split("/")[0].strip()
                # German nouns are capitalised: "Essen", "Bild" are common words there.
                if w and (w[0].islower() or (lang == "de" and len(w) > 2)):
                    out.setdefault(w.lower(), set()).add(lang)
    return out


def main():
    which = sys.argv[1:] or ["places", "orgs", "persons"]
    common = words()
    if not common:
        print("no word lists installed")
        return 0
    for name in which:
        with open(os.path.join(OUT, f"{name}.tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                for a in cols[3].split("|"):
                    if " " in a or not a or a.isupper():
                        continue
                    langs = common.get(a.lower())
                    if langs:
                        print(f"{name}\t{cols[0]}\t{a}\t{','.join(sorted(langs))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
