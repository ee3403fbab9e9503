"""Build the offline install bundle that finance staff carry to an office PC on a USB stick.

`make wheelhouse` runs this. It writes

    dist/jixiao-offline-<version>/
        wheels/          the jixiao wheel and every runtime dependency as wheels, for
                         Windows x64 and Linux x86-64, CPython 3.11 to 3.14
        install.bat      Windows: makes .venv beside itself, installs offline, writes jixiao.bat
        install.sh       Linux: the same, writes a `jixiao` launcher
        安装说明.txt      short Chinese instructions (UTF-8 with BOM, CRLF, for Notepad)
        sample.db        the seed report, to try the tool on (when the repo has it)

and zips that folder to dist/jixiao-offline-<version>.zip (UTF-8 file names).

Why the closure check: `pip download --platform` evaluates environment markers such as
`colorama; platform_system == "Windows"` against the machine that builds, not the target,
so a Windows-only dependency would silently be missing. After downloading for each target
we walk the requirements ourselves with the target's marker environment and fetch what is
missing. Standard library and pip only (pip's vendored `packaging` does the tag and marker work).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

from pip._vendor.packaging.markers import Marker
from pip._vendor.packaging.requirements import Requirement
from pip._vendor.packaging.tags import Tag, compatible_tags, cpython_tags
from pip._vendor.packaging.utils import canonicalize_name, parse_wheel_filename
from pip._vendor.packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent

PYTHON_VERSIONS = ("3.11", "3.12", "3.13", "3.14")
"""CPython versions the bundle installs on. 3.14 is what python.org hands out today."""

BUILD_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "dist", "build", "*.egg-info", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis"
)
"""What the source copy used for building the jixiao wheel leaves out (caches, old builds)."""

CRLF_FILES = ("install.bat", "安装说明.txt")
"""Files Windows reads: written with CRLF line ends (cmd.exe mis-parses labels in LF batch files)."""

BOM_FILES = ("安装说明.txt",)
"""Files that get a UTF-8 byte-order mark so that Notepad on older Windows does not guess GBK."""


@dataclass(frozen=True)
class Target:
    """One operating system and Python version the bundle must install on."""

    system: str
    python: str

    @property
    def platforms(self) -> tuple[str, ...]:
        """Wheel platform tags this target accepts, most specific first."""
        if self.system == "windows":
            return ("win_amd64",)
        return ("manylinux_2_28_x86_64", "manylinux_2_26_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64")

    @property
    def tags(self) -> frozenset[Tag]:
        """Every wheel tag a CPython of this version on this system installs."""
        version = tuple(int(part) for part in self.python.split("."))
        nodot = self.python.replace(".", "")
        return frozenset(
            [
                *cpython_tags(version, abis=[f"cp{nodot}"], platforms=self.platforms),
                *compatible_tags(version, interpreter=f"cp{nodot}", platforms=self.platforms),
            ]
        )

    @property
    def marker_environment(self) -> dict[str, str]:
        """The values PEP 508 markers see on this target."""
        windows = self.system == "windows"
        return {
            "os_name": "nt" if windows else "posix",
            "sys_platform": "win32" if windows else "linux",
            "platform_system": "Windows" if windows else "Linux",
            "platform_machine": "AMD64" if windows else "x86_64",
            "platform_release": "",
            "platform_version": "",
            "python_version": self.python,
            "python_full_version": f"{self.python}.0",
            "implementation_name": "cpython",
            "implementation_version": f"{self.python}.0",
            "platform_python_implementation": "CPython",
            "extra": "",
        }

    def __str__(self) -> str:
        return f"{self.system} / CPython {self.python}"


TARGETS = tuple(Target(system, python) for system in ("windows", "linux") for python in PYTHON_VERSIONS)


def project_version() -> str:
    """The version in pyproject.toml, which names the bundle."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def pip(*args: str) -> None:
    """Run this interpreter's pip; a failure stops the build with pip's own message."""
    subprocess.run([sys.executable, "-m", "pip", *args], check=True)


def build_jixiao_wheel(wheel_dir: Path) -> Path:
    """Build the jixiao wheel from a clean copy of the source, so stale build/ files cannot leak in."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "src"
        shutil.copytree(ROOT, source, ignore=BUILD_IGNORE)
        pip("wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheel_dir), str(source))
    (wheel,) = wheel_dir.glob("jixiao-*.whl")
    return wheel


def download_for(target: Target, wheel_dir: Path, requirements: list[str]) -> None:
    """Download binary wheels of `requirements` (and what they need) for one target."""
    platform_args = [arg for platform in target.platforms for arg in ("--platform", platform)]
    pip(
        "download",
        "--quiet",
        "--only-binary=:all:",
        *platform_args,
        "--python-version",
        target.python,
        "--implementation",
        "cp",
        "--find-links",
        str(wheel_dir),
        "--dest",
        str(wheel_dir),
        *requirements,
    )


def wheel_metadata(wheel: Path) -> list[Requirement]:
    """The Requires-Dist lines of a wheel."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = (n for n in archive.namelist() if n.endswith(".dist-info/METADATA") and n.count("/") == 1)
        headers = HeaderParser().parsestr(archive.read(name).decode("utf-8"))
    return [Requirement(line) for line in headers.get_all("Requires-Dist") or []]


def missing_requirements(target: Target, wheel_dir: Path, roots: list[Requirement]) -> list[Requirement]:
    """Requirements reachable from `roots` on `target` that no wheel in `wheel_dir` satisfies."""
    candidates: dict[str, list[tuple[Version, Path]]] = {}
    for wheel in wheel_dir.glob("*.whl"):
        name, version, _build, tags = parse_wheel_filename(wheel.name)
        if tags & target.tags:
            candidates.setdefault(name, []).append((version, wheel))
    environment = target.marker_environment
    missing: list[Requirement] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    queue = [root for root in roots if root.marker is None or applies(root.marker, environment, set())]
    while queue:
        requirement = queue.pop()
        key = (canonicalize_name(requirement.name), frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        matches = sorted(
            (
                (version, wheel)
                for version, wheel in candidates.get(key[0], [])
                if requirement.specifier.contains(version, prereleases=True)
            ),
            reverse=True,
        )
        if not matches:
            missing.append(requirement)
            continue
        for child in wheel_metadata(matches[0][1]):
            if child.marker is None or applies(child.marker, environment, requirement.extras):
                queue.append(child)
    return missing


def applies(marker: Marker, environment: dict[str, str], extras: set[str]) -> bool:
    """Whether a dependency's marker holds on the target, for the extras that were asked for."""
    return any(marker.evaluate({**environment, "extra": extra}) for extra in ("", *sorted(extras)))


def plain(requirement: Requirement) -> str:
    """A requirement as pip takes it on the command line: name, extras and versions, no marker."""
    extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
    return f"{requirement.name}{extras}{requirement.specifier}"


def fill_wheelhouse(wheel_dir: Path, jixiao_wheel: Path) -> None:
    """Download every target's dependencies, then close the gaps the marker check finds."""
    roots = wheel_metadata(jixiao_wheel)
    for target in TARGETS:
        print(f"  wheels for {target}", flush=True)
        download_for(target, wheel_dir, [str(jixiao_wheel)])
        asked: set[str] = set()
        while gaps := missing_requirements(target, wheel_dir, roots):
            wanted = {plain(requirement) for requirement in gaps}
            if wanted <= asked:
                names = ", ".join(str(requirement) for requirement in gaps)
                raise SystemExit(f"no wheel for {target}: {names}")
            asked |= wanted
            print(f"    {target} also needs {', '.join(sorted(wanted))}", flush=True)
            download_for(target, wheel_dir, sorted(wanted))


def copy_template(name: str, bundle: Path) -> None:
    """Copy one installer or text template into the bundle with the line ends and BOM it needs."""
    text = (HERE / name).read_text(encoding="utf-8").replace("\r\n", "\n")
    if name in CRLF_FILES:
        text = text.replace("\n", "\r\n")
    encoding = "utf-8-sig" if name in BOM_FILES else "utf-8"
    (bundle / name).write_bytes(text.encode(encoding))
    if name.endswith(".sh"):
        (bundle / name).chmod(0o755)


def zip_folder(folder: Path, archive_path: Path) -> None:
    """Zip `folder` (as its own top-level folder) with UTF-8 names; scripts keep their exec bit."""
    archive_path.unlink(missing_ok=True)
    with zipfile.ZipFile(archive_path, "w") as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_dir():
                continue
            info = zipfile.ZipInfo.from_file(path, arcname=f"{folder.name}/{path.relative_to(folder).as_posix()}")
            info.compress_type = zipfile.ZIP_STORED if path.suffix == ".whl" else zipfile.ZIP_DEFLATED
            with path.open("rb") as source, archive.open(info, "w") as target:
                shutil.copyfileobj(source, target)


def size_text(path: Path) -> str:
    """A size in MB with one decimal, for the build's last line."""
    total = path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return f"{total / 1_000_000:.1f} MB"


def build(dist: Path) -> Path:
    """Build the bundle folder and its zip under `dist`; return the zip's path."""
    version = project_version()
    bundle = dist / f"jixiao-offline-{version}"
    if bundle.exists():
        shutil.rmtree(bundle)
    wheel_dir = bundle / "wheels"
    wheel_dir.mkdir(parents=True)
    print(f"building {bundle.relative_to(ROOT) if bundle.is_relative_to(ROOT) else bundle}", flush=True)
    jixiao_wheel = build_jixiao_wheel(wheel_dir)
    fill_wheelhouse(wheel_dir, jixiao_wheel)
    for name in ("install.bat", "install.sh", "安装说明.txt"):
        copy_template(name, bundle)
    sample = ROOT / "sample.db"
    if sample.exists():
        shutil.copy2(sample, bundle / "sample.db")
    else:
        print("  note: no sample.db in the repo, the bundle goes without it", flush=True)
    archive = dist / f"{bundle.name}.zip"
    zip_folder(bundle, archive)
    print(f"{archive.name}: {size_text(archive)} (folder {size_text(bundle)})", flush=True)
    return archive


def main() -> int:
    """Entry point of `make wheelhouse`: `python packaging/build_wheelhouse.py [DIST]`."""
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    os.chdir(ROOT)
    build(dist.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
