"""A small, independent evaluator of authorities.yaml's routing rules.

It applies the rules to the TRUE labels of a request: the first rule whose
`when` holds names route_to; every notify rule whose `notify_when` holds adds
an authority; no rule holding means the fallback. It does not import the
service's classify/ package on purpose.
"""

from __future__ import annotations

from pathlib import Path

import yaml

DEFAULT_DIRECTORY = Path("/work/shared/reference/authorities.yaml")


def load(path: Path | str = DEFAULT_DIRECTORY) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def _values(labels: dict, key: str) -> list[str]:
    v = labels.get(key)
    if v is None:
        return []
    return list(v) if isinstance(v, (list, tuple, set)) else [v]


def _holds(cond: dict, labels: dict) -> bool:
    for key, test in cond.items():
        vals = _values(labels, key)
        if "any_of" in test and not set(vals) & set(test["any_of"]):
            return False
        if "only" in test and not (vals and set(vals) <= set(test["only"])):
            return False
    return True


def route(labels: dict, directory: dict | None = None) -> tuple[str, list[str]]:
    d = directory or load()
    route_to = d["fallback"]
    for rule in d["rules"]:
        if _holds(rule["when"], labels):
            route_to = rule["route_to"]
            break
    notify = []
    for rule in d.get("notify", []):
        if _holds(rule["notify_when"], labels) and rule["notify"] not in notify:
            notify.append(rule["notify"])
    return route_to, notify
