"""The layers' arrows (DESIGN.md): store/ and exporters/ never load textual, and store/ never
loads python-docx, checked in a fresh interpreter after importing every module they hold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import importlib, json, pkgutil, sys
loaded = []
for package in sys.argv[1:]:
    root = importlib.import_module(package)
    loaded.append(package)
    for module in pkgutil.walk_packages(getattr(root, "__path__", []), package + "."):
        importlib.import_module(module.name)
        loaded.append(module.name)
print(json.dumps({"loaded": loaded, "modules": sorted(sys.modules)}))
"""


def imported_after(*packages: str) -> tuple[list[str], set[str]]:
    """The modules of `packages` imported, and every top-level module then loaded."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *packages], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    return result["loaded"], {name.split(".")[0] for name in result["modules"]}


@pytest.mark.parametrize(
    ("packages", "forbidden"),
    [(("store",), {"textual", "docx"}), (("exporters",), {"textual"}), (("store", "exporters"), {"textual"})],
    ids=["store", "exporters", "both"],
)
def test_lower_layers_do_not_load_what_they_must_not_know(packages: tuple[str, ...], forbidden: set[str]) -> None:
    loaded, top_level = imported_after(*packages)
    assert len(loaded) > len(packages), "the probe imported the packages' modules"
    assert top_level & forbidden == set()


def test_the_command_line_module_itself_does_not_load_textual() -> None:
    loaded, top_level = imported_after("tui.cli")
    assert loaded == ["tui.cli"]
    assert "textual" not in top_level


def test_the_command_line_names_keys_without_loading_textual() -> None:
    """`jixiao next` names the keys that update last year's years from the action registry and the
    user's keymap; reading those must not cost the command line Textual's start-up."""
    loaded, top_level = imported_after("tui.keymap")
    assert loaded == ["tui.keymap"]
    assert "textual" not in top_level
