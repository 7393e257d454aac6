"""axe-core (vendored, ``tests/browser/vendor/axe-core``) run on a page of the real browser.

Only the WCAG 2.0 and 2.1 level A and AA rules are run (tags ``wcag2a``, ``wcag2aa``,
``wcag21a``, ``wcag21aa``): the level the public-sector rules ask (EN 301 549, WCAG 2.1 AA).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_VERSION = "4.14.1"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
WCAG_AA_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


@dataclass(frozen=True)
class Violation:
    """One failed rule: its id, impact, help text and the elements (CSS selectors) that fail it."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def describe(self) -> str:
        where = ", ".join(self.targets[:6])
        return f"{self.rule} ({self.impact}): {self.help} — {len(self.targets)} × {where}"


def axe_source() -> str:
    """The vendored axe.min.js, refused when it is not the pinned file."""
    data = AXE.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != AXE_SHA256:
        raise AssertionError(f"{AXE} is not axe-core {AXE_VERSION} (sha256 {digest})")
    return data.decode("utf-8")


def with_axe(page: Page) -> Page:
    """``page`` with axe loaded into each document it opens from now on.

    An init script, not a ``<script>`` tag: the service's Content-Security-Policy
    (``script-src 'self'``) refuses inline scripts, and the test keeps that policy on.
    """
    page.context.add_init_script(script=axe_source())
    return page


def violations(page: Page) -> list[Violation]:
    """The WCAG 2.0/2.1 A and AA violations axe finds on ``page`` as it is now (see :func:`with_axe`)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        raise AssertionError("axe is not loaded: open the page with with_axe(page) first")
    found: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            const options = {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']};
            const result = await axe.run(document, options);
            return result.violations.map((v) => ({
                rule: v.id, impact: v.impact || '', help: v.help,
                targets: v.nodes.map((n) => n.target.join(' ')),
            }));
        }""",
        list(WCAG_AA_TAGS),
    )
    return [
        Violation(rule=v["rule"], impact=v["impact"], help=v["help"], targets=tuple(v["targets"]))
        for v in found
    ]
