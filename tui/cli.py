"""The `jixiao` command: open the app, or check, dump and load a report file without it.

Only `open` (also what `jixiao [DB]` means) imports textual, lazily through tui.app; every
other command imports just the store, so it starts fast and runs where no terminal UI can.
A user's mistake (missing file, not a report file, bad TOML, unknown report …) ends in one
plain sentence, in Chinese or with `--lang en` in English, and exit status 2: never a traceback.

Adding a command: write `_<name>_arguments(parser, lang)` and `_<name>(args, lang) -> int`
and add one line to COMMANDS.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from store.catalogue import LANGS
from tui.words import message

if TYPE_CHECKING:
    from exporters.readers.workbook import Accounts
    from store.model import Report
    from store.repository import Store

#: Exit statuses: all well; `check` found an error in the report (`import`: pieces left in 未归类);
#: the input cannot be used.
EXIT_OK, EXIT_FINDINGS, EXIT_UNUSABLE = 0, 1, 2
#: File name of the report file `jixiao` opens when given none.
DEFAULT_DB_NAME = "jixiao.db"


@dataclass(frozen=True)
class Command:
    """One subcommand: its help line (a catalogue key), its arguments, and what it does."""

    help_key: str
    arguments: Callable[[argparse.ArgumentParser, str], None]
    run: Callable[[argparse.Namespace, str], int]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line in the user's language (exit 2), not a usage dump."""

    lang = "zh"

    def error(self, message_text: str) -> NoReturn:
        _say(message("cli.usage_error", self.lang, detail=message_text), error=True)
        raise SystemExit(EXIT_UNUSABLE)


# --- output -----------------------------------------------------------------------------


def _prepare_streams() -> None:
    """Chinese that any console can take: a terminal keeps its own code page (GBK on many
    Windows PCs) and shows "?" for what it cannot encode; a pipe or file gets UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):
            continue


def _say(text: str, *, error: bool = False) -> None:
    print(text, file=sys.stderr if error else sys.stdout)


def _lang_of(argv: list[str]) -> str:
    """The language asked for with `--lang`, else the one in the settings file, else Chinese."""
    for i, token in enumerate(argv):
        if token == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]
        if token.startswith("--lang=") and token.removeprefix("--lang=") in LANGS:
            return token.removeprefix("--lang=")
    from store.settings import load_settings

    return load_settings().lang


# --- finding the file and the report ---------------------------------------------------------


def default_db_path() -> Path:
    """The report file used when none is named: Documents/jixiao/jixiao.db, or, where the
    documents folder cannot be written, the per-user data folder. The folder is made here."""
    import platformdirs

    from store.repository import StoreError

    folders = (
        Path(platformdirs.user_documents_dir()) / "jixiao",
        Path(platformdirs.user_data_dir("jixiao", appauthor=False)),
    )
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            continue
        if os.access(folder, os.W_OK):
            return folder / DEFAULT_DB_NAME
    raise StoreError("cannot_write", path=folders[0])


def _open_existing(path: Path) -> Store:
    """An existing report file (a command that only reads must not create one)."""
    from store.repository import Store

    return Store.open(path, create=False)


def _open_to_read(path: Path) -> Store:
    """An existing report file for a command that only reads it (check, dump, export, backup): nothing in it is
    written or migrated, and no day's copy is taken on opening (backup takes the one asked for)."""
    from store.repository import Store

    return Store.open(path, create=False, readonly=True)


def _pick_report(store: Store, report_id: int | None) -> int:
    """The report named by --report, or the file's only one; refuses when that is unclear."""
    from store.repository import StoreError

    summaries = store.list_reports()
    if report_id is not None:
        if all(summary.id != report_id for summary in summaries):
            raise StoreError("no_such_report", report_id=report_id)
        return report_id
    if not summaries:
        raise StoreError("cli.no_reports", path=store.path)
    if len(summaries) > 1:
        listing = "\n".join(f"  {s.id}  {s.unit_name} {s.fiscal_year}" for s in summaries)
        raise StoreError("cli.several_reports", path=store.path, count=len(summaries), listing=listing)
    return summaries[0].id


def _read_input(path: Path) -> bytes:
    """The bytes of a file the user named, or the reason it cannot be read."""
    from store.repository import StoreError

    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise StoreError("no_such_file", path=path) from None
    except OSError:
        raise StoreError("is_folder" if path.is_dir() else "cannot_read", path=path) from None


def _write_output(path: Path, text: str) -> None:
    """`text` as UTF-8 into `path`, whole or not at all (written beside it, then swapped in)."""
    from store.paths import beside
    from store.repository import StoreError

    folder = path.parent
    if not folder.is_dir():
        raise StoreError("no_such_folder", path=folder)
    if path.is_dir():
        raise StoreError("is_folder", path=path)
    partial = beside(path, "partial")
    try:
        partial.write_bytes(text.encode("utf-8"))
        os.replace(partial, path)
    except OSError:
        partial.unlink(missing_ok=True)
        raise StoreError("cannot_write", path=path) from None


# --- the commands ------------------------------------------------------------------------------


def _add_report_option(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--report", type=int, metavar="ID", help=message("cli.help.report", lang))


def _open_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("db", nargs="?", type=Path, metavar="DB", help=message("cli.help.open_db", lang))


def _open(args: argparse.Namespace, lang: str) -> int:
    """The app on the named file, or on the default one (made on first run)."""
    from tui.keyinput import typed_ahead_kept

    with typed_ahead_kept():  # before Textual is imported: the keys typed meanwhile reach the app as typed
        import tui.app

        return int(tui.app.run(args.db or default_db_path(), lang=lang) or 0)


def _check_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("db", type=Path, metavar="DB", help=message("cli.help.db", lang))
    _add_report_option(parser, lang)


def _check(args: argparse.Namespace, lang: str) -> int:
    """Every finding and indicator of one report; 1 when any finding is an error."""
    from store.checks import ERROR, ratios, run_checks
    from store.settings import load_settings
    from store.yearly import last_year_of

    with _open_to_read(args.db) as store:
        report = store.load(_pick_report(store, args.report))
        last_year = last_year_of(store, report)
    findings = run_checks(report, last_year)
    lines = [message("cli.check.head", lang, unit=report.unit_name, year=report.fiscal_year, id=report.id)]
    for finding in findings:
        lines.append(message(f"cli.check.{finding.severity}", lang, text=finding.text(lang)))
    errors = sum(finding.severity == ERROR for finding in findings)
    warnings = len(findings) - errors
    lines.append(
        message("cli.check.summary" if findings else "cli.check.clean", lang, errors=errors, warnings=warnings)
    )
    found = ratios(report)
    if found:
        lines.append(message("cli.check.ratios", lang))
    for ratio in found:
        value = f"{ratio.value:.2f}%" if ratio.value is not None else message("cli.check.no_value", lang)
        lines.append(
            message("cli.check.ratio", lang, label=ratio.label(lang), value=value, formula=ratio.formula(lang))
        )
    rule = message(f"checks.shares.{load_settings().shares}", lang)
    lines.append(message("cli.check.shares", lang, label=message("checks.shares", lang), rule=rule))
    if report.score_system or report.manual_scores:  # the officer scores this report: say what the 自评表 lacks
        lines += _score_gaps(report, lang)
    _say("\n".join(lines))
    return EXIT_FINDINGS if errors else EXIT_OK


def _score_gaps(report: Report, lang: str) -> list[str]:
    """What the 自评表 still lacks (the form leaves it blank), a line per indicator; [] when all are scored."""
    from store.scoring import gaps, load_systems, score, system_for

    return gaps(score(report, system_for(report, load_systems()[0])), lang)


def _dump_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("db", type=Path, metavar="DB", help=message("cli.help.db", lang))
    parser.add_argument("--report", type=int, action="append", metavar="ID", help=message("cli.help.dump_report", lang))
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help=message("cli.help.output", lang))


def _dump(args: argparse.Namespace, lang: str) -> int:
    """The reports as TOML, to the screen or into a file."""
    from store import exchange

    with _open_to_read(args.db) as store:
        ids = [_pick_report(store, report_id) for report_id in args.report] if args.report else None
        text = exchange.dump(store, ids)
        count = len(ids) if ids is not None else len(store.list_reports())
    if args.output is None:
        sys.stdout.write(text)
    else:
        _write_output(args.output, text)
        _say(message("cli.dumped", lang, count=count, path=args.output))
    return EXIT_OK


def _load_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=message("cli.help.toml", lang))
    parser.add_argument("db", type=Path, metavar="DB", help=message("cli.help.load_db", lang))
    parser.add_argument("--replace", action="store_true", help=message("cli.help.replace", lang))


def _load(args: argparse.Namespace, lang: str) -> int:
    """Reports from a TOML file into the report file (made if absent), all of them or none."""
    from store import exchange
    from store.repository import Store, StoreError

    try:
        reports = exchange.read(_read_input(args.file))
    except exchange.ExchangeError as error:
        raise StoreError("cli.in_file", path=args.file, reason=error.text(lang)) from None
    with Store.open(args.db) as store:
        try:
            ids = exchange.write(reports, store, replace=args.replace)
        except StoreError as error:
            if error.code != "report_exists":
                raise
            raise StoreError("cli.report_exists", path=args.db, **error.params) from None
    lines = [message("cli.loaded", lang, count=len(ids), path=args.db)]
    lines += [
        f"  {report_id}  {report.unit_name} {report.fiscal_year}"
        for report_id, report in zip(ids, reports, strict=True)
    ]
    _say("\n".join(lines))
    return EXIT_OK


def _backup_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("db", type=Path, metavar="DB", help=message("cli.help.db", lang))
    parser.add_argument("--list", action="store_true", help=message("cli.help.backup_list", lang))


def _backup(args: argparse.Namespace, lang: str) -> int:
    """A backup copy of the report file now, into the backups folder beside it; prints its path.

    The copy counts only when it passes its check; a damaged file gets no copy, and the refusal
    names the newest good backup. With `--list`, no copy: every backup, checked now.
    """
    if args.list:
        _say(_backup_listing(args.db, lang))
        return EXIT_OK
    with _open_to_read(args.db) as store:
        copy = store.backup()
    _say(message("safety.backup_made", lang, path=copy.resolve()))
    return EXIT_OK


def _backup_listing(path: Path, lang: str) -> str:
    """Every backup of `path`, newest first and numbered for `restore`: time, size, good or damaged (checked now).

    Reads only the backups, never the report file, so it works when that file is damaged or gone.
    """
    from store import backup

    folder = backup.folder_for(path).resolve()
    found = backup.numbered(path)
    if not found:
        return message("backup.list.none", lang, path=path, folder=folder)
    lines = [message("backup.list.head", lang, path=path, folder=folder)]
    newest_good = None
    for n, copy in enumerate(found, start=1):
        good = not copy.marked_damaged and backup.is_sound(copy.path)
        if good and newest_good is None:
            newest_good = (n, copy)
        state = message("backup.state.good" if good else "backup.state.damaged", lang)
        size = -(-copy.path.stat().st_size // 1024)
        taken = copy.taken.strftime("%Y-%m-%d %H:%M:%S")
        lines.append(message("backup.list.line", lang, n=n, taken=taken, size=size, state=state, name=copy.path.name))
    if newest_good is None:
        lines.append(message("backup.list.no_good", lang))
    else:
        lines.append(
            message("backup.list.newest_good", lang, n=newest_good[0], name=newest_good[1].path.name, path=path)
        )
    return "\n".join(lines)


def _restore_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("backup", metavar="BACKUP", help=message("cli.help.restore_backup", lang))
    parser.add_argument("db", type=Path, metavar="DB", help=message("cli.help.restore_db", lang))


def _restore(args: argparse.Namespace, lang: str) -> int:
    """The report file restored from a backup (a path, or its number in `backup --list`), the file as it was kept aside."""
    from store import backup
    from store.repository import StoreError

    source = Path(args.backup)
    if args.backup.isdigit() and not source.exists():
        found = backup.numbered(args.db)
        if not 1 <= int(args.backup) <= len(found):
            raise StoreError("no_such_backup", n=args.backup, path=args.db)
        source = found[int(args.backup) - 1].path
    done = backup.restore(source, args.db)
    lines = [message("restore.done", lang, source=done.source.resolve(), path=done.target)]
    if done.set_aside is not None:
        key = "restore.kept" if done.set_aside_good else "restore.kept_damaged"
        lines.append(message(key, lang, aside=done.set_aside.resolve(), path=done.target))
    _say("\n".join(lines))
    return EXIT_OK


def _export_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("db", type=Path, metavar="DB", help=message("cli.help.db", lang))
    _add_report_option(parser, lang)
    parser.add_argument(
        "--format", required=True, choices=("md", "docx", "xlsx"), help=message("cli.help.format", lang)
    )
    parser.add_argument("--sheet", choices=SHEETS, help=message("cli.help.sheet", lang))
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help=message("cli.help.export_output", lang))
    parser.add_argument("--no-tables", action="store_true", help=message("cli.help.no_tables", lang))


#: What `jixiao export --sheet` writes: the report, one hand-in form, or both forms (a workbook of two sheets).
SHEETS: dict[str, tuple[str, ...]] = {
    "report": (),
    "scores": ("scores",),
    "figures": ("figures",),
    "forms": ("scores", "figures"),
}


def _sheet_of(args: argparse.Namespace) -> str | None:
    """The sheet asked for (xlsx: both forms unless one is named; md/docx: the report); None if it cannot be."""
    sheet = args.sheet or ("forms" if args.format == "xlsx" else "report")
    if sheet == ("report" if args.format == "xlsx" else "forms"):
        return None
    return sheet


def _export(args: argparse.Namespace, lang: str) -> int:
    """The report as Markdown or a Word draft, into -o or `<单位简称>-<年度>-绩效评价报告.<ext>` here.

    With `--sheet scores|figures|forms` (and always with `--format xlsx`) the hand-in forms instead:
    the 自评表 and/or the 基础数据表, named `<单位简称>-<年度>-绩效自评表….<ext>`. The file is written
    even when the checks find errors (figures that disagree); then a line says so and the exit status is 1.
    """
    from exporters import ExportError, default_filename, export_forms, export_report, form_filename
    from store.checks import ERROR, run_checks
    from store.scoring import load_systems
    from store.settings import load_settings
    from store.yearly import last_year_of

    sheet = _sheet_of(args)
    if sheet is None:
        _say(message("cli.sheet_format", lang, sheet=args.sheet, fmt=args.format), error=True)
        return EXIT_UNUSABLE
    with _open_to_read(args.db) as store:
        report = store.load(_pick_report(store, args.report))
        last_year = last_year_of(store, report)
    settings = load_settings()
    problems = load_systems()[1] if sheet != "report" else []
    for notice in (*settings.notices, *problems):
        _say(notice.text(lang), error=True)
    names = SHEETS[sheet]
    try:
        if names:
            target = args.output or Path(form_filename(report, args.format, names))
            written = export_forms(report, args.format, names, target, settings=settings)
        else:
            target = args.output or Path(default_filename(report, args.format))
            written = export_report(
                report, args.format, target, tables=not args.no_tables, settings=settings, last_year=last_year
            )
    except ExportError as error:
        _say(message("cli.refused", lang, reason=error.text(lang)), error=True)
        return EXIT_UNUSABLE
    _say(message("export.done", lang, path=written))
    if "scores" in names:
        lines = _score_gaps(report, lang)
        if lines:
            _say("\n".join(lines), error=True)
    errors = sum(finding.severity == ERROR for finding in run_checks(report, last_year))
    if errors:
        _say(message("export.has_errors", lang, count=errors), error=True)
        return EXIT_FINDINGS
    return EXIT_OK


def _next_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("db", type=Path, metavar="DB", help=message("cli.help.db", lang))
    parser.add_argument("--report", type=int, metavar="ID", help=message("cli.help.next_report", lang))


def _next(args: argparse.Namespace, lang: str) -> int:
    """Next year's report of the unit, made from last year's (`--report`, or the file's only one)."""
    from store.yearly import year_mentions

    with _open_existing(args.db) as store:
        source_id = _pick_report(store, args.report)
        source = store.load(source_id)
        report = store.load(store.create_next(source_id))
    mentions = year_mentions(report)
    lines = [
        message(
            "cli.next.made",
            lang,
            unit=report.unit_name,
            year=report.fiscal_year,
            last=source.fiscal_year,
            id=report.id,
            copied=len(report.copied),
        )
    ]
    if mentions:
        from store.settings import load_settings
        from tui.keymap import keys_named

        settings = load_settings()
        checks, years = (keys_named(settings, lang, name) for name in ("checks", "checks.years"))
        lines.append(
            message("cli.next.years", lang, count=len(mentions), last=source.fiscal_year, checks=checks, years=years)
        )
    _say("\n".join(lines))
    return EXIT_OK


def _import_arguments(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=message("cli.help.import_file", lang))
    parser.add_argument("db", type=Path, metavar="DB", help=message("cli.help.load_db", lang))
    parser.add_argument("--as-copy", action="store_true", help=message("cli.help.as_copy", lang))
    parser.add_argument("--report", type=int, metavar="ID", help=message("cli.help.accounts_report", lang))
    parser.add_argument("--dry-run", action="store_true", help=message("cli.help.dry_run", lang))


def _import(args: argparse.Namespace, lang: str) -> int:
    """A .docx/.txt report into the report file (made if absent); 1 when pieces were left in 未归类."""
    from exporters.importer import import_file, save
    from store.refusal import Refusal
    from store.repository import Store, StoreError

    if _is_workbook(args.file):
        return _import_accounts(args, lang)
    try:
        imported = import_file(args.file)
    except Refusal as error:
        raise StoreError("cli.in_file", path=args.file, reason=error.text(lang)) from None
    with Store.open(args.db) as store:
        try:
            report_id = save(store, imported, as_copy=args.as_copy)
        except Refusal as error:
            raise StoreError("cli.in_file", path=args.db, reason=error.text(lang)) from None
    report = imported.report
    lines = [
        message(
            "import.done",
            lang,
            source=args.file,
            unit=report.unit_name,
            year=report.fiscal_year,
            id=report_id,
            outline=imported.outline,
            placed=sum(imported.placed.values()),
        )
    ]
    lines += [message(note.code, lang, **note.params) for note in imported.notes]
    if imported.unplaced:
        lines.append(message("import.unplaced", lang, count=len(imported.unplaced)))
        doubtful = sum(bool(piece.note) for piece in imported.unplaced)
        if doubtful:
            lines.append(message("import.doubtful", lang, count=doubtful))
        for n, piece in enumerate(imported.unplaced, start=1):
            lines.append(message("import.piece", lang, n=n, where=piece.where, text=piece.text))
            if piece.note:
                lines.append(message("import.piece_note", lang, note=piece.note))
    _say("\n".join(lines))
    # 0 only when nothing is unplaced and nothing was doubtful (a doubtful piece is kept in 未归类 too).
    return EXIT_FINDINGS if imported.unplaced else EXIT_OK


def _is_workbook(path: Path) -> bool:
    from exporters.readers.workbook import is_workbook

    try:
        with path.open("rb") as handle:
            return is_workbook(handle.read(1 << 16), path.suffix)
    except OSError:
        return False


def accounts_notes(accounts: Accounts, lang: str = "zh") -> list[str]:
    """What the command and the F3 dialog say about a 决算 workbook before its changes: its own sums
    that do not add up, figures not taken, and each table empty this year with its 说明."""
    lines = [message(f.code, lang, **f.params) for f in accounts.findings]
    lines += [message("accounts.empty", lang, table=t, sheet=s, note=n) for t, s, n in accounts.empty]
    return lines


def _import_accounts(args: argparse.Namespace, lang: str) -> int:
    """A 部门决算 workbook's figures into its report (issue 22): listed with --dry-run, else written at once."""
    from exporters.accounts import other_report, plan
    from exporters.readers.workbook import read_accounts
    from store.refusal import Refusal
    from store.repository import Store, StoreError

    try:
        accounts = read_accounts(args.file)
    except Refusal as error:
        raise StoreError("cli.in_file", path=args.file, reason=error.text(lang)) from None
    lines = accounts_notes(accounts, lang)
    with Store.open(args.db, readonly=args.dry_run) as store:
        report_id = args.report
        if report_id is None:
            report_id = next(
                (
                    s.id
                    for s in store.list_reports()
                    if s.unit_name == accounts.unit_name and s.fiscal_year == accounts.fiscal_year
                ),
                None,
            )
        if report_id is None:
            raise StoreError(
                "cli.in_file",
                path=args.file,
                reason=message(
                    "accounts.no_report", lang, unit=accounts.unit_name or "?", year=accounts.fiscal_year or "?"
                ),
            )
        revision = store.revision(report_id)
        report = store.load(report_id)
        if other_report(accounts, report):
            warning = message(
                "accounts.other_report_named",
                lang,
                unit=accounts.unit_name or "?",
                year=accounts.fiscal_year or "?",
                id=report_id,
                report_unit=report.unit_name,
                report_year=report.fiscal_year,
            )
            lines.insert(0, warning)
        changes, new_items, alike = plan(report, accounts, lang)
        lines.extend(change.text(lang) for change in changes)
        if not args.dry_run and (changes or alike):
            store.set_figures(
                report_id,
                [c.written() for c in changes],
                expected_revision=revision,
                new_items=new_items,
                noted=[c.written() for c in alike],
            )
        if not changes:
            lines.append(message("accounts.unchanged", lang))
        elif args.dry_run:
            lines.append(message("accounts.dry_run", lang, count=len(changes)))
        else:
            lines.append(
                message(
                    "accounts.done",
                    lang,
                    source=args.file,
                    count=len(changes),
                    id=report_id,
                    unit=report.unit_name,
                    year=report.fiscal_year,
                )
            )
    _say("\n".join(lines))
    return EXIT_FINDINGS if accounts.findings else EXIT_OK


COMMANDS: dict[str, Command] = {
    "open": Command("cli.help.open", _open_arguments, _open),
    "check": Command("cli.help.check", _check_arguments, _check),
    "dump": Command("cli.help.dump", _dump_arguments, _dump),
    "load": Command("cli.help.load", _load_arguments, _load),
    "backup": Command("cli.help.backup", _backup_arguments, _backup),
    "restore": Command("cli.help.restore", _restore_arguments, _restore),
    "export": Command("cli.help.export", _export_arguments, _export),
    "next": Command("cli.help.next", _next_arguments, _next),
    "import": Command("cli.help.import", _import_arguments, _import),
}


# --- the command line --------------------------------------------------------------------------


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jixiao")
    except PackageNotFoundError:
        return "?"


class _VersionAction(argparse.Action):
    """`--version`, looked up only when asked: importlib.metadata would add ~10 ms to every start."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS) -> None:
        help_text = "show program's version number and exit"  # argparse's own words, as before
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, help=help_text)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        _say(f"jixiao {_version()}")
        parser.exit()


def build_parser(lang: str) -> argparse.ArgumentParser:
    """The argument parser, its help in `lang`."""
    _Parser.lang = lang
    parser = _Parser(
        prog="jixiao",
        description=message("cli.description", lang),
        epilog=message("cli.epilog", lang),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--lang", choices=LANGS, help=message("cli.help.lang", lang))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, command in COMMANDS.items():
        sub = commands.add_parser(
            name, help=message(command.help_key, lang), description=message(command.help_key, lang)
        )
        sub.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=message("cli.help.lang", lang))
        command.arguments(sub, lang)
    return parser


def _route(argv: list[str], lang: str) -> list[str]:
    """`jixiao`, `jixiao DB`, `jixiao --lang en DB` mean `jixiao open …`; commands and --help stay as they are.

    A bare word that is neither a command nor an existing file nor file-like (no dot, no
    folder) is taken for a mistyped command rather than silently made into a new report file.
    """
    i = 0
    while i < len(argv) and argv[i].startswith("--lang"):
        i += 2 if argv[i] == "--lang" else 1
    if i < len(argv) and (argv[i] in COMMANDS or argv[i].startswith("-")):
        return argv
    if i < len(argv) and not _file_like(argv[i]):
        build_parser(lang).error(message("cli.unknown_command", lang, word=argv[i], commands=", ".join(COMMANDS)))
    return [*argv[:i], "open", *argv[i:]]


def _file_like(word: str) -> bool:
    path = Path(word)
    return bool(path.suffix) or len(path.parts) > 1 or _exists(path)


def _exists(path: Path) -> bool:
    """Whether `path` is there; a name the file system cannot even look up (too long) is not."""
    try:
        return path.exists()
    except OSError:
        return False


def main(argv: list[str] | None = None) -> int:
    """Run the `jixiao` command with `argv` (default: the process's arguments); returns the exit status."""
    _prepare_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_of(argv)
    try:
        args = build_parser(lang).parse_args(_route(argv, lang))
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else EXIT_UNUSABLE
    import sqlite3

    from store.paths import check_names
    from store.repository import StoreError, damage_of

    try:
        for value in vars(args).values():
            if isinstance(value, Path):
                check_names(value, StoreError)
        try:
            return COMMANDS[args.command].run(args, lang)
        except sqlite3.DatabaseError as error:
            # Damage deeper than Store.open judges surfaces where that page is read (check, export, dump …).
            damaged = damage_of(error, args.db) if getattr(args, "db", None) else None
            if damaged is None:
                raise
            raise damaged from error
    except StoreError as error:
        _say(message("cli.refused", lang, reason=error.text(lang)), error=True)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130


def console() -> NoReturn:
    """The installed `jixiao` command: `main`; after a session of the app, the process ends at once.

    When the app has ended, the report file is closed with every change in it and the terminal is
    given back. All Python would still do is free, one by one, the hundreds of thousands of objects
    the session made: three quarters of a second after ctrl+q, for nothing. (The other commands
    never load Textual, and end as Python ends.)
    """
    code = main()
    if "textual" not in sys.modules:
        sys.exit(code)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    console()
