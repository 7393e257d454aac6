"""A clock the stability tests move by hand (the folder and carrier tests wait for no real time)."""

from __future__ import annotations


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now
