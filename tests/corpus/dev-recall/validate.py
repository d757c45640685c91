#!/usr/bin/env python3
"""Validate the dev-recall corpus (stdlib only). Usage: python3 validate.py [DIR]"""
import json, os, re, sys, html
from collections import Counter

ISO = set("""AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET
FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO
IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH
MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG
TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK""".split())
ACTIONS = {"made_amenable", "agreement_signed", "agreement_in_force", "agreement_suspended", "agreement_terminated"}
FIELDS = ["file", "lang", "published", "source_kind", "relevant", "events", "background_events", "affected_count", "notes"]
KINDS = {"news", "government", "court", "ngo"}
NAME_RE = re.compile(r"^([a-z]{2})-(\d{4})-(\d{2})-[a-z0-9-]+$")

# a few country words per code, to check each required made_amenable tuple is at least named in the text
NAMES = {
 "HN": ["hondur"], "SV": ["salvador"], "GT": ["guatemal"], "MX": ["mexic"], "BD": ["bangladesh"], "EG": ["egypt"],
 "AL": ["albania", "shengjin"], "RW": ["rwanda", "kigali"], "ER": ["eritre"], "SD": ["sudan"], "ME": ["montenegr"],
 "MA": ["morocc"], "DZ": ["algeria"], "TN": ["tunisia"], "LC": ["saint lucia", "castries"], "CU": ["cuba"],
 "VE": ["venezuela", "venezolan"], "CO": ["colombia"], "TL": ["timor", "dili"], "LK": ["sri lanka"], "IR": ["iran"],
 "VN": ["vietnam"], "GH": ["ghana", "accra"], "NG": ["nigeria"], "CM": ["cameroon"], "XK": ["kosov", "pristina"],
 "GY": ["guyana"], "EC": ["ecuador", "ecuatorian"], "NI": ["nicaragu", "nicaragüen"], "DO": ["dominican", "santo domingo"],
 "MR": ["mauritan", "nuakchot"], "ML": ["malí", "malienses"], "SN": ["senegal"], "GM": ["gambia"],
 "HT": ["haití", "haitian"], "UY": ["uruguay", "montevideo"], "PE": ["perú", "peruanos"], "PY": ["paraguay"],
 "CN": ["china", "chinos"], "IN": ["india"], "RU": ["rusia", "rusos"], "CR": ["costa rica"], "PA": ["panamá"],
 "CI": ["ivoire", "marfileñ"], "GN": ["guinea"], "BF": ["burkina"],
}

def text_of(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".html"):
        raw = re.sub(r"<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return raw.lower()

def main(d):
    errors, counts = [], Counter()
    docs = sorted(f for f in os.listdir(d) if f.endswith((".txt", ".html")))
    labels = sorted(f for f in os.listdir(d) if f.endswith(".expected.json"))
    stems = {os.path.splitext(f)[0] for f in docs}
    for f in labels:
        if f[:-len(".expected.json")] not in stems:
            errors.append(f"{f}: label without document")
    for doc in docs:
        stem, ext = os.path.splitext(doc)
        def err(m): errors.append(f"{doc}: {m}")
        m = NAME_RE.match(stem)
        if not m: err("bad name"); continue
        lp = os.path.join(d, stem + ".expected.json")
        if not os.path.exists(lp): err("no label"); continue
        try:
            lab = json.load(open(lp, encoding="utf-8"))
        except Exception as e:
            err(f"label does not parse: {e}"); continue
        if list(lab) != FIELDS: err(f"fields {list(lab)} != {FIELDS}")
        if lab.get("file") != doc: err("file field mismatch")
        if lab.get("lang") not in ("en", "es"): err("lang")
        pub = lab.get("published") or ""
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", pub): err("published not ISO date")
        elif pub[:7] != f"{m.group(2)}-{m.group(3)}": err("published does not match name yyyy-mm")
        if not 2019 <= int(m.group(2)) <= 2028: err("year out of range")
        if lab.get("source_kind") not in KINDS: err("source_kind")
        if not isinstance(lab.get("relevant"), bool): err("relevant not bool")
        if not isinstance(lab.get("notes"), str) or len(lab["notes"]) < 40: err("notes missing/short")
        ac = lab.get("affected_count")
        if ac is not None and (not isinstance(ac, int) or ac <= 0): err("affected_count")
        txt = text_of(os.path.join(d, doc))
        if ext == ".html" and "<html" not in open(os.path.join(d, doc), encoding="utf-8").read(): err("html without <html>")
        # language sanity
        en_hits = sum(txt.count(w) for w in (" the ", " and ", " of "))
        es_hits = sum(txt.count(w) for w in (" el ", " los ", " de ", " que "))
        if (lab.get("lang") == "en") != (en_hits > es_hits): err("lang does not match text")
        tuples = {}
        for key in ("events", "background_events"):
            seen = set()
            for e in lab.get(key) or []:
                if set(e) != {"action", "receiving", "population"}: err(f"{key}: bad keys {e}"); continue
                a, r, p = e["action"], e["receiving"], e["population"]
                if a not in ACTIONS: err(f"{key}: action {a}")
                if r not in ISO: err(f"{key}: receiving {r} not ISO")
                if a == "made_amenable":
                    if p not in ISO: err(f"{key}: population {p} not ISO")
                    if p == r: err(f"{key}: population == receiving")
                elif p is not None: err(f"{key}: lifecycle event with population")
                t = (a, r, p)
                if t in seen: err(f"{key}: duplicate {t}")
                seen.add(t)
                counts[f"{key}:{a}"] += 1
            tuples[key] = seen
        both = tuples["events"] & tuples["background_events"]
        if both: err(f"tuple(s) both required and background: {both}")
        if lab.get("relevant") is False and tuples["events"]: err("not relevant but has required events")
        if lab.get("relevant") is True and not tuples["events"]: err("relevant but no required events")
        for a, r, p in tuples["events"]:
            for code in ([r, p] if p else [r]):
                if code in NAMES and not any(n in txt for n in NAMES[code]):
                    err(f"required {a} {r}/{p}: {code} not named in text")
        counts["documents"] += 1
        counts[f"lang:{lab.get('lang')}"] += 1
        counts[f"format:{ext[1:]}"] += 1
        counts[f"relevant:{lab.get('relevant')}"] += 1
        counts[f"kind:{lab.get('source_kind')}"] += 1
        if any(t[0] == "made_amenable" for t in tuples["events"]): counts["docs_with_required_made_amenable"] += 1
        if lab.get("affected_count") is not None: counts["docs_with_affected_count"] += 1
    for k in sorted(counts): print(f"{k:45s} {counts[k]}")
    if errors:
        print("\nERRORS:"); [print("  " + e) for e in errors]; return 1
    print("\nOK: all checks passed"); return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
