#!/usr/bin/env python3
"""mkcldr.py CLDR: the world's places in Bengali and English from CLDR's
common data (Debian's unicode-cldr-core: /usr/share/unicode/cldr/common),
as gazetteer lines name<TAB>LOC<TAB>English name, the English name too,
sorted, so that make model gives the same file from the same data.

  - regions and countries: main/{bn,en}.xml <territory>, short and
    variant names too (ইউ কে); not the world (001), the unknown region,
    nor unions of countries (EU, EZ, UN, QO);
  - subdivisions: subdivisions/{bn,en}.xml by code: England (gbeng:
    ইংল্যান্ড), US and Indian states, Bangladesh's districts;  a Bengali
    name that ends in a word for a subdivision (ঢাকা জেলা) is there
    without it too, when the English name has no such word (Dhaka);
  - cities: main/{bn,en}.xml <exemplarCity> by time zone, the English
    name from the zone's name where en.xml has none (America/New_York:
    New York).

The first name of a key wins in tag's gazetteer, so a name that two
places share (a district and its division) goes to the first code in
sorted order; tag reads the file after its own gazetteer and ICU's
countries, as names that count only where its model sees a name.
"""
import os
import sys
import xml.etree.ElementTree as ET

SKIP = {"001", "ZZ", "EU", "EZ", "UN", "QO"}
# Words for a subdivision at the end of a Bengali name, and in English.
BN_KIND = ("জেলা", "বিভাগ", "প্রদেশ", "রাজ্য", "অঙ্গরাজ্য", "অঞ্চল",
           "এমিরাত", "আমিরাত", "কাউন্টি", "প্রিফেকচার", "গভর্নরেট", "ওব্লাস্ট")
EN_KIND = ("District", "Division", "Province", "State", "Region", "Emirate",
           "County", "Prefecture", "Governorate", "Oblast", "Territory")


def texts(path, tag, attr="type"):
    """{key: [names]} of the elements tag in the file, alt ones last."""
    out = {}
    for el in ET.parse(path).getroot().iter(tag):
        key = el.get(attr)
        if key is None or not (el.text or "").strip():
            continue
        if el.get("alt") in ("short", "variant"):
            out.setdefault(key, []).append(el.text.strip())
        elif el.get("alt") is None:
            out.setdefault(key, []).insert(0, el.text.strip())
    return out


def cities(path):
    """{zone: city} of the file's <zone><exemplarCity>."""
    out = {}
    for z in ET.parse(path).getroot().iter("zone"):
        c = z.find("exemplarCity")
        if c is not None and c.text and c.get("alt") is None:
            out[z.get("type")] = c.text.strip()
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: mkcldr.py CLDR-COMMON-DIR")
    d = sys.argv[1]
    lines = set()

    def add(bn_names, en):
        en = " ".join(en.split())
        if not en:
            return
        lines.add("%s\tLOC\t%s" % (en, en))
        for bn in bn_names:
            bn = " ".join(bn.split())
            if bn:
                lines.add("%s\tLOC\t%s" % (bn, en))
            words = bn.split()
            if (len(words) > 1 and words[-1] in BN_KIND and
                    not en.split()[-1] in EN_KIND):
                lines.add("%s\tLOC\t%s" % (" ".join(words[:-1]), en))

    bn = texts(os.path.join(d, "main", "bn.xml"), "territory")
    en = texts(os.path.join(d, "main", "en.xml"), "territory")
    for code in sorted(bn):
        if code in SKIP or code not in en:
            continue
        add(bn[code], en[code][0])
        for alt in en[code][1:]:
            lines.add("%s\tLOC\t%s" % (alt, en[code][0]))
    bn = texts(os.path.join(d, "subdivisions", "bn.xml"), "subdivision")
    en = texts(os.path.join(d, "subdivisions", "en.xml"), "subdivision")
    for code in sorted(bn):
        if code in en:
            add(bn[code][:1], en[code][0])
    bn = cities(os.path.join(d, "main", "bn.xml"))
    en = cities(os.path.join(d, "main", "en.xml"))
    for zone in sorted(bn):
        if zone.startswith("Etc/"):
            continue
        add([bn[zone]], en.get(zone, zone.split("/")[-1].replace("_", " ")))
    out = sorted(lines, key=lambda s: s.encode("utf-8"))
    sys.stdout.write("".join(l + "\n" for l in out))


main()
