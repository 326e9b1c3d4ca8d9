#!/usr/bin/env python3
"""Independent sources for the differential test of the generated ISO/IANA
tables (tests/iso_differential.rs; the tables: tools/iso-tables).

- Time zones: Python's own `zoneinfo.available_timezones()` over PyPI
  `tzdata` (the same release the tables are pinned to: bump TZDATA with the
  generator's pin), with the system's zoneinfo directories switched off; every
  name it lists must also load (`ZoneInfo(name)` reads the wheel's compiled
  TZif file, not the `tzdata.zi` text the generator reads).
- Countries: PyPI `iso3166`, a self-contained table of ISO 3166-1 typed from
  ISO's own list (not from Debian's iso-codes, the generator's source).
- Languages: PyPI `pycountry`, ISO 639-3 with its 639-1 and 639-2/B codes
  (iso-codes' `iso_639-3.json`, from SIL's 639-3 tables; the generator reads
  the separately kept `iso_639-2.json`).

Each wheel is fetched once with pip into .tools/ (nothing is installed),
checked against its pinned sha256, and imported from there (pycountry reads
its JSON from the file system, so its wheel is unpacked).

Output: one JSON object on stdout (see `main`).
"""

import json
import sys
from pathlib import Path

import pinned_wheel

PINS = {
    "tzdata": ("2026.6", "tzdata-2026.6-py2.py3-none-any.whl",
               "0a10eec6e13ef16b627fabed9a5f2ba61a62b1c67f327305f4e7e412a70b4aec"),
    "iso3166": ("3.0.0", "iso3166-3.0.0-py3-none-any.whl",
                "990b1e6a433ffd89d67da8ca16f40a2af107aba1660b255a38dbd36ad221090b"),
    "pycountry": ("26.2.16", "pycountry-26.2.16-py3-none-any.whl",
                  "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a"),
}


def wheel(package: str) -> Path:
    version, name, sha256 = PINS[package]
    return pinned_wheel.wheel(package, version, name, sha256)


def unpacked(package: str) -> Path:
    return pinned_wheel.unpacked(wheel(package))


def main() -> None:
    sys.path.insert(0, str(wheel("tzdata")))
    sys.path.insert(0, str(wheel("iso3166")))
    sys.path.insert(0, str(unpacked("pycountry")))
    import zoneinfo

    import iso3166
    import pycountry
    import tzdata

    zoneinfo.reset_tzpath(to=[])  # the pinned tzdata only, not the host's
    zones = sorted(zoneinfo.available_timezones())
    unloadable = []
    for name in zones:
        try:
            zoneinfo.ZoneInfo(name)
        except Exception as e:  # noqa: BLE001 - any failure is reported
            unloadable.append(f"{name}: {e}")

    languages = [
        [l.alpha_2, l.alpha_3, getattr(l, "bibliographic", None), l.name]
        for l in pycountry.languages if hasattr(l, "alpha_2")
    ]
    json.dump({
        "tz_version": tzdata.IANA_VERSION,
        "time_zones": zones,
        "unloadable_time_zones": unloadable,
        "countries": [[c.alpha2, c.alpha3, c.name, c.apolitical_name]
                      for c in iso3166.countries],
        "languages": languages,
    }, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
