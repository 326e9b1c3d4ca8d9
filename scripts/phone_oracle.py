#!/usr/bin/env python3
"""Google's libphonenumber as an oracle for the phone engine's differential tests.

`phonenumbers` (PyPI) is the Python port of Google's Java libphonenumber,
released in step with it. The release pinned in
tools/phone-tables/phonenumbers.pin is the one the engine's tables are compiled
from (tools/phone-tables reads the same pin and the same wheel), so this is the
differential tests' reference (tests/phone_differential.rs).

The wheel is fetched once with pip into .tools/ (nothing is installed),
checked against its pinned sha256, and imported straight from the zip.

Protocol: one JSON array per line on stdin, `[digits, plus, region]` (region
null or ISO alpha-2), read the way the engine reads it (with `+`, or without
a region, as `+digits`; else as a number of the region); one line out per
line in: `null` for "not a valid number", else `[e164, type]`. A line
`{"text": …, "region": …}` instead asks how libphonenumber's `parse` reads
that text as written (tel: URIs, punctuation, …): the same answer, or
`["extension", digits]` when it reads an extension. A line
`{"typed": …, "region": …}` asks libphonenumber's AsYouTypeFormatter for
that region to take the text character by character: the answer is the
list of what it shows after each character.

`--plans` instead prints every numbering plan of the metadata as one JSON
array: `{id, code, national_prefix, fixed_line_lengths, examples}`, each
example `[number, international, national]` (the national significant number
and libphonenumber's international and national formatting of it).
"""

import json
import sys
from pathlib import Path

import pinned_wheel

ROOT = Path(__file__).resolve().parent.parent


def pinned(key: str) -> str:
    for line in (ROOT / "tools/phone-tables/phonenumbers.pin").read_text().splitlines():
        if line.startswith(key + " "):
            return line[len(key) + 1:].strip()
    sys.exit(f"phone_oracle: no `{key}` in tools/phone-tables/phonenumbers.pin")


VERSION = pinned("version")
WHEEL = f"phonenumbers-{VERSION}-py2.py3-none-any.whl"
SHA256 = pinned("sha256")


def wheel() -> Path:
    return pinned_wheel.wheel("phonenumbers", VERSION, WHEEL, SHA256)


TYPES = ["fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
         "personal_number", "voip", "pager", "uan", "voicemail"]


def plans(phonenumbers):
    from phonenumbers import PhoneMetadata, PhoneNumber, PhoneNumberFormat
    from phonenumbers.data import _COUNTRY_CODE_TO_REGION_CODE

    out = []
    for code, regions in sorted(_COUNTRY_CODE_TO_REGION_CODE.items()):
        for region in regions:
            meta = (PhoneMetadata.metadata_for_nongeo_region(code) if region == "001"
                    else PhoneMetadata.metadata_for_region(region))
            examples = []
            for kind in TYPES:
                desc = getattr(meta, kind)
                if desc is None or desc.example_number is None:
                    continue
                number = PhoneNumber(country_code=code, national_number=int(desc.example_number))
                if desc.example_number.startswith("0"):
                    number.italian_leading_zero = True
                    zeros = len(desc.example_number) - len(desc.example_number.lstrip("0"))
                    if zeros > 1:
                        number.number_of_leading_zeros = zeros
                examples.append([
                    desc.example_number,
                    phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
                    phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
                ])
            fixed = meta.fixed_line
            out.append({
                "id": region,
                "code": code,
                "national_prefix": meta.national_prefix or "",
                "fixed_line_lengths": list(fixed.possible_length) if fixed else [],
                "examples": examples,
            })
    return out


def main() -> None:
    sys.path.insert(0, str(wheel()))
    import phonenumbers
    from phonenumbers import PhoneNumberType, NumberParseException

    names = {value: name for name, value in vars(PhoneNumberType).items() if name.isupper()}

    def verdict(digits: str, plus: bool, region):
        try:
            if plus or region is None:
                number = phonenumbers.parse("+" + digits, None)
            else:
                number = phonenumbers.parse(digits, region)
        except NumberParseException:
            return None
        if not phonenumbers.is_valid_number(number):
            return None
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return [e164, names[phonenumbers.number_type(number)]]

    if sys.argv[1:] == ["--plans"]:
        print(json.dumps(plans(phonenumbers)))
        return

    def verdict_of_text(text: str, region):
        try:
            number = phonenumbers.parse(text, region)
        except NumberParseException:
            return None
        if number.extension:
            return ["extension", number.extension]
        if not phonenumbers.is_valid_number(number):
            return None
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return [e164, names[phonenumbers.number_type(number)]]

    from phonenumbers import AsYouTypeFormatter

    def as_you_type(typed: str, region: str):
        formatter = AsYouTypeFormatter(region)
        return [formatter.input_digit(c) for c in typed]

    out = sys.stdout
    for line in sys.stdin:
        case = json.loads(line)
        if isinstance(case, dict) and "typed" in case:
            out.write(json.dumps(as_you_type(case["typed"], case["region"])) + "\n")
            continue
        if isinstance(case, dict):
            out.write(json.dumps(verdict_of_text(case["text"], case["region"])) + "\n")
            continue
        digits, plus, region = case
        out.write(json.dumps(verdict(digits, plus, region)) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
