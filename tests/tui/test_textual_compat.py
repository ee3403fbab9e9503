"""Canaries for tui/textual_compat.py: each private Textual name it uses, checked against CHECKED_WITH."""

from __future__ import annotations

from importlib.metadata import version

from tui import textual_compat


def test_textual_is_the_release_the_private_names_were_checked_against():
    assert version("textual") == textual_compat.CHECKED_WITH == "8.2.8"


def test_the_drivers_build_their_parser_from_a_module_level_xtermparser():
    import textual.drivers.linux_driver as linux_driver

    textual_compat.use_escape_parser()
    assert linux_driver.XTermParser is textual_compat.EscapeParser


def test_textual_reads_the_kitty_escape_as_escape_and_escape_then_a_key_as_two_keys():
    parser = textual_compat.EscapeParser()
    keys = [event.key for event in parser.feed("\x1b[27u\x1b5\x1b[4~\x1b\r")]
    assert keys == ["escape", "escape", "5", "end", "escape", "enter"]
