"""Wheels from PyPI, pinned by version and SHA-256, for the oracles of the
differential tests (phone_oracle.py, iso_oracle.py, address_oracle.py).

A wheel is fetched once with pip into .tools/ (nothing is installed), and
checked against its pinned SHA-256 every time it is used; the oracles import
from it straight (or from its unpacked copy, for a package that reads its own
files from disk).
"""

import hashlib
import re
import subprocess
import sys
import zipfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent.parent / ".tools"


def wheel(package: str, version: str, filename: str, sha256: str) -> Path:
    """The pinned wheel's path, downloaded if absent; exits on a wrong digest."""
    path = TOOLS / filename
    if not path.exists():
        TOOLS.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary", ":all:", "-d", str(TOOLS), f"{package}=={version}"],
            check=True, stdout=sys.stderr,
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256:
        sys.exit(f"{Path(sys.argv[0]).name}: {path} has sha256 {digest}, expected {sha256}")
    return path


def unpacked(path: Path) -> Path:
    """A wheel's files unpacked next to it (once)."""
    target = path.parent / path.name.removesuffix(".whl")
    if not (target / ".complete").exists():
        with zipfile.ZipFile(path) as z:
            z.extractall(target)
        (target / ".complete").touch()
    return target


def rust_pin(generator: str) -> tuple[str, str, str, str]:
    """The pin a table generator holds (`const WHEEL: Pin = Wheel { package,
    version, file, sha256 }` in tools/GENERATOR/src/main.rs), so that an oracle
    reads the very wheel the tables were compiled from: (package, version,
    file, sha256)."""
    source = TOOLS.parent / "tools" / generator / "src" / "main.rs"
    found = re.search(r"const WHEEL: Pin = Wheel \{(.*?)\};", source.read_text(), re.S)
    fields = dict(re.findall(r'(\w+): "([^"]*)"', found.group(1))) if found else {}
    try:
        return fields["package"], fields["version"], fields["file"], fields["sha256"]
    except KeyError:
        sys.exit(f"{Path(sys.argv[0]).name}: no `const WHEEL: Pin = Wheel {{ … }}` in {source}")
