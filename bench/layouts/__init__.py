"""Labelled request corpora in layouts unlike dev's (issue 14, point 4).

A generator of requests for mutual legal assistance and extradition in seven
layout families (EIO Annex A form, EAW form, model request form, letter
rogatory, note verbale, fax, request with its translation), eight languages,
born-digital and scanned, plus requests written by hand (handwritten/*.yaml).
The labels are the truth of what each document says; route_to and notify follow
from them by the reference routing policy, applied by bench.layouts.routing.
Measure on these corpora; never tune to them.
"""
