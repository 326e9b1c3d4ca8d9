#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets from the repository's fixtures.

    python3 fuzz/seed.py            # into fuzz/corpus/<target>/

Each seed is a fixture's input in the encoding its target decodes (see
fuzz/checks.rs, which documents each encoding; the region and country
lists are read from it, so the two cannot drift apart). Files are named by
the SHA-1 of their content, as libFuzzer names what it keeps, so writing
the seeds again adds no duplicates. After a fuzz run, `cargo fuzz cmin`
keeps the corpus small (see CONTRIBUTING.md).

Sources: tests/fixtures/*.json (every case's input, schema and options),
examples/customers.json, and a few JavaScript-only values for host_value
(a throwing getter, an `undefined` member, a lying `length`, a bigint, …)
that no JSON fixture can hold.
"""

import hashlib
import json
import pathlib
import re
import struct

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
CHECKS = (ROOT / "fuzz" / "checks.rs").read_text()


def rust_list(name):
    """The string literals of the const list `name` in checks.rs."""
    body = re.search(r"const " + name + r":[^=]*= &?\[(.*?)\];", CHECKS, re.S).group(1)
    return [None if none else text for text, none in re.findall(r'"([^"]*)"|(None)', body)]


PHONE_REGIONS = rust_list("PHONE_REGIONS")
ADDRESS_COUNTRIES = rust_list("ADDRESS_COUNTRIES")
RECORD_REGIONS = rust_list("RECORD_REGIONS")
KINDS = ["create", "customer", "update"]
UNKNOWN = ["strip", "strict", "passthrough"]


def record_config(schema, options):
    """The first byte of a record input (`record_setup` in checks.rs)."""
    options = options or {}
    region = options.get("defaultRegion")
    region = region.upper() if isinstance(region, str) else None
    r = RECORD_REGIONS.index(region) if region in RECORD_REGIONS else 0
    u = UNKNOWN.index(options.get("unknownKeys", "strip"))
    return KINDS.index(schema) + 3 * u + 9 * r


def length(n):
    return bytes([n]) if n < 255 else b"\xff" + struct.pack(">H", min(n, 0xFFFF))


def string(s):
    raw = s.encode("utf-8")[:0xFFFF]
    return length(len(raw)) + raw


def host(value):
    """A JSON value in host_value's encoding (`Bytes::node` in checks.rs)."""
    if value is None:
        return b"\x00"
    if value is True:
        return b"\x01"
    if value is False:
        return b"\x02"
    if isinstance(value, int) and -(2**63) <= value < 2**63:
        return b"\x03\x08" + struct.pack(">q", value)
    if isinstance(value, (int, float)):
        return b"\x04" + struct.pack(">d", float(value))
    if isinstance(value, str):
        return b"\x05" + string(value)
    if isinstance(value, list):
        items = value[:255]
        return b"\x0b\x00" + bytes([len(items)]) + b"".join(host(v) for v in items)
    members = list(value.items())[:255]
    return b"\x0e\x00" + bytes([len(members)]) + b"".join(b"\x01" + string(k) + host(v) for k, v in members)


def cases():
    """(schema, options, input) of every fixture case and example."""
    for path in sorted((ROOT / "tests" / "fixtures").glob("*.json")):
        for case in json.loads(path.read_text()):
            yield case["schema"], case.get("options"), case["input"]
    for example in json.loads((ROOT / "examples" / "customers.json").read_text()):
        yield example["schema"], None, example["record"]


def write(target, data):
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main():
    for schema, options, record in cases():
        config = bytes([record_config(schema, options)])
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write("json_text", config + text)
        write("host_value", config + host(record))
        if not isinstance(record, dict):
            continue
        address = record.get("address")
        country = address.get("country") if isinstance(address, dict) else None
        phone = record.get("phone_number")
        if isinstance(phone, str):
            region = (options or {}).get("defaultRegion") or country
            region = region.upper() if isinstance(region, str) else None
            head = bytes([PHONE_REGIONS.index(region)]) if region in PHONE_REGIONS else b"\x00"
            write("phone", head + phone.encode("utf-8"))
        if isinstance(address, dict) and isinstance(country, str):
            state, code = address.get("state"), address.get("postalCode")
            if isinstance(state, str) and isinstance(code, str):
                if country.upper() in ADDRESS_COUNTRIES:
                    head = bytes([ADDRESS_COUNTRIES.index(country.upper())])
                else:
                    head = b"\xf0" + country.encode("utf-8")[:2].ljust(2, b" ")
                write("address", head + state.encode("utf-8") + b"\x00" + code.encode("utf-8"))

    # What only a JavaScript value can be, in a Create record.
    def record(*members):
        body = b"".join(b"\x01" + string(k) + v for k, v in members)
        return b"\x00" + b"\x0e\x00" + bytes([len(members)]) + body

    name = host("Jane")
    write("host_value", record(("firstname", name), ("lastname", b"\x0c" + string("getter threw"))))
    write("host_value", record(("firstname", name), ("email", b"\x0d")))
    write("host_value", record(("firstname", name), ("tags", b"\x0b\x01\x02" + host("a") + host("b") + b"\x01")))
    write("host_value", record(("firstname", name), ("tags", b"\x0b\x02\x00")))
    write("host_value", record(("firstname", name), ("tags", b"\x0b\x03\x00")))
    write("host_value", record(("firstname", name), ("createdAt", b"\x07\x03")))
    write("host_value", record(("firstname", name), ("custom_fields", b"\x0e\x01\x00")))
    write("host_value", record(("firstname", name), ("custom_fields", b"\x0e\x02\x00")))
    write("host_value", record(("firstname", b"\x08"), ("lastname", b"\x09\x00")))
    write("host_value", record(("__proto__", host({"x": 1})), ("constructor", host("y"))))
    write("host_value", record(("firstname", name), ("firstname", host("Joan"))))
    # Past the value bound: 120,000 items (60,000 × 2), in custom_fields
    # (kept) and under an unknown key (kept with passthrough: config 6).
    big = b"\x0f\xfa" + struct.pack(">H", 60000) + host(0)
    write("host_value", record(("firstname", name), ("custom_fields", b"\x0e\x00\x01\x01" + string("x") + big)))
    write("host_value", b"\x06" + record(("extra", big))[1:])
    # Nesting past the reader's depth bound.
    write("host_value", record(("custom_fields", b"\x0e\x00\x01\x01\x01a" * 36 + b"\x00")))
    write("host_value", record(("firstname", b"\x04" + struct.pack(">d", float("nan")))))


if __name__ == "__main__":
    main()
