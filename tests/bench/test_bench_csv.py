"""Benchmark: a 500,000-row IdP export read and used as a CSV source, peak memory of the whole path.

Each measurement runs in a fresh process (`python THIS_FILE MODE CSV ROOT`) that reports its own peak RSS
(VmHWM): read the export, build the source's key -> value lookup, resolve every person as planning does,
list the unmatched rows. Measured side by side:
  - cli: `parse_source_spec("csv:...")`, what `preview` and `apply` do;
  - gui: the Source page's path, `read_table(path, max_rows=...)` for the pickers, then `CsvSource(table, ...)`;
  - baseline: the old approach (the whole file decoded at once, every row kept as a list of all columns).

Goal: < 300 MB peak RSS. It prints each figure as a ratio against the baseline measured in the same run (issue
15 §4: a benchmark prints, it never asserts an absolute figure); it asserts only that every path found the
same people.   Run: pytest tests/bench/test_bench_csv.py -s -p no:cacheprovider
--override-ini addopts=   (`python THIS_FILE cli CSV /path/to/another/checkout` measures other code.)
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROWS = 500_000
TARGET_MB = 300
HEADER = ["PersonId", "Förnamn", "Efternamn", "Email", "Skola", "Klass", "SkolonId"]
FIRST = ["Åsa", "Jörgen", "Märta", "Björn", "Sören", "Ödön", "Ärla", "Linnéa", "Måns", "Göran", "Anna",
         "Erik", "Karin", "Lars", "Maja", "Nils", "Sofia", "Tove", "Ulla", "Åke"]
LAST = ["Öberg", "Åström", "Lindström", "Bäckström", "Sjöberg", "Nyström", "Hägg", "Ekström", "Söderlund",
        "Mäkinen", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Holmén"]
SCHOOLS = ["Nordskolan", "Älvängen", "Sjöbacka", "Västra", "Björkhagen"]
PLAIN = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")


def person(i: int) -> list[str]:
    """Row i of the export; deterministic, so the measuring process can rebuild any person's key."""
    first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
    email = f"{first}.{last}{i}@skola.example".translate(PLAIN)
    email = email if i % 10 == 0 else email.lower()  # most exports write addresses in lower case
    return [str(100_000 + i), first, last, email, SCHOOLS[i % len(SCHOOLS)], f"{7 + i % 3}{'ABCD'[i % 4]}",
            f"{i:08x}-5f1c-4e2a-9b7d-{(i * 2654435761) % 16**12:012x}"]


def write_export(path: Path, rows: int = ROWS) -> Path:
    """Like an Excel "CSV UTF-8" export in a Nordic locale: BOM, ';', CRLF."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(HEADER)
        for i in range(rows):
            out.writerow(person(i))
    return path


class BaselineSource:
    """The old approach: the file read and decoded whole, every row kept as a list of all its columns."""

    def __init__(self, path: Path, key_column: str, value_column: str) -> None:
        import io

        text = path.read_bytes().decode("utf-8-sig")
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", skipinitialspace=True)
        headers = next(reader)
        self.rows = [[cell.strip() for cell in row] for row in reader]
        self.key, self.value = headers.index(key_column), headers.index(value_column)
        self.index: dict[str, list[int]] = {}
        for i, row in enumerate(self.rows):
            self.index.setdefault(row[self.key].casefold(), []).append(i)
        self.hit: set[str] = set()

    def resolve(self, user) -> tuple[str | None, str | None]:
        key = user.upn.casefold()
        found = self.index.get(key)
        if found is None:
            return None, "no_csv_row"
        self.hit.add(key)
        return self.rows[found[0]][self.value], None

    def unmatched_rows(self) -> list:
        return [row for row in self.rows if row[self.key].casefold() not in self.hit]


def _peak_rss_mb() -> float:
    """This process's own peak (VmHWM starts afresh at exec; ru_maxrss would carry pytest's over)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def measure(mode: str, path: Path) -> dict:
    """In the measuring process: load the export as a source, plan every 10th person away (they stay
    unmatched), list the unmatched rows."""
    import time
    from types import SimpleNamespace

    t0 = time.perf_counter()
    if mode == "cli":
        from core.source.sources import parse_source_spec

        source = parse_source_spec(f"csv:{path}", "upn", "Email", "SkolonId")
    elif mode == "gui":
        from core.source.csvfile import read_table
        from core.source.sources import CsvSource

        table = read_table(path, max_rows=20)
        source = CsvSource(table, "upn", "Email", "SkolonId", path=path)
    else:
        source = BaselineSource(path, "Email", "SkolonId")
    loaded_s = time.perf_counter() - t0
    user, found = SimpleNamespace(upn=""), 0
    for i in range(ROWS):
        if i % 10 != 7:
            user.upn = person(i)[3]
            found += source.resolve(user)[0] is not None
    unmatched = len(source.unmatched_rows())
    return {"mode": mode, "load_s": loaded_s, "total_s": time.perf_counter() - t0, "found": found,
            "unmatched": unmatched, "rss_mb": _peak_rss_mb()}


def run(mode: str, path: Path, root: Path = ROOT) -> dict:
    done = subprocess.run([sys.executable, __file__, mode, str(path), str(root)], cwd=root,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_bench_csv_source_500k_rows(tmp_path):
    export = write_export(tmp_path / "idp-export.csv")
    size_mb = export.stat().st_size / 1e6
    figures = {mode: run(mode, export) for mode in ("cli", "gui", "baseline")}
    base = figures["baseline"]["rss_mb"]
    print(f"\n{ROWS:,}-row export, {size_mb:.1f} MB, {len(HEADER)} columns (UTF-8 with BOM, ';')")
    for mode, f in figures.items():
        print(f"{mode:>8}: peak RSS {f['rss_mb']:.0f} MB (goal < {TARGET_MB}), ours/baseline "
              f"{f['rss_mb'] / base:.2f}; loaded in {f['load_s']:.2f} s, whole path {f['total_s']:.2f} s, "
              f"ours/baseline {f['total_s'] / figures['baseline']['total_s']:.2f}")
    for f in figures.values():
        assert (f["found"], f["unmatched"]) == (ROWS - ROWS // 10, ROWS // 10)


if __name__ == "__main__":
    sys.path.insert(0, sys.argv[3])
    print(json.dumps(measure(sys.argv[1], Path(sys.argv[2]))))
