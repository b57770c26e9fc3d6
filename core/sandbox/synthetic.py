"""A synthetic Nordic school: pupils and staff, guests, disabled and synced accounts, admins, and a
second, federated domain — every case the planner must classify (contracts.md, `--users N`)."""

from __future__ import annotations

import base64
import random
import uuid
from datetime import UTC, datetime, timedelta

from core.sandbox import facts
from core.sandbox.data import USER_FIELDS, App, Directory, default_accounts, make_domain

FIRST = ("Åsa", "Åke", "Märta", "Björn", "Sören", "Göran", "Jörgen", "Linnéa", "Mårten", "Pär",
         "Ingrid", "Elin", "Olle", "Maja", "Nils", "Saga", "Ebba", "Lars", "Tove", "Hjördis",
         "Bjørn", "Søren", "Kåre", "Ærlig", "Signe", "Astrid", "Leif", "Inga", "Rasmus", "Ylva",
         "Aino", "Väinö", "Eero", "Siiri", "Otso", "Jönsi", "Dagny", "Håkan", "Lovisa", "Frö")
LAST = ("Öberg", "Åberg", "Ström", "Lindqvist", "Bäckström", "Sjöberg", "Ängström", "Hägg", "Nyström",
        "Söderberg", "Jönsson", "Pålsson", "Løvik", "Hansen", "Virtanen", "Mäkinen", "Kärkkäinen",
        "Lindgren", "Holm", "Dahl", "Ek", "Berg", "Sandström", "Åkesson", "Fjäll", "Ødegård", "Nordahl",
        "Lundén", "Strand", "Vik")
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "ø": "o", "æ": "ae", "é": "e", "ü": "u"})
_FIRST_ASCII = tuple(n.lower().translate(_FOLD) for n in FIRST)
_LAST_ASCII = tuple(n.lower().translate(_FOLD) for n in LAST)

DOMAIN = "nordskolan.example"
FEDERATED_DOMAIN = "fjordskolan.example"
INITIAL_DOMAIN = "nordskolan.onmicrosoft.com"
# The demo's second school (gui/demo.py): a domain of its own, verified and managed, whose people have
# nothing set yet and nobody synced or admin in it — the domain a Skolon rep federates once the run has
# filled it (issue 18 §1).
SCHOOL_DOMAIN = "ekskolan.example"


def _guid(rng: random.Random) -> str:
    """A version-4 GUID string from the seeded RNG (formatted by hand: uuid.UUID is slow for 100k)."""
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def _anchor(user_id: str) -> str:
    """Entra Connect's default sourceAnchor form: base64 of a GUID's little-endian bytes (graph-facts §9)."""
    return base64.b64encode(uuid.UUID(user_id).bytes_le).decode()


def synthetic(n: int, seed: int = 1) -> Directory:
    """Deterministic for (n, seed). The first users cover every special case, so even n=10 shows them."""
    rng = random.Random(seed)
    tenant_id = _guid(rng)
    now = datetime.now(UTC)
    apps = [
        App(_guid(rng), f"sbx8Q~{rng.getrandbits(160):040x}", ["User.ReadWrite.All"],
            now + timedelta(days=365), "Immutable ID Sync (sandbox)", _guid(rng)),
        App(_guid(rng), f"sbx8Q~{rng.getrandbits(160):040x}", [],
            now + timedelta(days=365), "Immutable ID Sync (no admin consent)", _guid(rng)),
    ]
    domains = [make_domain(DOMAIN, default=True), make_domain(FEDERATED_DOMAIN, "Federated"),
               make_domain(INITIAL_DOMAIN, initial=True)]
    directory = Directory(tenant_id, "Nordskolan", facts.size_for_user_count(n), domains, apps)
    directory.accounts = default_accounts(DOMAIN, tenant_id)
    used: dict[str, int] = {}
    users = directory.users
    for i in range(n):
        user = _person(rng, i, used)
        users[user["id"]] = user
    return directory


assert len(USER_FIELDS) == 14  # keep _person's literal in step with the stored fields
_SPECIAL = ("admin", "admin", "guest", "disabled", "synced", "has_id", "federated", "federated_id")


def _kind(rng: random.Random, i: int) -> str:
    if i < len(_SPECIAL):
        return _SPECIAL[i]
    u = rng.random()
    for kind, edge in (("guest", 0.01), ("disabled", 0.04), ("synced", 0.07), ("has_id", 0.12),
                       ("federated", 0.15), ("federated_id", 0.17), ("admin", 0.172)):
        if u < edge:
            return kind
    return "member"


def _person(rng: random.Random, i: int, used: dict[str, int]) -> dict:
    kind = _kind(rng, i)
    r = rng.random
    fi, li = int(r() * len(FIRST)), int(r() * len(LAST))
    first, last = FIRST[fi], LAST[li]
    staff = kind == "admin" or r() < 0.08
    local = f"{_FIRST_ASCII[fi]}.{_LAST_ASCII[li]}"
    count = used.get(local, 0) + 1
    used[local] = count
    if count > 1:
        local = f"{local}{count}"
    uid = _guid(rng)
    upn = f"{local}@{FEDERATED_DOMAIN if kind in ('federated', 'federated_id') else DOMAIN}"
    employee_id = None if r() < 0.04 else f"{'P' if staff else ''}{19000 + i}"
    # A literal with every stored field (data.USER_FIELDS): 100,000 of these must take well under 2 s.
    user = {"id": uid, "displayName": f"{first} {last}", "givenName": first, "surname": last,
            "userPrincipalName": upn, "mail": upn, "employeeId": employee_id, "userType": "Member",
            "accountEnabled": True, "onPremisesImmutableId": None, "onPremisesSyncEnabled": None,
            "creationType": None, "jobTitle": "Lärare" if staff else "Elev", "privilegedRole": False}
    if kind != "member":
        _special(user, kind, local, uid)
    return user


def _special(user: dict, kind: str, local: str, uid: str) -> None:
    if kind == "guest":
        external = f"{local}@gmail.example"
        user.update(userPrincipalName=f"{external.replace('@', '_')}#EXT#@{INITIAL_DOMAIN}",
                    mail=external, userType="Guest", employeeId=None, creationType="Invitation",
                    jobTitle=None)
    elif kind == "disabled":
        user["accountEnabled"] = False
    elif kind == "synced":
        user.update(onPremisesSyncEnabled=True, onPremisesImmutableId=_anchor(uid))
    elif kind in ("has_id", "federated_id"):
        user["onPremisesImmutableId"] = _anchor(uid)
    elif kind == "admin":
        user.update(privilegedRole=True, jobTitle="IT-administratör")


def add_school_domain(directory: Directory, n: int = 12, seed: int = 7) -> None:
    """Add SCHOOL_DOMAIN and `n` plain pupils and staff in it (enabled members, each with an employeeId,
    none with an ImmutableId), deterministic for `seed`; appended after the synthetic school's users."""
    rng = random.Random(seed)
    directory.domains.append(make_domain(SCHOOL_DOMAIN))
    used: dict[str, int] = {}
    for i in range(n):
        fi, li = int(rng.random() * len(FIRST)), int(rng.random() * len(LAST))
        local = f"{_FIRST_ASCII[fi]}.{_LAST_ASCII[li]}"
        used[local] = used.get(local, 0) + 1
        local = local if used[local] == 1 else f"{local}{used[local]}"
        upn = f"{local}@{SCHOOL_DOMAIN}"
        staff = i % 6 == 0
        user = {"id": _guid(rng), "displayName": f"{FIRST[fi]} {LAST[li]}", "givenName": FIRST[fi],
                "surname": LAST[li], "userPrincipalName": upn, "mail": upn,
                "employeeId": f"{'P' if staff else ''}{29000 + i}", "userType": "Member", "accountEnabled": True,
                "onPremisesImmutableId": None, "onPremisesSyncEnabled": None, "creationType": None,
                "jobTitle": "Lärare" if staff else "Elev", "privilegedRole": False}
        directory.users[user["id"]] = user


def demo_school(n: int, seed: int = 1) -> Directory:
    """The demo's tenant (gui/demo.py): the synthetic school and its second school's domain."""
    directory = synthetic(n, seed)
    add_school_domain(directory)
    return directory
