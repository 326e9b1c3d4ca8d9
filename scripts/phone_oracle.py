#!/usr/bin/env python3
"""Google's libphonenumber as an oracle for the phone engine's differential tests.

`phonenumbers` (PyPI) is the Python port of Google's Java libphonenumber,
released in step with it. The pinned release carries the same metadata
(9.0.33) as the `phonenumber` crate the engine's tables are compiled from, so
where the engine and the `phonenumber` crate disagree, this says which one
libphonenumber agrees with (tests/phone_differential.rs).

The wheel is fetched once with pip into .tools/ (nothing is installed),
checked against its pinned sha256, and imported straight from the zip.

Protocol: one JSON array per line on stdin, `[digits, plus, region]` (region
null or ISO alpha-2), read the way the engine reads it (with `+`, or without
a region, as `+digits`; else as a number of the region); one line out per
line in: `null` for "not a valid number", else `[e164, type]`.
"""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

VERSION = "9.0.33"
WHEEL = f"phonenumbers-{VERSION}-py2.py3-none-any.whl"
SHA256 = "ba1d0da52711d5fdda6b2b673b2621fe80774fc5d1b2e5a6ef783396b0343186"
TOOLS = Path(__file__).resolve().parent.parent / ".tools"


def wheel() -> Path:
    path = TOOLS / WHEEL
    if not path.exists():
        TOOLS.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary", ":all:", "-d", str(TOOLS), f"phonenumbers=={VERSION}"],
            check=True, stdout=sys.stderr,
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != SHA256:
        sys.exit(f"phone_oracle: {path} has sha256 {digest}, expected {SHA256}")
    return path


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

    out = sys.stdout
    for line in sys.stdin:
        digits, plus, region = json.loads(line)
        out.write(json.dumps(verdict(digits, plus, region)) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
