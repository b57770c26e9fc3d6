"""A source choice as every face holds it: where values come from, how they are transformed, and which
users are in scope. One schema for the command line's options, the wizard's Source page, a saved
connection, a schools file row and a run's journal header (`source_spec`), so that a run started by one
face can be continued, undone or scheduled by another.

Also the vocabularies the faces offer (contracts.md "Source options"), so no face keeps its own list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from core.source.sources import ATTRIBUTES, MatchBy, Source, parse_source_spec
from core.source.transforms import Transform

CSV = "csv"
ATTRIBUTE = "attribute"
KINDS = (CSV, ATTRIBUTE)
MATCHES = tuple(m.value for m in MatchBy)
TRANSFORMS = tuple(t.value for t in Transform)
# An object id is only meaningful as Entra Connect writes it (base64 of its little-endian bytes), so
# choosing it brings this transform along (graph-facts §9).
OBJECT_ID = "objectId"
ATTRIBUTE_NAMES = (OBJECT_ID, *(name for name in ATTRIBUTES if name != OBJECT_ID))  # the wizard's default first
ENTRA_CONNECT_TRANSFORM = Transform.GUID_BASE64.value


@dataclass(slots=True)
class Scope:
    """Which users a run looks at: UPN domains (none = every domain), guests, disabled accounts."""

    domains: tuple[str, ...] = ()
    include_guests: bool = False
    include_disabled: bool = False

    def __post_init__(self) -> None:
        self.domains = tuple(d.strip().lower().lstrip("@") for d in self.domains if d.strip())


@dataclass
class SourceSpec:
    """Mutable on purpose: the wizard's Source page fills one in as the admin chooses."""

    kind: str = CSV
    csv_path: str = ""
    match: str = MatchBy.UPN.value
    key_column: str = ""
    value_column: str = ""
    attribute: str = OBJECT_ID
    transform: str = Transform.NONE.value
    domains: tuple[str, ...] = ()
    include_guests: bool = False
    include_disabled: bool = False

    # --- the two string forms -------------------------------------------------------------------
    @property
    def option(self) -> str:
        """As `--source` takes it: `csv:PATH` or `attribute:NAME` (an unknown kind as it was given)."""
        return f"{CSV}:{self.csv_path}" if self.kind == CSV else f"{self.kind}:{self.attribute}"

    @classmethod
    def from_option(cls, option: str | None, **rest: Any) -> SourceSpec:
        """From `--source csv:PATH|attribute:NAME` plus the other options by name. A relative CSV path is
        taken from `base` (default: the current folder) and kept absolute, so that a run continued,
        undone or scheduled from another folder reads the same file."""
        base = rest.pop("base", None)
        kind, _, value = (option or "").partition(":")
        spec = cls(kind=kind, **{k: v for k, v in rest.items() if v is not None})
        if kind == CSV:
            spec.csv_path = absolute(value, base)
        else:
            spec.attribute = value
        spec.domains = tuple(spec.domains)
        return spec

    # --- the journal's, a saved connection's and a schools row's form ---------------------------
    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "transform": self.transform, "domains": list(self.domains),
                               "include_guests": self.include_guests, "include_disabled": self.include_disabled}
        if self.kind == CSV:
            out.update(csv_path=absolute(self.csv_path), match=self.match, key_column=self.key_column,
                       value_column=self.value_column)
        else:
            out.update(attribute=self.attribute)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> SourceSpec:
        """What `to_dict` wrote (unknown keys ignored; missing ones take the defaults)."""
        data = data or {}
        names = {f.name for f in fields(cls)}
        spec = cls(**{k: v for k, v in data.items() if k in names and v is not None})
        spec.domains = tuple(spec.domains or ())
        spec.include_guests, spec.include_disabled = bool(spec.include_guests), bool(spec.include_disabled)
        return spec

    @property
    def saved(self) -> bool:
        """Whether this names a source at all (a saved connection may have none)."""
        return self.kind in KINDS and bool(self.csv_path if self.kind == CSV else self.attribute)

    # --- what a run needs -----------------------------------------------------------------------
    @property
    def scope(self) -> Scope:
        return Scope(tuple(self.domains), self.include_guests, self.include_disabled)

    def load(self) -> Source:
        """The source, read and checked (raises SourceSpecError / CsvError: bad input, exit 2)."""
        csv = self.kind == CSV
        return parse_source_spec(self.option, (self.match or None) if csv else None,
                                 (self.key_column or None) if csv else None, (self.value_column or None) if csv else None)

    def describe(self) -> str:
        return self.option + (f" ({self.transform})" if self.transform != Transform.NONE.value else "")


def absolute(path: str, base: str | Path | None = None) -> str:
    if not path:
        return ""
    p = Path(path).expanduser()
    if not p.is_absolute():
        p = Path(base or Path.cwd()) / p
    return str(p.resolve())


def default_transform(kind: str, attribute: str) -> str | None:
    """The transform a choice brings along (None: the admin's own choice stands)."""
    return ENTRA_CONNECT_TRANSFORM if kind == ATTRIBUTE and attribute == OBJECT_ID else None


__all__ = ["ATTRIBUTE", "ATTRIBUTE_NAMES", "CSV", "ENTRA_CONNECT_TRANSFORM", "KINDS", "MATCHES", "OBJECT_ID",
           "TRANSFORMS", "Scope", "SourceSpec", "absolute", "default_transform"]
