"""docs/cli.md documents every command and every option of the `claimboard` parser."""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
import regex

from extract.cli import build_parser

DOCS = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")


def _help(*command: str) -> str:
    """What `claimboard [COMMAND] --help` prints: the parser read through its public face."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), pytest.raises(SystemExit):
        build_parser().parse_args([*command, "--help"])
    return printed.getvalue()


def _listed(help_text: str, heading: str) -> str:
    """The lines of one section of a help text ("positional arguments:", "options:")."""
    found = regex.search(rf"^{heading}\n(.*?)(?=\n\S|\Z)", help_text, regex.MULTILINE | regex.DOTALL)
    return found[1] if found else ""


def _commands() -> list[str]:
    """The commands `claimboard --help` lists under COMMAND (indented below it)."""
    return regex.findall(r"^    (\w+)", _listed(_help(), "positional arguments:"), regex.MULTILINE)


def _documented_names(*command: str) -> list[str]:
    """Every option string, and the metavar of every positional, except -h/--help."""
    help_text = _help(*command)
    options = [name for line in regex.findall(r"^  (-.*?)(?:\s{2,}|$)", _listed(help_text, "options:"),
                                              regex.MULTILINE)
               for name in regex.findall(r"(?<![\w-])(--?[\w-]+)", line)]
    positionals = regex.findall(r"^  ([A-Z][A-Z_]*)\b", _listed(help_text, "positional arguments:"), regex.MULTILINE)
    return [name for name in options if name not in ("-h", "--help")] + positionals


COMMANDS = _commands()
OPTIONS = [(command, name) for command in COMMANDS for name in _documented_names(command)] + \
    [("", name) for name in _documented_names() if name != "COMMAND"]


def _section(command: str) -> str:
    """The text of the `## claimboard COMMAND` section (the whole page for top-level options)."""
    if not command:
        return DOCS
    found = regex.search(rf"^## `claimboard {command}`\n(.*?)(?=^## |\Z)", DOCS,
                         regex.MULTILINE | regex.DOTALL)
    return found[1] if found else ""


def test_there_are_commands_to_check():
    assert set(COMMANDS) == {"extract", "leaderboard", "check", "fetch", "names", "dashboard"}


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_a_section(command):
    assert _section(command), f"docs/cli.md has no '## `claimboard {command}`' section"


@pytest.mark.parametrize("command, name", OPTIONS)
def test_option_is_documented(command, name):
    # An option is documented in its command's section, written as code: `--jobs N`, `-o FILE`.
    assert regex.search(rf"`{regex.escape(name)}\b", _section(command)), (
        f"docs/cli.md does not document {name} of claimboard {command}".replace("  ", " "))
