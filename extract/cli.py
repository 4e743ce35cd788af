"""The `claimboard` command line: parse the arguments, call the library, print what it returns.

Exit codes: 0 success; 1 no such leaderboard; 2 bad usage, an unreadable input, or (with
``--strict``) a skipped record. Errors are one line on stderr, ``claimboard: error: ...``.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import regex

from . import __version__
from .reading import FORMATS as INPUT_FORMATS

#: A Streamlit config option, ``--section.option`` with an optional ``=value``.
STREAMLIT_OPTION = regex.compile(r"""
    --[a-z][A-Za-z]*        # the section: server, theme, browser, client, logger, runner ...
    \.[A-Za-z][\w.]*        # the option: port, headless, base ...
    (?:=.*)?                # its value, when written with "="
""", regex.VERBOSE | regex.DOTALL)


# ---------------------------------------------------------------------------------------------
# Arguments


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of processes >= 1: {text!r}")
    return jobs


def _input_options() -> argparse.ArgumentParser:
    """Options shared by the commands that read input corpora."""
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--format", metavar="FMT", choices=INPUT_FORMATS, dest="input_format",
                        help=f"input format, one of {', '.join(INPUT_FORMATS)} "
                             "(default: detected per file)")
    shared.add_argument("--jobs", "-j", metavar="N", type=_jobs, default=None,
                        help="worker processes for extraction (default: one per CPU)")
    shared.add_argument("--quiet", "-q", action="store_true",
                        help="no progress bar and no summary line (warnings still show)")
    shared.add_argument("--output", "-o", metavar="FILE",
                        help="write the table to FILE (.csv, .csv.gz, .parquet, .jsonl, "
                             ".jsonl.gz) instead of CSV on stdout")
    return shared


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `claimboard` and its commands."""
    parser = argparse.ArgumentParser(
        prog="claimboard",
        description="Extract numeric claims from ML paper abstracts and rank them.")
    parser.add_argument("--version", action="version", version=f"claimboard {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    shared = _input_options()

    extract = commands.add_parser(
        "extract", parents=[shared], help="extract the claims table from input files",
        description="Read papers from each INPUT and write one claims table.")
    extract.add_argument("inputs", nargs="+", metavar="INPUT",
                         help="input corpus (Daily Papers page, JSON Lines, JSON, Atom, CSV; "
                              "may be gzipped)")
    extract.add_argument("--strict", action="store_true",
                         help="exit with status 2 when any record was skipped")
    extract.set_defaults(handler=_run_extract)

    board = commands.add_parser(
        "leaderboard", parents=[shared], help="rank the score claims of one benchmark",
        description="Rank the best score claim of each system on one benchmark.")
    board.add_argument("inputs", nargs="+", metavar="CLAIMS_OR_INPUT",
                       help="a claims table (from `claimboard extract`) or an input corpus")
    board.add_argument("--benchmark", "-b", metavar="NAME",
                       help="the benchmark to rank (required unless --list)")
    board.add_argument("--metric", "-m", metavar="NAME",
                       help="the metric to rank by (default: the benchmark's default metric)")
    board.add_argument("--hide", action="append", default=[], metavar="FLAG",
                       help="leave out claims whose condition raises FLAG (repeatable), e.g. "
                            "'extra training data'")
    board.add_argument("--list", action="store_true", dest="list_boards",
                       help="list the boards (benchmark, metric, default) with claim and "
                            "system counts")
    board.set_defaults(handler=_run_leaderboard)

    check = commands.add_parser(
        "check", help="score the extractor against golden files",
        description="Run the extractor on each golden file's corpus and score it.")
    check.add_argument("targets", nargs="*", metavar="GOLDEN",
                       help="golden files or directories (default: the project's golden/)")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       dest="output_format", help="report format (default: text)")
    check.add_argument("--ratchet", action="store_true",
                       help="raise the thresholds to the scores reached (never lowers them)")
    check.set_defaults(handler=_run_check)

    dashboard = commands.add_parser(
        "dashboard", help="open the Streamlit dashboard",
        description="Start the Streamlit dashboard on the given claims tables or inputs. "
                    "Streamlit options (--server.port 8600, --server.headless true, --theme.*, "
                    "--browser.* ...) are passed on to `streamlit run`.")
    dashboard.add_argument("inputs", nargs="*", metavar="INPUT_OR_CLAIMS",
                           help="claims tables or input corpora to open "
                                "(none: the dashboard's own default)")
    dashboard.set_defaults(handler=_run_dashboard)
    return parser


def _join_option_values(argv: Sequence[str]) -> list[str]:
    """``--server.port 8600`` as ``--server.port=8600``, so argparse passes it on whole rather
    than taking ``8600`` for an input file.

    >>> _join_option_values(["dashboard", "--server.port", "8600", "claims.csv"])
    ['dashboard', '--server.port=8600', 'claims.csv']
    """
    joined: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            joined.append(token)
            joined.extend(tokens)
            break
        if STREAMLIT_OPTION.fullmatch(token) and "=" not in token:
            value = next(tokens, None)
            joined.append(token if value is None else f"{token}={value}")
        else:
            joined.append(token)
    return joined


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse `argv`; Streamlit options of `dashboard` end up in ``streamlit_options``."""
    parser = build_parser()
    args, extra = parser.parse_known_args(_join_option_values(
        sys.argv[1:] if argv is None else argv))
    streamlit_options = [token for token in extra if STREAMLIT_OPTION.fullmatch(token)]
    unknown = [token for token in extra if token not in streamlit_options]
    if unknown or (streamlit_options and args.command != "dashboard"):
        parser.error(f"unrecognized arguments: {' '.join(unknown or streamlit_options)}")
    args.streamlit_options = streamlit_options
    return args


# ---------------------------------------------------------------------------------------------
# Commands


def _error(message: str) -> None:
    print(f"claimboard: error: {message}", file=sys.stderr)


def _warn_skipped(record) -> None:
    from tqdm import tqdm

    # tqdm.write keeps a running progress bar intact.
    tqdm.write(f"{record.source}:{record.line}: {record.reason}", file=sys.stderr)


def _output(args: argparse.Namespace):
    return args.output if args.output else sys.stdout


def _run_extract(args: argparse.Namespace) -> int:
    from .pipeline import RunStats, write_extracted

    stats = RunStats()
    write_extracted(args.inputs, _output(args), jobs=args.jobs, fmt=args.input_format,
                    on_skip=_warn_skipped, stats=stats,
                    progress=not args.quiet and sys.stderr.isatty())
    if not args.quiet:
        print(f"claimboard: {stats.summary()}", file=sys.stderr)
    if args.strict and stats.skipped:
        _error(f"{len(stats.skipped)} records skipped (--strict)")
        return 2
    return 0


def _run_leaderboard(args: argparse.Namespace) -> int:
    from .output.board_vocab import setting_flags
    from .output.leaderboard import (BOARD_LIST_COLUMNS, LEADERBOARD_COLUMNS, LeaderboardError,
                              leaderboard, list_leaderboards)
    from .pipeline import load_claims
    from .output.tables import write_table

    if not args.list_boards and not args.benchmark:
        _error("leaderboard needs --benchmark NAME (or --list)")
        return 2
    claims = load_claims(args.inputs, jobs=args.jobs, fmt=args.input_format,
                         on_skip=_warn_skipped)
    if args.list_boards:
        write_table(list_leaderboards(claims), _output(args), columns=BOARD_LIST_COLUMNS)
        return 0
    unknown = sorted(set(args.hide) - set(setting_flags().names))
    if unknown:
        _error(f"unknown flag {unknown[0]!r} for --hide (flags: "
               f"{', '.join(setting_flags().names)})")
        return 2
    try:
        board = leaderboard(claims, args.benchmark, args.metric, hide=args.hide)
    except LeaderboardError as error:
        _error(f"{error} (see `claimboard leaderboard --list`)")
        return 1
    write_table(board, _output(args), columns=LEADERBOARD_COLUMNS)
    if not args.quiet:
        metric = board.attrs["metric"] or "unnamed metric"
        merged = [m or "no metric named" for m in board.attrs["metrics"][1:]]
        print(f"claimboard: {board.attrs['benchmark']}, {metric}"
              f"{' (default)' if board.attrs['default'] else ''}"
              f"{' = ' + ' = '.join(merged) if merged else ''} "
              f"({board.attrs['direction']} is better): {len(board)} systems", file=sys.stderr)
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from .evaluation.golden import check

    return check(args.targets or None, output_format=args.output_format, ratchet=args.ratchet)


def dashboard_app() -> Path:
    """The Streamlit script of the dashboard package."""
    import dashboard

    return Path(dashboard.__file__).parent / "app.py"


# Streamlit asks to send usage statistics over the network unless told not to: claimboard
# runs offline, so it tells it not to, unless the user chose otherwise. Its toolbar's Deploy
# button deploys to Streamlit's cloud, which a reader of claims has no use for: "viewer" hides it.
STREAMLIT_DEFAULTS = ("--browser.gatherUsageStats=false", "--client.toolbarMode=viewer")


def dashboard_argv(inputs: Sequence[str], streamlit_options: Sequence[str] = (),
                   app: Path | None = None, python: str | None = None) -> list[str]:
    """The command that starts the dashboard: ``python -m streamlit run APP [OPTIONS] -- INPUTS``.

    >>> dashboard_argv(["claims.csv"], ["--server.port=8600"], app=Path("app.py"), python="py")
    ... # doctest: +NORMALIZE_WHITESPACE
    ['py', '-m', 'streamlit', 'run', 'app.py', '--browser.gatherUsageStats=false',
     '--client.toolbarMode=viewer', '--server.port=8600', '--', 'claims.csv']
    """
    given = {option.split("=", 1)[0] for option in streamlit_options}
    defaults = [option for option in STREAMLIT_DEFAULTS if option.split("=", 1)[0] not in given]
    command = [python or sys.executable, "-m", "streamlit", "run",
               str(app or dashboard_app()), *defaults, *streamlit_options]
    if inputs:
        command += ["--", *inputs]
    return command


def _run_dashboard(args: argparse.Namespace) -> int:
    app = dashboard_app()
    if not app.is_file():
        _error(f"{app}: the dashboard app is missing")
        return 2
    return run_streamlit(dashboard_argv(args.inputs, args.streamlit_options, app))


def run_streamlit(argv: list[str]) -> int:
    """Run Streamlit and return its exit status; SIGTERM and SIGINT sent to claimboard reach
    it too, so stopping `claimboard dashboard` never leaves a server behind."""
    child = subprocess.Popen(argv)

    def forward(signum, _frame):
        child.send_signal(signum)

    previous = {signum: signal.signal(signum, forward) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        return child.wait()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


# ---------------------------------------------------------------------------------------------
# Entry point


def _silence_stdout() -> None:
    """The reader of stdout went away (``| head``): point stdout at /dev/null so that the final
    flush at exit does not fail again, and stop quietly as Unix tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is not a real file (tests capture it): nothing will flush it at exit


def main(argv: Sequence[str] | None = None) -> int:
    """Run `claimboard` with `argv` (default: the process arguments); return the exit status."""
    from .reading import InputError
    from .output.tables import TableError

    try:
        args = parse_args(argv)
        return args.handler(args)
    except SystemExit as exit_:  # argparse: --help, --version, usage errors
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    except (InputError, TableError) as error:
        _error(str(error))
        return 2
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except OSError as error:
        _error(f"{error.filename}: {error.strerror}" if error.filename else str(error))
        return 2
    except KeyboardInterrupt:
        return 130

