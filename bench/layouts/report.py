"""python -m bench.layouts.report DATA_DIR [family ...]

Per-family figures from the service's evaluation JSON (DATA_DIR/<family>.eval.json)
and the failure patterns seen in its predictions (DATA_DIR/<family>.pred.jsonl
against DATA_DIR/<family>/manifest.jsonl): unticked options taken as evidence,
negated urgency taken as urgency, elements reported missing that the request gives.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from .lang import L

EMPTY = re.compile(r"(☐|□|\[ {1,2}\]|\( \))[ \t]*([^☐□☒☑■\[\(\n]+)")


def figures(ev: dict) -> dict:
    o = ev["overall"]

    def acc(k):
        return o[k]["accuracy"]

    def f1(k):
        return o[k]["f1"]

    return {
        "docs": o["throughput"]["documents"],
        "route_to": acc("route_to"),
        "proceeding_type": acc("proceeding_type"),
        "urgent": acc("urgent"),
        "measures_f1": f1("measures"),
        "missing_f1": f1("missing_elements"),
        "missing_p": o["missing_elements"]["precision"],
        "missing_r": o["missing_elements"]["recall"],
        "persons_f1": f1("persons"),
        "accounts_f1": f1("accounts"),
        "deadline": acc("deadline"),
        "notify_f1": f1("notify"),
        "legal_basis_f1": f1("legal_basis"),
        "request_type": acc("request_type"),
    }


def fmt(x):
    return "  -  " if x is None else f"{x:.3f}"


def table(rows: dict[str, dict]) -> str:
    cols = [
        "docs",
        "route_to",
        "proceeding_type",
        "urgent",
        "measures_f1",
        "missing_f1",
        "missing_p",
        "missing_r",
        "persons_f1",
        "accounts_f1",
        "deadline",
    ]
    out = ["| corpus | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, f in rows.items():
        out.append(f"| {name} | " + " | ".join(str(f[c]) if c == "docs" else fmt(f[c]) for c in cols) + " |")
    return "\n".join(out)


def unticked_labels(text: str) -> list[str]:
    return [m.group(2).strip().lower() for m in EMPTY.finditer(text)]


def patterns(manifest: Path, preds: Path) -> dict[str, list[str]]:
    M = {json.loads(l)["id"]: json.loads(l) for l in manifest.read_text(encoding="utf-8").splitlines()}
    out = defaultdict(list)
    for line in preds.read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        m = M.get(p["id"])
        if not m or p.get("error"):
            out["error"].append(f"{p['id']}: {p.get('error')}")
            continue
        lang = m["language"]
        un = unticked_labels(m["text"])
        D = L[lang]
        if p.get("proceeding_type") != m["proceeding_type"]:
            lab = D["proc"].get(p.get("proceeding_type") or "", ("", ""))[1].lower()
            tag = (
                "unticked box taken as the proceeding type"
                if (lab and any(lab in u for u in un)) or m.get("drawn_boxes")
                else "proceeding type"
            )
            out[tag].append(
                f"{p['id']} ({m['kind']}{', drawn boxes' if m.get('drawn_boxes') else ''}): true {m['proceeding_type']}, predicted {p.get('proceeding_type')}"
            )
        if p.get("urgent") is True and m["urgent"] is False:
            neg = [s for s in D["not_urgent"] if s in m["text"]]
            if re.search(r"(☒|☑|■|\[[xX✓]\]|\(x\))\s*" + re.escape(D["no"]) + r"\b", m["text"]):
                neg.append(f"ticked '{D['no']}' beside urgency")
            if any(D["fax"]["urgent"].lower() in u for u in un):
                neg.append(f"unticked '{D['fax']['urgent']}' box")
            if m.get("drawn_boxes"):
                neg.append("drawn boxes")
            out[
                "negated urgency or an unticked urgency box taken as urgent"
                if neg
                else "urgent predicted, none stated"
            ].append(f"{p['id']} ({m['kind']}): {', '.join(neg) if neg else 'no urgency wording'}")
        if p.get("urgent") is False and m["urgent"] is True:
            out["urgency missed"].append(f"{p['id']} ({m['kind']}): deadline {m['deadline']}")
        fp = sorted(set(p.get("measures") or []) - set(m["measures"]))
        for x in fp:
            lab = D["meas"][x][1].lower()
            tag = (
                "unticked measure taken as sought"
                if any(lab in u for u in un)
                else "measure predicted, not sought"
            )
            out[tag].append(f"{p['id']}: {x}")
        fn = sorted(set(m["measures"]) - set(p.get("measures") or []))
        for x in fn:
            out["measure missed"].append(f"{p['id']}: {x}")
        for e in sorted(set(p.get("missing_elements") or []) - set(m["missing_elements"])):
            out[f"reported missing but present: {e}"].append(p["id"])
        for e in sorted(set(m["missing_elements"]) - set(p.get("missing_elements") or [])):
            out[f"missing but not reported: {e}"].append(p["id"])
        if (p.get("deadline") or None) != m["deadline"]:
            out["deadline"].append(f"{p['id']}: true {m['deadline']}, predicted {p.get('deadline')}")
        if p.get("route_to") != m["route_to"]:
            out["route_to"].append(f"{p['id']}: true {m['route_to']}, predicted {p.get('route_to')}")
    return out


def main(argv=None):
    argv = argv if argv is not None else sys.argv[1:]
    data = Path(argv[0])
    fams = argv[1:] or sorted(p.name[: -len(".eval.json")] for p in data.glob("*.eval.json"))
    rows = {
        f: figures(json.loads((data / f"{f}.eval.json").read_text()))
        for f in fams
        if (data / f"{f}.eval.json").exists()
    }
    print(table(rows))
    for f in rows:
        man, pr = data / f / "manifest.jsonl", data / f"{f}.pred.jsonl"
        if not (man.exists() and pr.exists()):
            continue
        print(f"\n## {f}")
        for tag, items in sorted(patterns(man, pr).items(), key=lambda kv: -len(kv[1])):
            print(f"- {tag}: {len(items)}, e.g. " + "; ".join(items[:5]))


if __name__ == "__main__":
    main()
