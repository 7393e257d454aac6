"""The layout families. Each takes a sampled request and returns a Document.

eio          EIO form (Directive 2014/41/EU Annex A): lettered sections, tick boxes
eaw          European arrest warrant form (Framework Decision 2002/584/JHA annex)
model_form   model MLA request form (after the UNODC model request and the EU-UK
             form of COM(2023) 56): numbered sections, label-value fields, an accounts table
letter_rogatory  free-form letter rogatory / commission rogatoire in prose, no headings
note_verbale embassy note verbale ("presents its compliments") with the request enclosed
fax          fax cover sheet (To/From/Pages, tick boxes) in front of a letter
translation  the request in its language followed by its translation into en, fr or es
coe_form     Council of Europe model request form (coe.py)
freezing_certificate  freezing certificate of Regulation (EU) 2018/1805 Annex I (freezing.py)
hague_letter  letter of request after the Hague Evidence Convention's model form (hague.py)
"""

from __future__ import annotations

import random

from .coe import coe_form
from .doc import BOX_STYLES, Boxes, Document, PageBreak, Rule, Table, Text
from .forms import EAW, EIO
from .freezing import freezing_certificate
from .hague import hague_letter
from .lang import LANG_NAMES, L
from .model import MLA_MEASURES, Content, Req

FAMILIES = [
    "eio",
    "eaw",
    "model_form",
    "letter_rogatory",
    "note_verbale",
    "fax",
    "translation",
    "coe_form",
    "freezing_certificate",
    "hague_letter",
]
EU_LANGS = ["en", "fr", "es", "pt", "de", "it"]
FAMILY_LANGS = {
    f: EU_LANGS if f in ("eio", "eaw") else ["en", "fr", "es", "pt", "ru", "ar", "de", "it"] for f in FAMILIES
}
FAMILY_LANGS["translation"] = ["fr", "es", "pt", "ru", "ar", "de", "it", "en"]


def _doc(req, rng, font=None):
    if req.lang == "ar":
        font = "sans"
    return Document(font=font or rng.choice(["sans", "serif", "cond"]), rtl=req.lang == "ar")


def _style(rng, drawn):
    return {"style": rng.choice(BOX_STYLES), "drawn": drawn}


def _opts(options, chosen, rng, drawn):
    mark = rng.choice(["crossed", "ticked", "filled"]) if drawn else "ticked"
    return [(o, mark if i in chosen else "empty") for i, o in enumerate(options)]


def letterhead(c: Content, d: Document, show_auth=True):
    r = c.r
    d.add(Text(r.state_name.upper(), 11, True, "C", gap=0.5))
    if show_auth and "requesting_authority" not in r.missing:
        d.add(Text(r.auth, 10, True, "C", gap=0.5), Text(r.city, 9, False, "C", gap=3))


def body(c: Content, d: Document, headings=True, numbered=True):
    for i, (key, paras) in enumerate(c.parts(), 1):
        if headings:
            h = c.heading(key) if key in c.D["h"] else key
            d.add(Text(f"{i}. {h}" if numbered else h.upper(), 10, True, gap=1))
        for p in paras:
            d.add(Text(p, 9.5, gap=1.2))


def signature(c: Content, d: Document):
    r = c.r
    d.add(Text(c.D["close"], 9.5, gap=3), Text(r.signer, 9.5, gap=0.3), Text(r.title, 9.5, gap=0.3))
    if "requesting_authority" not in r.missing:
        d.add(Text(r.auth, 9.5))


# ---- (c) model request form --------------------------------------------------------

MF = {  # labels of the model form, per language
    "en": [
        "REQUEST FOR MUTUAL LEGAL ASSISTANCE",
        "Standard request form",
        "Type of proceedings",
        "Urgent",
        "If yes, execution requested by (date)",
        "Assistance requested (tick all that apply)",
        "Details",
    ],
    "fr": [
        "DEMANDE D'ENTRAIDE JUDICIAIRE",
        "Formulaire type de demande",
        "Nature de la procédure",
        "Urgent",
        "Dans l'affirmative, exécution demandée avant le",
        "Mesures demandées (cocher les cases utiles)",
        "Précisions",
    ],
    "es": [
        "SOLICITUD DE ASISTENCIA JUDICIAL",
        "Formulario normalizado",
        "Tipo de procedimiento",
        "Urgente",
        "En caso afirmativo, ejecución antes del",
        "Asistencia solicitada (márquense las casillas)",
        "Detalles",
    ],
    "pt": [
        "PEDIDO DE AUXÍLIO JUDICIÁRIO",
        "Formulário normalizado",
        "Tipo de processo",
        "Urgente",
        "Em caso afirmativo, cumprimento até",
        "Auxílio pedido (assinale as casas)",
        "Pormenores",
    ],
    "ru": [
        "ЗАПРОС О ПРАВОВОЙ ПОМОЩИ",
        "Типовая форма запроса",
        "Вид производства",
        "Срочный",
        "Если да, исполнить до",
        "Запрашиваемая помощь (отметить)",
        "Подробности",
    ],
    "ar": [
        "طلب مساعدة قانونية متبادلة",
        "النموذج الموحد للطلب",
        "نوع الإجراءات",
        "عاجل",
        "في حال الإيجاب، يرجى التنفيذ قبل",
        "المساعدة المطلوبة (ضع علامة)",
        "التفاصيل",
    ],
    "de": [
        "RECHTSHILFEERSUCHEN",
        "Formblatt",
        "Art des Verfahrens",
        "Eilbedürftig",
        "Falls ja, Erledigung erbeten bis",
        "Erbetene Rechtshilfe (Zutreffendes ankreuzen)",
        "Einzelheiten",
    ],
    "it": [
        "RICHIESTA DI ASSISTENZA GIUDIZIARIA",
        "Modulo standard",
        "Tipo di procedimento",
        "Urgente",
        "In caso affermativo, esecuzione entro il",
        "Assistenza richiesta (barrare le caselle)",
        "Dettagli",
    ],
}


def model_form(req: Req, rng: random.Random, drawn=False) -> Document:
    c = Content(req, rng)
    D, M = c.D, MF[req.lang]
    d = _doc(req, rng, "sans")
    st = _style(rng, drawn)
    title = M[0] if req.request_type == "mla" else D["reqtitle"]["extradition"].upper()
    d.add(Text(title, 13, True, "C", gap=0.5), Text(M[1], 8.5, False, "C", gap=3))
    d.add(Text(f"{D['ref']}: {req.ref}    {D['date_w']}: {c.date(req.doc_date)}", 9))
    n = 1
    d.add(Text(f"{n}. {c.heading('requesting_authority')}", 10, True, gap=0.8))
    if "requesting_authority" in req.missing:
        d.add(Text(f"{D['f']['name']}: ", 9), Text(f"{D['f']['address']}: ", 9))
    else:
        d.add(
            Text(f"{D['f']['name']}: {req.auth}", 9, gap=0.6),
            Text(f"{D['f']['address']}: {req.city}, {req.state_name}", 9, gap=0.6),
            Text(
                f"{D['fax']['tel']}: +{rng.randint(20, 99)} {rng.randint(100, 999)} {rng.randint(100000, 999999)}",
                9,
            ),
        )
    n += 1
    d.add(Text(f"{n}. {c.heading('legal_basis')}", 10, True, gap=0.8), Text(c.basis(), 9))
    n += 1
    pts = ["criminal", "civil", "administrative"]
    d.add(Text(f"{n}. {M[2]}", 10, True, gap=0.8))
    d.add(
        Boxes("", _opts([D["proc"][p][1] for p in pts], {pts.index(req.proceeding_type)}, rng, drawn), **st)
    )
    if "subject_matter" not in req.missing:
        d.add(Text(c.subject(), 9))
    n += 1
    d.add(Text(f"{n}. {c.heading('facts_summary')}", 10, True, gap=0.8))
    d.add(Text(c.facts() if "facts_summary" not in req.missing else "—", 9), Text(c.offence_sentence(), 9))
    n += 1
    d.add(Text(f"{n}. {M[5]}", 10, True, gap=0.8))
    shown = sorted(set(rng.sample(MLA_MEASURES, 7)) | set(req.measures), key=MLA_MEASURES.index)
    d.add(
        Boxes(
            "",
            _opts(
                [D["meas"][m][1] for m in shown],
                {i for i, m in enumerate(shown) if m in req.measures},
                rng,
                drawn,
            ),
            vertical=True,
            **st,
        )
    )
    if req.request_type == "extradition":
        for l in c.ext_lines():
            d.add(Text(l, 9))
    if req.measures:
        d.add(Text(M[6] + ":", 9, True, gap=0.5))
        for i, l in enumerate(c.measure_lines(), 1):
            d.add(Text(f"{i}) {l}", 9, indent=4, gap=0.6))
    n += 1
    d.add(Text(f"{n}. {c.heading('person_identity')}", 10, True, gap=0.8))
    f = D["f"]
    for p in req.persons:
        d.add(Text(f"{f['name']}: {p.full}    {f['role']}: {D['role'][p.role]}", 9, gap=0.5))
        if "person_identity" not in req.missing:
            d.add(
                Text(
                    f"{f['dob']}: {c.date(p.dob)}    {f['nat']}: {p.nat}    {f['passport']}: {p.passport}",
                    9,
                    indent=4,
                    gap=0.5,
                ),
                Text(f"{f['address']}: {p.address}", 9, indent=4, gap=1),
            )
    if req.accounts:
        n += 1
        d.add(Text(f"{n}. {c.heading('accounts')}", 10, True, gap=0.8))
        d.add(
            Table(
                [f["account"], f["bank"], f["holder"]],
                [[a.printed, a.bank, a.holder] for a in req.accounts],
                [70, 50, 54],
            )
        )
    n += 1
    d.add(Text(f"{n}. {c.heading('purpose')}", 10, True, gap=0.8))
    d.add(Text(c.purpose() if "purpose" not in req.missing and req.request_type == "mla" else "", 9))
    n += 1
    d.add(Text(f"{n}. {c.heading('urgency')}", 10, True, gap=0.8))
    d.add(Boxes(M[3] + ":", _opts([D["yes"], D["no"]], {0 if req.urgent else 1}, rng, drawn), **st))
    d.add(Text(f"{M[4]}: {c.date(req.deadline) if req.deadline else ''}", 9))
    u = c.urgency()
    if u and req.urgency_kind != "negated":
        d.add(Text(u, 9))
    d.add(Text(f"{req.signer}, {req.title}", 9, gap=0.5), Text(f"{D['date_w']}: {c.date(req.doc_date)}", 9))
    d.footer = D["page"] + " {n}"
    return d


# ---- (a) EIO --------------------------------------------------------------------

EIO_MEASURES = [
    "taking_evidence",
    "search_and_seizure",
    "freezing",
    "bank_records",
    "videoconference",
    "documents_records",
    "examining_objects",
    "expert_evaluation",
    "locate_persons",
]


def eio(req: Req, rng: random.Random, drawn=False) -> Document:
    c = Content(req, rng)
    E, D = EIO[req.lang], c.D
    d = _doc(req, rng, "sans")
    st = _style(rng, drawn)
    d.add(
        Text("ANNEX A", 8, False, "R", gap=0.5),
        Text(E["title"], 13, True, "C", gap=1),
        Text(E["intro"], 8, gap=2),
    )
    d.add(
        Text(E["A"], 10, True, gap=0.5),
        Text(f"{E['A1']}: {req.state_name}", 9, gap=0.4),
        Text(f"{E['A2']}: Reference State", 9),
    )
    d.add(Text(E["B"], 10, True, gap=0.5))
    chosen = set()
    if req.urgency_kind == "deadline":
        chosen = {1} if rng.random() < 0.5 else {2}
    elif req.urgency_kind == "plain":
        chosen = {0}
    d.add(Boxes(E["B0"], _opts(E["Bo"], chosen, rng, drawn), vertical=True, **st))
    dl = ""
    if req.urgency_kind == "deadline":
        dl = c.urgency()
    elif req.urgency_kind == "negated":
        dl = "—"
    d.add(Text(f"{E['B2']} {dl}", 9))
    d.add(Text(E["C"], 10, True, gap=0.5))
    shown = list(EIO_MEASURES) + [m for m in req.measures if m not in EIO_MEASURES]
    d.add(
        Boxes(
            "",
            _opts(
                [D["meas"][m][1] for m in shown],
                {i for i, m in enumerate(shown) if m in req.measures},
                rng,
                drawn,
            ),
            vertical=True,
            **st,
        )
    )
    d.add(Text(E["C1"], 9, gap=0.5))
    for i, l in enumerate(c.measure_lines(), 1):
        d.add(Text(f"{i}. {l}", 9, indent=4, gap=0.6))
    d.add(Text(E["E"], 10, True, gap=0.5))
    f = D["f"]
    for i, p in enumerate(req.persons, 1):
        d.add(Text(f"{i}. {p.full}    {f['role']}: {D['role'][p.role]}", 9, gap=0.4))
        if "person_identity" not in req.missing:
            d.add(
                Text(
                    f"{f['dob']}: {c.date(p.dob)}    {f['pob']}: {p.pob}    {f['nat']}: {p.nat}",
                    9,
                    indent=4,
                    gap=0.4,
                ),
                Text(f"{f['passport']}: {p.passport}    {f['address']}: {p.address}", 9, indent=4, gap=1),
            )
    d.add(Text(E["F"], 10, True, gap=0.5))
    d.add(
        Boxes(
            "",
            _opts(E["Fo"], {0 if req.proceeding_type == "criminal" else 1}, rng, drawn),
            vertical=True,
            **st,
        )
    )
    d.add(Text(E["G"], 10, True, gap=0.5))
    d.add(Text(E["G1"], 9, True, gap=0.4), Text(c.facts() if "facts_summary" not in req.missing else "", 9))
    d.add(
        Text(E["G2"], 9, True, gap=0.4),
        Text(c.subject() if "subject_matter" not in req.missing else c.offence_sentence(), 9),
    )
    cats = set()
    if set(req.offences) & {"art15", "art16", "art17", "art18", "art19", "art20", "art21", "art22"}:
        cats.add(1)
    if "art23" in req.offences:
        cats.add(3)
    if "other" in req.offences:
        cats.add(2)
    d.add(Boxes(E["G3"], _opts(E["Go"], cats, rng, drawn), vertical=True, **st))
    d.add(Text(E["H"], 10, True, gap=0.5))
    hch = {i for i, m in enumerate(["bank_records", "videoconference", "-"]) if m in req.measures}
    d.add(Boxes("", _opts(E["Ho"], hch, rng, drawn), vertical=True, **st))
    if "purpose" not in req.missing:
        d.add(Text(E["H1"], 9, True, gap=0.4), Text(c.purpose(), 9))
    d.add(Text(E["I"], 10, True, gap=0.5))
    d.add(Boxes("", _opts(E["Io"], {1} if rng.random() < 0.5 else set(), rng, drawn), vertical=True, **st))
    d.add(Text(E["K"], 10, True, gap=0.5))
    if "requesting_authority" in req.missing:
        d.add(Boxes("", _opts(E["Ko"], set(), rng, drawn), vertical=True, **st))
        for k in ("K1", "K2", "K3", "K4", "K5"):
            d.add(Text(f"{E[k]}: ", 9, gap=0.4))
    else:
        d.add(Boxes("", _opts(E["Ko"], {1}, rng, drawn), vertical=True, **st))
        for k, v in (
            ("K1", req.auth),
            ("K2", req.signer),
            ("K3", req.title),
            ("K4", req.case),
            ("K5", f"{req.city}, {req.state_name}"),
        ):
            d.add(Text(f"{E[k]}: {v}", 9, gap=0.4))
    d.add(Text(E["L"], 10, True, gap=0.5), Text(E["L1"], 9))
    d.add(Text(f"{E['sig']}: {req.signer}    {E['date']}: {c.date(req.doc_date)}", 9))
    d.footer = "{n}"
    return d


# ---- (b) EAW ---------------------------------------------------------------------


def eaw(req: Req, rng: random.Random, drawn=False) -> Document:
    c = Content(req, rng)
    E, D = EAW[req.lang], c.D
    d = _doc(req, rng, "sans")
    st = _style(rng, drawn)
    p = req.persons[0]
    f = D["f"]
    d.add(Text(E["title"], 13, True, "C", gap=1), Text(E["intro"], 8.5, gap=2))
    d.add(Text(E["a"], 10, True, gap=0.5))
    full = "person_identity" not in req.missing
    rows = [
        (f["name"], p.full),
        (E["alias"], ""),
        (f["sex"], f[p.sex] if full else ""),
        (f["nat"], p.nat if full else ""),
        (f["dob"], c.date(p.dob) if full else ""),
        (f["pob"], p.pob if full else ""),
        (f["address"], p.address if full else ""),
        (E["marks"], ""),
    ]
    for k, v in rows:
        d.add(Text(f"{k}: {v}", 9, gap=0.4))
    d.add(Text(E["b"], 10, True, gap=0.5), Text(E["b1"], 9, gap=0.4))
    d.add(Text(f"{E['b2']} {E['bt'].format(d=c.date(req.doc_date.replace(day=1)))}", 9))
    d.add(Text(E["c"], 10, True, gap=0.5), Text(E["c1"].format(n=rng.choice([5, 8, 10, 12])), 9))
    d.add(Text(E["d"], 10, True, gap=0.5))
    d.add(Boxes("", _opts(E["do"], {2}, rng, drawn), vertical=True, **st))
    d.add(Text(E["e"], 10, True, gap=0.5), Text(E["e0"].format(n=len(req.offences)), 9))
    d.add(Text(E["e1"], 9, True, gap=0.4), Text(c.facts() if "facts_summary" not in req.missing else "", 9))
    d.add(Text(E["e2"], 9, True, gap=0.4), Text(c.offence_sentence(), 9))
    cats = set()
    if set(req.offences) & {"art15", "art16", "art17", "art18", "art19", "art20", "art21", "art22"}:
        cats.add(1)
    if "art23" in req.offences:
        cats.add(3)
    if "other" in req.offences:
        cats.add(2)
    d.add(Boxes(E["e3"], _opts(EIO[req.lang]["Go"], cats, rng, drawn), vertical=True, **st))
    d.add(Text(E["f"], 10, True, gap=0.5))
    if len(req.persons) > 1:
        q = req.persons[1]
        d.add(Text(f"{q.full} ({D['role'][q.role]})", 9))
    u = c.urgency()
    if u:
        d.add(Text(u, 9))
    if req.urgent:
        d.add(Text(D["ext_arrest"].format(p=p.full), 9))
    if "locate_persons" in req.measures:
        d.add(Text(E["locate"], 9))
    d.add(Text(E["g"], 10, True, gap=0.5))
    seize = "search_and_seizure" in req.measures
    d.add(Boxes("", _opts(E["go"], {0 if seize else 1}, rng, drawn), **st))
    d.add(Text(E["g1"], 9, gap=0.4))
    if seize:
        d.add(Text(D["meas"]["search_and_seizure"][0].format(co=req.co), 9))
    if req.accounts:
        d.add(Text(D["accounts_intro"], 9, gap=0.4))
        for l in c.account_lines():
            d.add(Text(l, 9, indent=4, gap=0.4))
    d.add(Text(E["i"], 10, True, gap=0.5))
    E2 = EIO[req.lang]
    for k, v in (
        ("K1", req.auth),
        ("K2", req.signer),
        ("K3", req.title),
        ("K4", req.case),
        ("K5", f"{req.city}, {req.state_name}"),
    ):
        d.add(Text(f"{E2[k]}: {v}", 9, gap=0.4))
    d.add(Text(f"{E2['sig']}: {req.signer}    {E2['date']}: {c.date(req.doc_date)}", 9))
    d.footer = "{n}"
    return d


# ---- (d) letter rogatory -----------------------------------------------------------


def letter_rogatory(req: Req, rng: random.Random, drawn=False) -> Document:
    c = Content(req, rng)
    D = c.D
    d = _doc(req, rng, "serif")
    letterhead(c, d)
    d.add(Text(f"{req.city}, {c.date(req.doc_date)}", 9.5, align="R"), Text(f"{D['ref']}: {req.ref}", 9.5))
    d.add(Text(D["lr_open"], 12, True, "C", gap=3))
    auth = req.auth if "requesting_authority" not in req.missing else ""
    intro = D["lr_intro"].format(signer=req.signer, title=req.title, auth=auth or "—")
    if not auth:
        intro = intro.replace(" —", "").replace("—", "")
    d.add(Text(intro, 10, align="J"))
    paras = []
    paras.append(c.basis())
    if "subject_matter" not in req.missing:
        paras.append(c.subject())
    if "facts_summary" not in req.missing:
        paras.append(c.facts())
    paras.append(c.offence_sentence())
    for p in paras:
        d.add(Text(p, 10, align="J"))
    # persons woven in prose
    for p in req.persons:
        d.add(Text(" ".join(c.person_block(p)), 10, align="J"))
    if req.accounts:
        d.add(Text(D["accounts_intro"] + " " + "; ".join(c.account_lines()) + ".", 10, align="J"))
    if req.request_type == "extradition":
        for l in c.ext_lines():
            d.add(Text(l, 10, align="J"))
    if req.measures:
        lines = c.measure_lines()
        d.add(Text(D["lr_ask"] + " " + "; ".join(lines) + ".", 10, align="J"))
    if "purpose" not in req.missing and req.request_type == "mla":
        d.add(Text(c.purpose(), 10, align="J"))
    u = c.urgency()
    if u:
        d.add(Text(u, 10, align="J"))
    d.add(Text(D["lr_end"], 10, align="J", gap=4))
    d.add(Text(req.signer, 10, gap=0.3), Text(req.title, 10))
    d.footer = "- {n} -"
    return d


# ---- (e) note verbale ----------------------------------------------------------------


def note_verbale(req: Req, rng: random.Random, drawn=False) -> Document:
    c = Content(req, rng)
    D = c.D
    d = _doc(req, rng, "serif")
    emb = D["emb"].format(state=req.state_name)
    d.add(Text(emb.upper(), 11, True, "C", gap=0.5), Text("Eastbridge", 9, False, "C", gap=4))
    d.add(Text(f"N° {rng.randint(100, 999)}/{req.doc_date.year}/{rng.choice(['JUR', 'CONS', 'POL'])}", 9.5))
    d.add(Text(D["note"], 12, True, "C", gap=3))
    what = D["what"][req.request_type].format(p=req.persons[0].full)
    d.add(Text(D["compl"].format(emb=emb, what=what, auth=req.auth, city=req.city), 10, align="J"))
    u = c.urgency()
    if u and rng.random() < 0.6:
        d.add(Text(u, 10, align="J"))
        u = None
    d.add(Text(D["compl_end"].format(emb=emb), 10, align="J", gap=3))
    d.add(Text(f"Eastbridge, {c.date(req.doc_date)}", 10, align="R", gap=2))
    d.add(Text(D["to"], 8.5))
    d.add(PageBreak())
    letterhead(c, d)
    d.add(Text(D["reqtitle"][req.request_type], 11, True, "C", gap=2))
    body(c, d, headings=rng.random() < 0.6)
    signature(c, d)
    d.footer = "{n}"
    return d


# ---- (f) fax -------------------------------------------------------------------------


def fax(req: Req, rng: random.Random, drawn=False) -> Document:
    c = Content(req, rng)
    D = c.D
    F = D["fax"]
    d = _doc(req, rng, "mono")
    st = _style(rng, drawn)
    num = f"+{rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    d.header = f"{c.date(req.doc_date)} {rng.randint(8, 18):02d}:{rng.randint(0, 59):02d}  {num}  P.{{n}}"
    d.add(Text(F["title"], 20, True, "C", gap=4))
    d.add(Text(f"{F['to']}: {D['to']}", 10, gap=1), Text(f"{F['fax']}: +99 20 555 0142", 10, gap=1))
    sender = req.auth if "requesting_authority" not in req.missing else req.signer
    d.add(Text(f"{F['frm']}: {sender}", 10, gap=1), Text(f"{F['fax']}: {num}", 10, gap=1))
    d.add(
        Text(f"{F['date']}: {c.date(req.doc_date)}", 10, gap=1),
        Text(f"{F['pages']}: {rng.randint(3, 6)}", 10, gap=1),
    )
    d.add(Text(f"{F['re']}: {D['reqtitle'][req.request_type]} – {req.ref}", 10, gap=3))
    opts = [F["urgent"], F["review"], F["comment"], F["reply"]]
    chosen = {1} | ({0} if req.urgent and rng.random() < 0.7 else set())
    d.add(Boxes("", _opts(opts, chosen, rng, drawn), **st))
    d.add(Rule(), Text(F["note"], 8.5))
    d.add(PageBreak())
    letterhead(c, d)
    d.add(Text(f"{req.city}, {c.date(req.doc_date)}", 9.5, align="R"), Text(f"{D['ref']}: {req.ref}", 9.5))
    d.add(
        Text(D["to"], 9.5, gap=2),
        Text(D["reqtitle"][req.request_type], 11, True, gap=2),
        Text(D["dear"], 9.5),
    )
    body(c, d, headings=rng.random() < 0.7, numbered=rng.random() < 0.5)
    signature(c, d)
    return d


# ---- (g) translation attached ----------------------------------------------------------


def translation(req: Req, rng: random.Random, drawn=False) -> Document:
    c = Content(req, rng)
    d = _doc(req, rng, "sans")
    letterhead(c, d)
    d.add(
        Text(f"{req.city}, {c.date(req.doc_date)}", 9.5, align="R"),
        Text(c.D["reqtitle"][req.request_type], 11, True, gap=2),
    )
    state = rng.getstate()
    body(c, d, headings=True)
    signature(c, d)
    tl = req.translated_to
    T = L[tl]
    rng.setstate(state)
    c2 = Content(req, rng, lang=tl)
    c2.dstyle = c.dstyle
    d.add(
        PageBreak(),
        Text(T["translation"], 12, True, "C", gap=0.5),
        Text(T["translation_note"].format(src=LANG_NAMES[tl][req.lang]), 8.5, False, "C", gap=3),
    )
    d2 = Document()
    letterhead(c2, d2)
    d2.add(
        Text(f"{req.city}, {c2.date(req.doc_date)}", 9.5, align="R"),
        Text(T["reqtitle"][req.request_type], 11, True, gap=2),
    )
    body(c2, d2, headings=True)
    signature(c2, d2)
    d.blocks.extend(d2.blocks)
    d.rtl = req.lang == "ar"
    d.footer = "{n}"
    return d


RENDER = {
    "eio": eio,
    "eaw": eaw,
    "model_form": model_form,
    "letter_rogatory": letter_rogatory,
    "note_verbale": note_verbale,
    "fax": fax,
    "translation": translation,
    "coe_form": coe_form,
    "freezing_certificate": freezing_certificate,
    "hague_letter": hague_letter,
}
