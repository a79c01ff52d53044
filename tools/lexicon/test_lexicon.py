"""Table-driven tests for the lexicon generators (python3 -m unittest tools/lexicon/test_lexicon.py)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import OUT, _match_key, fold  # noqa: E402
from places import _de, _es, _fr, _it, _pt, good_alias  # noqa: E402


class FoldTest(unittest.TestCase):
    CASES = [("Hà Nội", "Ha Noi"), ("Đà Nẵng", "Da Nang"), ("Phạm Minh Chính", "Pham Minh Chinh"),
             ("São Paulo", "Sao Paulo"), ("Düsseldorf", "Dusseldorf"), ("Ørsted", "Orsted"),
             ("Élysée", "Elysee"), ("A Coruña", "A Coruna"), ("plain", "plain")]

    def test_fold(self):
        for src, want in self.CASES:
            self.assertEqual(fold(src), want, src)


class InflectTest(unittest.TestCase):
    CASES = [
        (_fr, "vietnamien", ["vietnamien", "vietnamienne", "vietnamiens", "vietnamiennes"]),
        (_fr, "américain", ["américain", "américaine", "américains", "américaines"]),
        (_fr, "chinois", ["chinois", "chinoise", "chinoises"]),
        (_fr, "belge", ["belge", "belges"]),
        (_de, "amerikanisch", ["amerikanisch", "amerikanische", "amerikanischen", "amerikanischer", "amerikanisches"]),
        (_es, "chino", ["chino", "china", "chinos", "chinas"]),
        (_es, "francés", ["francés", "francesa", "franceses", "francesas"]),
        (_es, "español", ["español", "española", "españoles", "españolas"]),
        (_es, "estadounidense", ["estadounidense", "estadounidenses"]),
        (_it, "tedesco", ["tedesco", "tedesca", "tedeschi", "tedesche"]),
        (_it, "britannico", ["britannico", "britannica", "britannici", "britanniche"]),
        (_it, "cinese", ["cinese", "cinesi"]),
        (_pt, "alemão", ["alemão", "alemã", "alemães", "alemãs"]),
        (_pt, "chinês", ["chinês", "chinesa", "chineses", "chinesas"]),
        (_pt, "espanhol|espanhola", ["espanhol", "espanhola"]),
    ]

    def test_inflect(self):
        for fn, base, want in self.CASES:
            self.assertEqual(fn(base), want, base)


class AliasTest(unittest.TestCase):
    CASES = [("Hanoi", True), ("the West", True), ("quận Tây Hồ", True), ("saigon", False),
             ("Korea, Republic of", False), ("Ханой", False), ("X", False), ("Bonaire (NL)", False)]

    def test_good_alias(self):
        for a, want in self.CASES:
            self.assertEqual(good_alias(a), want, a)


class OutputTest(unittest.TestCase):
    """Spot checks on the generated files: forms real articles use must resolve."""
    CASES = [
        ("places.tsv", "Vietnam", ["Việt Nam", "Viet Nam"]),
        ("places.tsv", "United States", ["Mỹ", "Amerika Serikat", "AS", "États-Unis", "EE.UU.", "EUA"]),
        ("places.tsv", "Ho Chi Minh City", ["TP.HCM", "Thành phố Hồ Chí Minh", "Saigon"]),
        ("places.tsv", "Munich", ["München", "Monaco di Baviera"]),
        ("places.tsv", "Southeast Asia", ["Asia Tenggara", "Đông Nam Á", "Asie du Sud-Est"]),
        ("places.tsv", "White House", ["Gedung Putih", "Nhà Trắng", "Maison Blanche"]),
        ("places.tsv", "Carinthia", ["Kärnten", "Carinthie"]),
        ("places.tsv", "Flanders", ["Vlaanderen", "Flandre"]),
        ("places.tsv", "Isere", ["Isère"]),
        ("places.tsv", "Hainaut", ["Hennegau"]),
        ("places.tsv", "Gyeonggi Province", ["Gyeonggi", "Gyeonggi-do"]),
        ("places.tsv", "Persian Gulf", ["Golfo Pérsico", "golfe Persique", "Teluk Persia", "Vịnh Ba Tư"]),
        ("places.tsv", "Mediterranean Sea", ["Mediterranean", "Méditerranée", "Mittelmeer"]),
        ("places.tsv", "Northeast Region (Brazil)", ["Nordeste", "Região Nordeste"]),
        ("places.tsv", "Saarlouis", []),
        ("places.tsv", "Indaiatuba", []),
        ("places.tsv", "Karawang", []),
        ("orgs.tsv", "Vietnam News Agency", ["TTXVN", "VNA"]),
        ("orgs.tsv", "European Commission", ["Commission européenne", "EU-Kommission"]),
        ("persons.tsv", "Pham Minh Chinh", ["Phạm Minh Chính"]),
        ("persons.tsv", "Joko Widodo", ["Jokowi"]),
    ]

    def load(self, name):
        rows = {}
        with open(os.path.join(OUT, name), encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    cols = line.rstrip("\n").split("\t")
                    rows[cols[0]] = cols[3].split("|")
        return rows

    def test_aliases(self):
        cache = {}
        for name, canon, forms in self.CASES:
            rows = cache.setdefault(name, self.load(name))
            self.assertIn(canon, rows, canon)
            # the generator writes one form per match key ("Viet Nam" stands for "Việt Nam")
            keys = {_match_key(canon if a == "=" else a) for a in rows[canon]}
            for form in forms:
                self.assertIn(_match_key(form), keys, f"{canon}: {form}")

    def test_ambiguous_forms_absent(self):
        places = self.load("places.tsv")
        everything = {a for al in places.values() for a in al}
        for bad in ("My", "Anh", "Ao", "RI", "Kota", "Praia", "Solo",
                    # one-word subdivisions and towns that are ordinary words (places.py SUBDIV_STOP, CITY_STOP)
                    "Nord", "Ain", "Lot", "Var", "Cher", "Como", "Prato", "Perak", "Laguna", "Batang", "Faro"):
            self.assertFalse(bad in everything, f"ambiguous place alias {bad!r} present")


if __name__ == "__main__":
    unittest.main()
