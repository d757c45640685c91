#!/usr/bin/env python3
"""Validate the blind-3 labeled corpus (stdlib only).

Checks: every label parses and has exactly the expected fields; it names an
existing document with the same stem; every document has a label; file names
follow <cc>-<yyyy>-<mm>-<slug> with yyyy-mm equal to `published`; codes are
ISO 3166-1 alpha-2; populations are set only for made_amenable; no tuple is
both required and background. Prints summary counts. Exit status 1 on error.
"""
import json, os, re, sys, datetime
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))

# ISO 3166-1 alpha-2 (officially assigned codes).
ISO = set("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT
MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())

# Codes this corpus is expected to use (receiving states, populations, file-name prefixes).
USED = {"BZ", "CL", "CM", "CO", "CR", "CU", "DK", "DO", "EC", "ER", "ES", "ET", "GB", "GH", "GN", "GT", "HN",
        "IR", "LK", "ML", "MR", "MX", "NI", "NL", "NZ", "PE", "PW", "RW", "SD", "SO", "SV", "US", "VE", "AU"}

# Sending state per receiving state in this corpus's timeline (labels carry no sender).
def sender_of(receiving, published):
    if receiving == "RW":
        return "GB" if published < "2025" else "DK"
    return {"GT": "US", "SV": "US", "HN": "US", "BZ": "US", "GH": "US", "DO": "US",
            "MR": "ES", "PE": "CL", "PW": "AU"}.get(receiving, "?")


FIELDS = ["file", "lang", "published", "source_kind", "relevant", "events", "background_events", "affected_count", "notes"]
ACTIONS = {"made_amenable", "agreement_signed", "agreement_in_force", "agreement_suspended", "agreement_terminated"}
KINDS = {"news", "government", "court", "ngo"}
NAME_RE = re.compile(r"^([a-z]{2})-(\d{4})-(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*$")
DOC_EXT = (".txt", ".html")


def main():
    errors = []
    names = sorted(os.listdir(HERE))
    docs = {n.rsplit(".", 1)[0]: n for n in names if n.endswith(DOC_EXT)}
    labels = {n[: -len(".expected.json")]: n for n in names if n.endswith(".expected.json")}

    for stem in docs:
        if stem not in labels:
            errors.append(f"{docs[stem]}: no label")
    c = Counter()
    langs, fmts, kinds, years, rel = Counter(), Counter(), Counter(), Counter(), Counter()
    ma_pairs, other_req, recv, bg_actions = Counter(), Counter(), Counter(), Counter()
    senders, send_req = Counter(), Counter()
    codes_seen = set()

    for stem, lname in sorted(labels.items()):
        path = os.path.join(HERE, lname)
        try:
            with open(path, encoding="utf-8") as f:
                lab = json.load(f)
        except Exception as e:  # noqa: BLE001
            errors.append(f"{lname}: does not parse: {e}")
            continue
        if list(lab.keys()) != FIELDS:
            errors.append(f"{lname}: fields {list(lab.keys())} != {FIELDS}")
        doc = lab.get("file")
        if stem not in docs:
            errors.append(f"{lname}: no document with stem {stem}")
        elif doc != docs[stem]:
            errors.append(f"{lname}: file field {doc!r} != {docs[stem]!r}")
        m = NAME_RE.match(stem)
        pub = lab.get("published")
        try:
            datetime.date.fromisoformat(pub)
        except Exception:  # noqa: BLE001
            errors.append(f"{lname}: published {pub!r} not an ISO date")
            pub = "0000-00-00"
        if not m:
            errors.append(f"{lname}: name does not follow <cc>-<yyyy>-<mm>-<slug>")
        else:
            cc = m.group(1).upper()
            if cc not in ISO:
                errors.append(f"{lname}: name prefix {cc} not ISO alpha-2")
            codes_seen.add(cc)
            senders[cc] += 0
            if f"{m.group(2)}-{m.group(3)}" != pub[:7]:
                errors.append(f"{lname}: name date {m.group(2)}-{m.group(3)} != published {pub[:7]}")
        if lab.get("lang") not in ("en", "es"):
            errors.append(f"{lname}: lang {lab.get('lang')!r}")
        if lab.get("source_kind") not in KINDS:
            errors.append(f"{lname}: source_kind {lab.get('source_kind')!r}")
        if not isinstance(lab.get("relevant"), bool):
            errors.append(f"{lname}: relevant must be bool")
        ac = lab.get("affected_count")
        if ac is not None and not (isinstance(ac, int) and not isinstance(ac, bool) and ac >= 0):
            errors.append(f"{lname}: affected_count {ac!r}")
        if not isinstance(lab.get("notes"), str) or len(lab.get("notes", "")) < 40:
            errors.append(f"{lname}: notes missing or too short")

        tuples = {}
        for key in ("events", "background_events"):
            lst = lab.get(key)
            if not isinstance(lst, list):
                errors.append(f"{lname}: {key} not a list")
                continue
            seen = set()
            for e in lst:
                if set(e.keys()) != {"action", "receiving", "population"}:
                    errors.append(f"{lname}: {key} item keys {sorted(e.keys())}")
                    continue
                a, r, p = e["action"], e["receiving"], e["population"]
                if a not in ACTIONS:
                    errors.append(f"{lname}: unknown action {a}")
                if r not in ISO:
                    errors.append(f"{lname}: receiving {r!r} not ISO alpha-2")
                if a == "made_amenable":
                    if p not in ISO:
                        errors.append(f"{lname}: population {p!r} not ISO alpha-2")
                    if p == r:
                        errors.append(f"{lname}: population equals receiving {r}")
                elif p is not None:
                    errors.append(f"{lname}: population must be null for {a}")
                t = (a, r, p)
                if t in seen:
                    errors.append(f"{lname}: duplicate {t} in {key}")
                seen.add(t)
                codes_seen.update(x for x in (r, p) if x)
            tuples[key] = seen
        both = tuples.get("events", set()) & tuples.get("background_events", set())
        if both:
            errors.append(f"{lname}: tuple(s) both required and background: {sorted(both, key=str)}")
        if lab.get("relevant") is False and tuples.get("events"):
            errors.append(f"{lname}: not relevant but has required events")
        if lab.get("relevant") is True and not tuples.get("events") and not lab.get("notes"):
            errors.append(f"{lname}: relevant without events needs a note")

        c["documents"] += 1
        langs[lab.get("lang")] += 1
        fmts[docs.get(stem, ".?").rsplit(".", 1)[-1]] += 1
        kinds[lab.get("source_kind")] += 1
        years[pub[:4]] += 1
        rel["relevant" if lab.get("relevant") else "not relevant"] += 1
        for a, r, p in tuples.get("events", ()):
            recv[r] += 1
            send_req[sender_of(r, pub)] += 1
            if a == "made_amenable":
                ma_pairs[f"{r}/{p}"] += 1
            else:
                other_req[a] += 1
        for a, r, p in tuples.get("background_events", ()):
            bg_actions[a] += 1
        if m:
            senders[m.group(1).upper()] += 1

    unknown = codes_seen - USED
    if unknown:
        errors.append(f"codes used but not in the declared USED list: {sorted(unknown)}")

    def show(title, counter):
        print(f"{title}: " + ", ".join(f"{k}={v}" for k, v in sorted(counter.items())))

    print(f"documents: {c['documents']}")
    show("languages", langs)
    show("formats", fmts)
    show("source kinds", kinds)
    show("relevance", rel)
    print(f"required made_amenable pairs: {sum(ma_pairs.values())} ({len(ma_pairs)} distinct)")
    show("  pairs (receiving/population)", ma_pairs)
    show("other required events by action", other_req)
    show("background events by action", bg_actions)
    show("receiving states in required events", recv)
    show("file-name country prefixes (publishing side)", senders)
    show("sending states of required events (derived from the corpus timeline)", send_req)
    show("years", years)
    print("ISO codes used: " + " ".join(sorted(codes_seen)))
    if errors:
        print(f"\n{len(errors)} ERROR(S):")
        for e in errors:
            print("  - " + e)
        return 1
    print("\nOK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
