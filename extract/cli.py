"""The `claimboard` command line: parse the arguments, call the library, print what it returns.

Exit codes: 0 success; 1 no such leaderboard; 2 bad usage, an unreadable input, or (with
``--strict``) a skipped record. Errors are one line on stderr, ``claimboard: error: ...``.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

import regex

from .stopping import Stopped, stoppable
from .version import __version__
from .wording import plural
from .reading import FORMATS as INPUT_FORMATS

#: A Streamlit config option, ``--section.option`` with an optional ``=value``.
STREAMLIT_OPTION = regex.compile(r"""
    --[a-z][A-Za-z]*        # the section: server, theme, browser, client, logger, runner ...
    \.[A-Za-z][\w.]*        # the option: port, headless, base ...
    (?:=.*)?                # its value, when written with "="
""", regex.VERBOSE | regex.DOTALL)


# ---------------------------------------------------------------------------------------------
# Arguments


def _whole_number(what: str):
    """An argument type: a whole number >= 1 (`what`: of what, for the error message)."""
    def parse(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            number = 0
        if number < 1:
            raise argparse.ArgumentTypeError(f"must be a whole number of {what} >= 1: {text!r}")
        return number
    return parse


def _positive_number(unit: str):
    """An argument type: a number > 0 (`unit`: in what, for the error message)."""
    def parse(text: str) -> float:
        try:
            number = float(text)
        except ValueError:
            number = 0.0
        if not number > 0:
            raise argparse.ArgumentTypeError(f"must be a number of {unit} > 0: {text!r}")
        return number
    return parse


_jobs = _whole_number("processes")
_min_count = _whole_number("papers")
_megabytes = _positive_number("MB")
_seconds = _positive_number("seconds")


def _name_kind(text: str) -> str:
    # imported here, when the option is given: the report's module loads the rule engine
    from .evaluation.unknown_names import KINDS

    if text not in KINDS:
        raise argparse.ArgumentTypeError(f"must be one of {', '.join(KINDS)}: {text!r}")
    return text


def _input_options() -> argparse.ArgumentParser:
    """Options shared by the commands that read input corpora."""
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--format", metavar="FMT", choices=INPUT_FORMATS, dest="input_format",
                        help=f"input format, one of {', '.join(INPUT_FORMATS)} "
                             "(default: detected per file)")
    shared.add_argument("--jobs", "-j", metavar="N", type=_jobs, default=None,
                        help="worker processes for extraction (default: one per CPU for "
                             "inputs of 5,000 papers or more, else one process)")
    shared.add_argument("--quiet", "-q", action="store_true",
                        help="no progress bar and no summary line (warnings still show)")
    shared.add_argument("--output", "-o", metavar="FILE",
                        help="write the table to FILE (.csv, .csv.gz, .parquet, .jsonl, "
                             ".jsonl.gz) instead of CSV on stdout")
    shared.add_argument("--raw-csv", action="store_true",
                        help="write CSV text cells as they are, even those a spreadsheet "
                             "would run as a formula (=, +, -, @ ...)")
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
                         help="input corpus (Daily Papers page, JSON Lines, JSON, Atom, CSV, "
                              "OpenAlex, Semantic Scholar; may be gzipped) or an https:// URL "
                              "of the HF Daily Papers or arXiv API")
    extract.add_argument("--strict", action="store_true",
                         help="exit with status 2 when any record was skipped")
    extract.add_argument("--dask", metavar="SCHEDULER",
                         help="extract on a Dask cluster: 'local' (a LocalCluster of --jobs "
                              "workers here) or a scheduler address; -o names the Parquet "
                              "dataset directory, and a run into it resumes")
    extract.add_argument("--partition-mb", metavar="MB", type=_megabytes, default=None,
                         help="with --dask: MB of (decompressed) input per partition "
                              "(default: 128)")
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

    _add_fetch_command(commands)
    names = commands.add_parser(
        "names", help="report the names near numbers that no vocabulary knows",
        description="Read papers from each CORPUS and write a table of the benchmark-, metric- "
                    "and hardware-like names near numbers that no vocabulary knows, with counts "
                    "and one example sentence each, most papers first.")
    names.add_argument("inputs", nargs="+", metavar="CORPUS",
                       help="input corpus (any format `extract` reads; may be gzipped)")
    names.add_argument("--output", "-o", metavar="FILE",
                       help="write the report to FILE (.csv, .csv.gz, .parquet, .jsonl) "
                            "instead of CSV on stdout")
    names.add_argument("--kind", metavar="KIND", type=_name_kind,
                       help="only names of this kind: benchmark, metric or hardware")
    names.add_argument("--min-count", metavar="N", type=_min_count, default=1,
                       help="only names found in at least N papers (default: 1)")
    names.add_argument("--format", metavar="FMT", choices=INPUT_FORMATS, dest="input_format",
                       help=f"input format, one of {', '.join(INPUT_FORMATS)} "
                            "(default: detected per file)")
    names.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    names.set_defaults(handler=_run_names)

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


def _retries(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"must be a whole number >= 0: {text!r}")
    return int(text)


def _add_fetch_command(commands) -> None:
    from .fetch import DAILY_SOURCES, FetchPolicy

    defaults = FetchPolicy()
    fetch = commands.add_parser(
        "fetch", help="save a day's papers from a web API to a file",
        description="Fetch a day's papers (or any URL of papers) and write the response to a "
                    "file that `claimboard extract` reads. Responses are cached on disk.")
    fetch.add_argument("source", metavar="SOURCE",
                       help=f"{', '.join(DAILY_SOURCES)} (the Hugging Face Daily Papers API), "
                            "or an http(s):// URL")
    fetch.add_argument("--date", metavar="YYYY-MM-DD",
                       help="the day to fetch (default: today, UTC)")
    fetch.add_argument("--output", "-o", metavar="FILE",
                       help="where to write the response (default: SOURCE-DATE.json)")
    fetch.add_argument("--refresh", action="store_true",
                       help="ask the server even when a cached copy is fresh")
    fetch.add_argument("--timeout", metavar="SECONDS", type=_seconds, default=defaults.timeout,
                       help=f"seconds to wait to connect and for each piece of data "
                            f"(default: {defaults.timeout:g})")
    fetch.add_argument("--retries", metavar="N", type=_retries, default=defaults.retries,
                       help=f"tries after a failed one (default: {defaults.retries})")
    fetch.add_argument("--quiet", "-q", action="store_true", help="no summary line")
    fetch.set_defaults(handler=_run_fetch)


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


def _check_run(args: argparse.Namespace) -> None:
    """What can be checked before any input is read: the output file can be written and is
    none of the inputs; more jobs than CPUs are cut to the CPUs, with a warning."""
    from .output.tables import check_output
    from .pipeline import usable_cpus

    if args.output:
        check_output(args.output, args.inputs)
    if args.jobs and args.jobs > usable_cpus():
        print(f"claimboard: warning: --jobs {args.jobs} is more than the {usable_cpus()} "
              f"CPUs this process can use; using {usable_cpus()}", file=sys.stderr)


def _run_extract(args: argparse.Namespace) -> int:
    if args.dask:
        return _run_extract_on_dask(args)
    from .pipeline import RunStats, write_extracted

    _check_run(args)
    stats = RunStats()
    write_extracted(args.inputs, _output(args), jobs=args.jobs, fmt=args.input_format,
                    on_skip=_warn_skipped, stats=stats,
                    progress=not args.quiet and sys.stderr.isatty(), raw_text=args.raw_csv)
    if not args.quiet:
        if stats.parallelism:
            print(f"claimboard: extracted in {stats.parallelism}", file=sys.stderr)
        print(f"claimboard: {stats.summary()}", file=sys.stderr)
    if args.strict and stats.skipped_count:
        _error(f"{plural(stats.skipped_count, 'record skipped', 'records skipped')} "
               "(--strict)")
        return 2
    return 0


def _run_fetch(args: argparse.Namespace) -> int:
    import dataclasses

    from .fetch import FetchPolicy, is_url, save

    if is_url(args.source) and (args.date or not args.output):
        _error("a URL is fetched as it is: give -o FILE, and no --date")
        return 2
    policy = dataclasses.replace(FetchPolicy(), timeout=args.timeout, retries=args.retries,
                                 **({"max_age": 0.0} if args.refresh else {}))
    try:
        saved = save(args.source, args.output, args.date, policy, on_skip=_warn_skipped)
    except ValueError as error:
        _error(str(error))
        return 2
    if not args.quiet:
        print(f"claimboard: {plural(saved.papers, 'paper')}, "
              f"{plural(len(saved.skipped), 'record skipped', 'records skipped')}, "
              f"from {saved.url} to {saved.path}", file=sys.stderr)
    return 0


def _run_extract_on_dask(args: argparse.Namespace) -> int:
    from .distributed import PARTITION_BYTES, extract_to_dataset

    if not args.output:
        _error("--dask needs -o DIR: the directory of the Parquet dataset it writes")
        return 2
    partition_bytes = (max(1, int(args.partition_mb * 1024 * 1024)) if args.partition_mb
                       else PARTITION_BYTES)
    stats = extract_to_dataset(args.inputs, args.output, args.dask, fmt=args.input_format,
                               partition_bytes=partition_bytes, workers=args.jobs,
                               on_skip=_warn_skipped,
                               progress=not args.quiet and sys.stderr.isatty())
    if not args.quiet:
        print(f"claimboard: {stats.summary()}", file=sys.stderr)
        print(f"claimboard: {plural(stats.partitions, 'partition')} in {args.output} "
              f"({stats.resumed:,} written by an earlier run)", file=sys.stderr)
    if args.strict and stats.skipped_count:
        _error(f"{plural(stats.skipped_count, 'record skipped', 'records skipped')} "
               "(--strict)")
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
    _check_run(args)
    claims = load_claims(args.inputs, jobs=args.jobs, fmt=args.input_format,
                         on_skip=_warn_skipped)
    if args.list_boards:
        write_table(list_leaderboards(claims), _output(args), columns=BOARD_LIST_COLUMNS,
                    raw_text=args.raw_csv)
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
    write_table(board, _output(args), columns=LEADERBOARD_COLUMNS, raw_text=args.raw_csv)
    if not args.quiet:
        metric = board.attrs["metric"] or "unnamed metric"
        merged = [m or "no metric named" for m in board.attrs["metrics"][1:]]
        print(f"claimboard: {board.attrs['benchmark']}, {metric}"
              f"{' (default)' if board.attrs['default'] else ''}"
              f"{' = ' + ' = '.join(merged) if merged else ''} "
              f"({board.attrs['direction']} is better): {plural(len(board), 'system')}",
              file=sys.stderr)
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from .evaluation.golden import check

    return check(args.targets or None, output_format=args.output_format, ratchet=args.ratchet)


def _run_names(args: argparse.Namespace) -> int:
    from .evaluation.unknown_names import NAMES_COLUMNS, names_report
    from .output.tables import write_table

    if args.output and any(_same_file(path, args.output) for path in args.inputs):
        _error(f"{args.output}: is an input of this run; name another output file")
        return 2
    report = names_report(args.inputs, fmt=args.input_format, on_skip=_warn_skipped)
    rows = report.rows(kind=args.kind, min_papers=args.min_count)
    write_table(rows, _output(args), columns=NAMES_COLUMNS)
    if not args.quiet:
        truncated = (f", {plural(report.truncated, 'mention')} past the name limit"
                     if report.truncated else "")
        print(f"claimboard: {plural(report.papers, 'paper')}, "
              f"{plural(len(report.names), 'unknown name')}, {len(rows):,} written{truncated}",
              file=sys.stderr)
    return 0


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False  # one of them does not exist (yet): not the same file


def dashboard_app() -> Path:
    """The Streamlit script of the dashboard package."""
    import dashboard

    return Path(dashboard.__file__).parent / "app.py"


# Streamlit asks to send usage statistics over the network unless told not to: claimboard
# runs offline, so it tells it not to, unless the user chose otherwise. Streamlit listens on
# every interface by default; the dashboard takes uploads and runs the extractor on them, so it
# listens on this machine only unless `--server.address` says otherwise. Its toolbar's Deploy
# button deploys to Streamlit's cloud, which a reader of claims has no use for: "viewer" hides it.
STREAMLIT_DEFAULTS = ("--browser.gatherUsageStats=false", "--server.address=127.0.0.1",
                      "--client.toolbarMode=viewer")

#: Addresses that serve this machine only.
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def network_address(streamlit_options: Sequence[str]) -> str | None:
    """The address given with ``--server.address`` when it is not this machine's loopback.

    >>> network_address(["--server.address=0.0.0.0"]), network_address(["--server.port=1"])
    ('0.0.0.0', None)
    """
    for option in streamlit_options:
        name, _, value = option.partition("=")
        if name == "--server.address" and value.strip("[] ") not in LOOPBACK:
            return value
    return None


def dashboard_argv(inputs: Sequence[str], streamlit_options: Sequence[str] = (),
                   app: Path | None = None, python: str | None = None) -> list[str]:
    """The command that starts the dashboard: ``python -m streamlit run APP [OPTIONS] -- INPUTS``.

    >>> dashboard_argv(["claims.csv"], ["--server.port=8600"], app=Path("app.py"), python="py")
    ... # doctest: +NORMALIZE_WHITESPACE
    ['py', '-m', 'streamlit', 'run', 'app.py', '--browser.gatherUsageStats=false',
     '--server.address=127.0.0.1', '--client.toolbarMode=viewer', '--server.port=8600', '--',
     'claims.csv']
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
    address = network_address(args.streamlit_options)
    if address is not None:
        print(f"claimboard: warning: serving the dashboard on {address or 'every interface'}: "
              "anyone who can reach this machine can use it and upload files to it",
              file=sys.stderr)
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


@contextlib.contextmanager
def _one_line_warnings():
    """Warnings of the library (a stale cached copy of a URL used offline) as one stderr line,
    not Python's two lines with a file name and source line."""
    def show(message, category, filename, lineno, file=None, line=None) -> None:
        print(f"claimboard: warning: {message}", file=sys.stderr)

    with warnings.catch_warnings():
        warnings.showwarning = show
        yield
def main(argv: Sequence[str] | None = None) -> int:
    """Run `claimboard` with `argv` (default: the process arguments); return the exit status."""
    from .output.atomic import OutputError
    from .output.tables import TableError
    from .reading import InputError

    try:
        with stoppable(), _one_line_warnings():
            args = parse_args(argv)
            return args.handler(args)
    except SystemExit as exit_:  # argparse: --help, --version, usage errors
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    except (InputError, TableError, OutputError) as error:
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
    except Stopped as stopped:
        return 128 + stopped.signum

