"""A sample identity-provider export of a sandbox tenant's people, for the demo's Source page: shaped like a
Skolon user export (`Email;SkolonId;FirstName;LastName`, UTF-8 with BOM, `;`, CRLF: what Excel on a
Nordic Windows machine writes), with the untidiness real exports have, so the demo shows every outcome.

What the file holds, and why:
- one row per person the school has in the IdP: members, disabled and synced accounts alike; no guests
  (an IdP does not know the tenant's invited guests);
- a few people missing (added to Entra but not yet to the IdP) -> "no row in the file";
- a few former pupils still in the IdP but gone from Entra -> rows that match nobody;
- e-mail addresses in other capitals, or with stray spaces -> still matched;
- one person without an id yet (empty SkolonId) and one listed twice, identically.
Deterministic for a given tenant (the ids are hashes of the users' object ids).
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path
from typing import Any

HEADER = ("Email", "SkolonId", "FirstName", "LastName")
MISSING_EVERY = 37  # every 37th member has no row yet
CAPITALS_EVERY = 11  # every 11th address was typed with capitals in the IdP
FORMER_PUPILS = (("Ella", "Nyberg"), ("Viggo", "Sundqvist"), ("Alva", "Holmberg"), ("Noah", "Ekström"))


def skolon_id(user_id: str) -> str:
    """A stable, unique, ImmutableId-safe id for a person (letters, digits and '-')."""
    return "sk-" + hashlib.sha256(user_id.encode("ascii")).hexdigest()[:16]


def sample_rows(users: list[dict[str, Any]], domain: str) -> list[tuple[str, str, str, str]]:
    """The export's rows (header excluded), in the IdP's order. `domain`: the school's main domain."""
    rows: list[tuple[str, str, str, str]] = []
    people = [u for u in users if u.get("userType") != "Guest"]
    for i, user in enumerate(people):
        if i % MISSING_EVERY == MISSING_EVERY - 1:
            continue
        email = user.get("mail") or user["userPrincipalName"]
        if i % CAPITALS_EVERY == 3:
            local, _, host = email.partition("@")
            email = f"{local.title()}@{host.capitalize()}"
        elif i == 5:
            email = f" {email} "  # pasted with spaces; the reader strips them
        rows.append((email, skolon_id(user["id"]), user.get("givenName") or "", user.get("surname") or ""))
    if len(rows) > 12:
        rows[9] = (rows[9][0], "", rows[9][2], rows[9][3])  # new in Skolon, no id given out yet
        rows.insert(13, rows[12])  # the same person exported twice (two classes), identical rows
    for first, last in FORMER_PUPILS:
        email = f"{first.lower()}.{last.lower().replace('ö', 'o')}@{domain}"
        rows.append((email, skolon_id(email), first, last))
    return rows


def sample_export(tenant: Any, path: str | Path) -> Path:
    """Write `tenant`'s sample export (a SandboxTenant, or anything with `.users` and `.directory`) to
    `path` (its folder is made), replacing what was there; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    domains = getattr(tenant.directory, "domains", None) or []
    default = next((d for d in domains if d.get("isDefault")), None)
    domain = default["id"] if default else "school.example"
    rows = sample_rows(list(tenant.users.values()), domain)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
        handle.write("\r\n")  # the blank last line spreadsheet exports often end with
    return path
