#!/usr/bin/env python3
"""Generate the lookup tables in src/tables/ from authoritative sources.

Regenerate (from the repository root):

    python3 scripts/gen_tables.py

Outputs (overwritten; never edit them by hand):

    src/tables/timezones.rs   TIME_ZONES, TZDATA_VERSION
    src/tables/languages.rs   LANGUAGES, ALPHA3_TO_ALPHA2
    src/tables/countries.rs   COUNTRIES, COUNTRY_NAMES

Sources and their licences:

* Time zones: the IANA tz database (https://www.iana.org/time-zones), in the
  public domain, as shipped by the PyPI package ``tzdata`` (Apache-2.0
  packaging by the Python Software Foundation), pinned below to
  TZDATA_PYPI_VERSION with the wheel's SHA-256. The script runs
  ``python3 -m pip download --no-deps tzdata==<pin>`` into a temporary
  directory (nothing is installed) unless ``--tzdata-wheel PATH`` names an
  already-downloaded wheel. The zone and link names are read from the
  ``tzdata.zi`` file inside the wheel (every ``Z`` and ``L`` line) and
  cross-checked against the wheel's own ``tzdata/zones`` list.
* Languages (ISO 639-1/639-2) and countries (ISO 3166-1): Debian's
  ``iso-codes`` package (LGPL-2.1-or-later), JSON files in
  /usr/share/iso-codes/json/ (``iso_639-2.json``, ``iso_3166-1.json``);
  its version is taken from ``dpkg-query -W iso-codes``.

The only hand-typed data is the clearly marked block of country aliases (and
the one user-assigned code, Kosovo) below.

Python 3.11+, standard library only. The output is deterministic: every table
is sorted and the same inputs give the same bytes. Afterwards the script runs
``rustfmt --check`` on the files (when rustfmt is on PATH) and fails if
rustfmt would change them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

TZDATA_PYPI_VERSION = "2026.6"
TZDATA_WHEEL_NAME = f"tzdata-{TZDATA_PYPI_VERSION}-py2.py3-none-any.whl"
TZDATA_WHEEL_SHA256 = "0a10eec6e13ef16b627fabed9a5f2ba61a62b1c67f327305f4e7e412a70b4aec"

ISO_CODES_JSON_DIR = Path("/usr/share/iso-codes/json")

REPO_ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = REPO_ROOT / "src" / "tables"

TZ_NAME_RE = re.compile(r"^[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*$")

# ---------------------------------------------------------------------------
# HAND-KEPT DATA: the only data in this script not read from a source file.
# ---------------------------------------------------------------------------

# User-assigned ISO 3166-1 code for Kosovo (not in ISO 3166-1 itself, nor in
# iso-codes); the Customer spec accepts it.
EXTRA_COUNTRIES = [("XK", "XKX", "Kosovo")]

# Common English forms of country names -> alpha-2. Several are already a
# `name`, `official_name` or `common_name` in iso-codes (e.g. "United States",
# "Czechia", "Czech Republic", "North Macedonia", "Vietnam", "Iran", "Syria",
# "Laos", "Bolivia", "Venezuela", "Tanzania", "Moldova", "Taiwan",
# "South Korea", "North Korea", "Türkiye", "Kosovo"); listing them again is
# harmless (same country) and keeps the intent visible.
COUNTRY_ALIASES = {
    "UK": "GB",
    "Great Britain": "GB",
    "Britain": "GB",
    "USA": "US",
    "U.S.A.": "US",
    "U.S.": "US",
    "United States": "US",
    "United States of America": "US",
    "America": "US",
    "Russia": "RU",
    "South Korea": "KR",
    "Korea": "KR",
    "North Korea": "KP",
    "Vietnam": "VN",
    "Iran": "IR",
    "Syria": "SY",
    "Laos": "LA",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Tanzania": "TZ",
    "Moldova": "MD",
    "Czech Republic": "CZ",
    "Czechia": "CZ",
    "Ivory Coast": "CI",
    "Macedonia": "MK",
    "North Macedonia": "MK",
    "Holland": "NL",
    "The Netherlands": "NL",
    "Turkey": "TR",
    "Türkiye": "TR",
    "Cape Verde": "CV",
    "Swaziland": "SZ",
    "Burma": "MM",
    "Palestine": "PS",
    "Vatican": "VA",
    "Vatican City": "VA",
    "Taiwan": "TW",
    "Brunei": "BN",
    "Micronesia": "FM",
    "UAE": "AE",
    "Kosovo": "XK",
    # ISO's own short names that iso-codes spells differently, beyond what
    # the key's word rules already join.
    "Holy See": "VA",
    "Netherlands (Kingdom of the)": "NL",
    "Falkland Islands": "FK",
    # Common English forms.
    "Democratic Republic of the Congo": "CD",
    "DR Congo": "CD",
    "DRC": "CD",
    "Congo-Kinshasa": "CD",
    "Congo-Brazzaville": "CG",
    "Republic of Korea": "KR",
    "Republic of Ireland": "IE",
    "East Timor": "TL",
    "Macau": "MO",
    "US Virgin Islands": "VI",
    "Saint Martin": "MF",
    "Sint Maarten": "SX",
    "Saint Helena": "SH",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
}

# Lookup keys claimed by two countries are dropped here, each with a reason.
# The script fails loudly on any ambiguous key not listed here.
AMBIGUOUS_KEYS_DROPPED: dict[str, str] = {}

# ---------------------------------------------------------------------------


def fail(msg: str) -> None:
    sys.exit(f"gen_tables.py: error: {msg}")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch_tzdata_wheel(tmp: Path) -> Path:
    cmd = [
        sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
        "--only-binary=:all:", "--dest", str(tmp),
        f"tzdata=={TZDATA_PYPI_VERSION}",
    ]
    subprocess.run(cmd, check=True)
    wheel = tmp / TZDATA_WHEEL_NAME
    if not wheel.is_file():
        fail(f"pip did not produce {TZDATA_WHEEL_NAME} in {tmp}")
    return wheel


def load_time_zones(wheel: Path) -> tuple[str, list[tuple[str, str]]]:
    digest = sha256_of(wheel)
    if digest != TZDATA_WHEEL_SHA256:
        fail(f"{wheel}: sha256 {digest} != pinned {TZDATA_WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as z:
        zi = z.read("tzdata/zoneinfo/tzdata.zi").decode("utf-8")
        listed = set(z.read("tzdata/zones").decode("utf-8").split())
        init = z.read("tzdata/__init__.py").decode("utf-8")

    m = re.match(r"# version (\S+)\n", zi)
    if not m:
        fail("tzdata.zi has no '# version' line")
    iana_version = m.group(1)
    m2 = re.search(r'^IANA_VERSION = "([^"]+)"$', init, re.M)
    if not m2 or m2.group(1) != iana_version:
        fail(f"tzdata IANA_VERSION does not match tzdata.zi version {iana_version}")

    names: set[str] = set()
    for line in zi.splitlines():
        fields = line.split()
        if not fields:
            continue
        if fields[0] == "Z":  # Z NAME STDOFF RULES FORMAT [UNTIL]
            names.add(fields[1])
        elif fields[0] == "L":  # L TARGET LINK-NAME
            names.add(fields[2])
    if names != listed:
        fail(f"tzdata.zi and tzdata/zones disagree: {sorted(names ^ listed)}")

    for n in names:
        if not TZ_NAME_RE.match(n) or n.split("/")[0] in ("posix", "right"):
            fail(f"unexpected time zone name {n!r}")

    rows = sorted(names, key=str.lower)
    assert_unique_sorted("TIME_ZONES", [n.lower() for n in rows])
    return iana_version, rows


def iso_codes_version() -> str:
    out = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", "iso-codes"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    if not out:
        fail("dpkg-query found no iso-codes version")
    return out


def load_json(dir_: Path, name: str, key: str) -> list[dict]:
    with open(dir_ / name, encoding="utf-8") as f:
        return json.load(f)[key]


def assert_unique_sorted(table: str, keys: list[str]) -> None:
    if keys != sorted(keys):
        fail(f"{table}: keys not sorted")
    dups = sorted(k for k, n in Counter(keys).items() if n > 1)
    if dups:
        fail(f"{table}: duplicate keys {dups}")


def build_languages(dir_: Path):
    entries = load_json(dir_, "iso_639-2.json", "639-2")
    languages: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    for e in entries:
        a2 = e.get("alpha_2")
        if not a2:
            continue
        if a2 in languages:
            fail(f"ISO 639-1 code {a2} appears twice")
        languages[a2] = e["name"]
        for code in (e["alpha_3"], e.get("bibliographic")):
            if code is None:
                continue
            if alpha3.get(code, a2) != a2:
                fail(f"ISO 639-2 code {code} maps to {alpha3[code]} and {a2}")
            alpha3[code] = a2
    langs = sorted(languages.items())
    a3 = sorted(alpha3.items())
    assert_unique_sorted("LANGUAGES", [k for k, _ in langs])
    assert_unique_sorted("ALPHA3_TO_ALPHA2", [k for k, _ in a3])
    return langs, a3


# Country name keys: the Rust side's `name_key` (src/rules/country.rs) does
# the same. Brackets and commas separate words like whitespace, full stops
# are dropped, and these words are read as another: so ISO's own spellings
# ("Bolivia (Plurinational State of)", "Bahamas (the)"), iso-codes' ("Bolivia,
# Plurinational State of") and common ones ("The Gambia", "St. Lucia",
# "Trinidad & Tobago", "U.S.A.") meet on one key.
KEY_WORD_BREAKS = "()[],"
KEY_WORD_FORMS = {"the": "", "st": "saint", "&": "and"}


def normalise(s: str) -> str:
    """The Rust side's contract (country name keys): lower-case; words split at
    whitespace, brackets and commas; full stops dropped; the word forms above
    applied; words joined by one space."""
    s = s.lower().replace(".", "")
    for c in KEY_WORD_BREAKS:
        s = s.replace(c, " ")
    words = (KEY_WORD_FORMS.get(w, w) for w in s.split())
    return " ".join(w for w in words if w)


def fold_ascii(s: str) -> str:
    """NFKD, then drop combining marks: 'côte' -> 'cote', 'åland' -> 'aland'."""
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# The Rust side's `fold_diacritic` (src/rules/country.rs): a lower-case
# Latin-1 letter with a diacritic becomes its base letter, as NFKD without
# the combining marks would make it. Keys are stored folded and inputs are
# folded before the lookup, so "São Tomé", "Sao Tome" and "SÃO TOMÉ" meet.
LATIN1_FOLD = dict(zip("àáâãäåçèéêëìíîïñòóôõöùúûüýÿ", "aaaaaaceeeeiiiinooooouuuuyy"))


def fold_diacritics(s: str) -> str:
    return "".join(LATIN1_FOLD.get(c, c) for c in s)


def key_variants(name: str) -> set[str]:
    for c in name:
        if c.isspace() and c != " ":
            fail(f"name {name!r} contains whitespace other than ASCII space")
    base = fold_diacritics(normalise(name))
    if fold_ascii(base) != base:
        fail(f"name {name!r} has a diacritic the Rust side's Latin-1 fold does not remove")
    keys = {base}
    keys |= {k.replace("\u2019", "'") for k in keys} | {k.replace("'", "\u2019") for k in keys}
    for k in keys:
        # Python's str.lower() and Rust's str::to_lowercase() agree on these
        # names; refuse characters where they might not (dotted capital I,
        # final sigma) rather than guess.
        if any(c in k for c in "\u0130\u03a3\u03c3\u03c2"):
            fail(f"key {k!r} has a character whose lower-casing may differ in Rust")
        if normalise(k) != k:
            fail(f"key {k!r} is not stable under normalisation")
    return keys


def build_countries(dir_: Path):
    entries = load_json(dir_, "iso_3166-1.json", "3166-1")
    countries = [(e["alpha_2"], e["alpha_3"], e["name"]) for e in entries]
    names_of: dict[str, list[str]] = {
        e["alpha_2"]: [e[k] for k in ("name", "official_name", "common_name") if k in e]
        for e in entries
    }
    for a2, a3, name in EXTRA_COUNTRIES:
        if a2 in names_of:
            fail(f"{a2} is already in iso_3166-1.json; drop it from EXTRA_COUNTRIES")
        countries.append((a2, a3, name))
        names_of[a2] = [name]
    countries.sort()
    assert_unique_sorted("COUNTRIES", [c[0] for c in countries])
    assert_unique_sorted("COUNTRIES alpha-3", sorted(c[1] for c in countries))

    for alias, a2 in COUNTRY_ALIASES.items():
        if a2 not in names_of:
            fail(f"alias {alias!r} points at unknown country {a2}")
        names_of[a2].append(alias)

    code_owner = {}
    for a2, a3, _ in countries:
        code_owner[a2.lower()] = a2
        code_owner[a3.lower()] = a2

    claims: dict[str, set[str]] = {}
    for a2, names in names_of.items():
        for name in names:
            for key in key_variants(name):
                claims.setdefault(key, set()).add(a2)

    rows = []
    for key, owners in sorted(claims.items()):
        if key in AMBIGUOUS_KEYS_DROPPED:
            continue
        if len(owners) > 1:
            fail(f"country name key {key!r} is claimed by {sorted(owners)}; "
                 "add it to AMBIGUOUS_KEYS_DROPPED with a reason")
        (a2,) = owners
        # A name that spells another country's code would make lookups depend
        # on which table Rust consults first.
        if code_owner.get(key, a2) != a2:
            fail(f"name key {key!r} of {a2} is the code of {code_owner[key]}")
        rows.append((key, a2))
    assert_unique_sorted("COUNTRY_NAMES", [k for k, _ in rows])
    return countries, rows


def rust_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def rust_table(doc: str, name: str, ty: str, rows: list) -> str:
    out = [f"/// {line}".rstrip() for line in doc.splitlines()]
    out.append(f"pub(crate) static {name}: &[{ty}] = &[")
    for row in rows:
        if isinstance(row, str):
            out.append(f"    {rust_str(row)},")
            continue
        items = [rust_str(v) for v in row]
        # rustfmt's default layout: a tuple whose items take more than 60
        # columns (fn_call_width) goes one item per line.
        if len(", ".join(items)) <= 60:
            out.append("    (" + ", ".join(items) + "),")
        else:
            out.append("    (")
            out.extend(f"        {item}," for item in items)
            out.append("    ),")
    out.append("];")
    return "\n".join(out) + "\n"


def rust_u16_array(values: list[int], indent: str) -> list[str]:
    """Numbers laid out as rustfmt lays out an array of short items: as many
    per line as fit in 100 columns."""
    lines, line = [], indent
    for v in values:
        item = f"{v},"
        if len(line) + 1 + len(item) > 99 and line.strip():
            lines.append(line)
            line = indent
        line += ("" if line == indent else " ") + item
    if line.strip():
        lines.append(line)
    return lines


def rust_packed(doc: str, name: str, strings: list[str]) -> str:
    """A `Packed` table (src/tables/mod.rs): the strings end to end in one
    literal, one per source line, and the end offset (in bytes) of each."""
    ends, total = [], 0
    for s in strings:
        if "\n" in s or s != s.strip():
            fail(f"{name}: {s!r} cannot be packed")
        total += len(s.encode("utf-8"))
        ends.append(total)
    if total > 0xFFFF:
        fail(f"{name}: {total} bytes do not fit u16 offsets")
    out = [f"/// {line}".rstrip() for line in doc.splitlines()]
    out.append(f"pub(crate) static {name}: Packed = Packed {{")
    out.append('    text: "\\')
    for s in strings:
        out.append("        " + s.replace("\\", "\\\\").replace('"', '\\"') + "\\")
    out.append('    ",')
    out.append("    ends: &[")
    out.extend(rust_u16_array(ends, "        "))
    out.append("    ],")
    out.append("};")
    return "\n".join(out) + "\n"


def header(source: str) -> str:
    return f"// @generated by scripts/gen_tables.py from {source}. Do not edit by hand.\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tzdata-wheel", type=Path,
                    help=f"use this {TZDATA_WHEEL_NAME} instead of downloading it")
    ap.add_argument("--iso-codes-dir", type=Path, default=ISO_CODES_JSON_DIR)
    ap.add_argument("--iso-codes-version",
                    help="iso-codes version (default: from dpkg-query)")
    ap.add_argument("--out-dir", type=Path, default=OUT_DIR)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.tzdata_wheel or fetch_tzdata_wheel(Path(tmp))
        tz_version, zones = load_time_zones(wheel)
    iso_version = args.iso_codes_version or iso_codes_version()
    langs, alpha3 = build_languages(args.iso_codes_dir)
    countries, country_names = build_countries(args.iso_codes_dir)

    tz_source = f"the IANA tz database {tz_version} (PyPI tzdata {TZDATA_PYPI_VERSION})"
    iso_source = f"Debian iso-codes {iso_version}"

    files = {
        "timezones.rs": header(tz_source) + "\n"
        + "/// Version of the IANA tz database the tables were generated from.\n"
        + f"pub(crate) const TZDATA_VERSION: &str = {rust_str(tz_version)};\n\n"
        + "use super::Packed;\n\n"
        + rust_packed(
            "Every IANA zone and link name (`Factory` too: it is in the database), in\n"
            "its canonical spelling, sorted by its ASCII-lower-cased form (byte order).",
            "TIME_ZONES", zones),
        "languages.rs": header(f"{iso_source} iso_639-2.json") + "\n"
        + rust_table(
            "ISO 639-1 languages as (two-letter code, English name), sorted by code.",
            "LANGUAGES", "(&str, &str)", langs)
        + "\n"
        + rust_table(
            "ISO 639-2 codes (terminological and bibliographic) that have an\n"
            "ISO 639-1 equivalent, as (three-letter code, two-letter code), sorted.",
            "ALPHA3_TO_ALPHA2", "(&str, &str)", alpha3),
        "countries.rs": header(f"{iso_source} iso_3166-1.json") + "\n"
        + "use super::Packed;\n\n"
        + rust_table(
            "ISO 3166-1 countries, plus the user-assigned `XK` (Kosovo), as\n"
            "(alpha-2, alpha-3, English short name), sorted by alpha-2.",
            "COUNTRIES", "(&str, &str, &str)", countries)
        + "\n"
        + rust_packed(
            "Country name lookup keys, sorted (byte order); the alpha-2 code of key i\n"
            "is `COUNTRY_NAME_CODES[2 * i..2 * i + 2]`. Keys are already normalised\n"
            "as `rules::country::name_key` normalises input (lower-cased words, split\n"
            "at whitespace, brackets and commas, without full stops, `the` dropped,\n"
            "`st` read as `saint`, `&` as `and`); ASCII-folded and apostrophe\n"
            "variants included.",
            "COUNTRY_NAMES", [k for k, _ in country_names])
        + "\n"
        + "/// The alpha-2 code of each key of `COUNTRY_NAMES`, in order, two bytes each.\n"
        + "pub(crate) static COUNTRY_NAME_CODES: &str = \"\\\n"
        + "".join(f"    {code}\\\n" for _, code in country_names)
        + "\";\n",
    }
    paths = []
    for name, text in files.items():
        path = args.out_dir / name
        write(path, text)
        paths.append(path)

    rustfmt = shutil.which("rustfmt")
    if rustfmt:
        res = subprocess.run([rustfmt, "--check", "--edition", "2021", *map(str, paths)],
                             capture_output=True, text=True)
        if res.returncode != 0:
            fail("generated code is not rustfmt-clean:\n" + res.stdout[:4000])
    else:
        print("gen_tables.py: warning: rustfmt not found; formatting not checked",
              file=sys.stderr)

    print(f"time zones: {len(zones)} (tz {tz_version}); languages: {len(langs)}; "
          f"alpha-3 codes: {len(alpha3)}; countries: {len(countries)}; "
          f"country name keys: {len(country_names)} (iso-codes {iso_version})")


if __name__ == "__main__":
    main()
