"""docs/cli.md documents every command and every option of the `claimboard` parser."""
from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import regex

from extract.cli import build_parser

DOCS = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse has no public way to list sub-commands
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _documented_names(parser: argparse.ArgumentParser) -> list[str]:
    """Every option string, and the metavar of every positional, except -h/--help."""
    names = []
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        names += action.option_strings or [action.metavar or action.dest]
    return names


COMMANDS = _commands(build_parser())
OPTIONS = [(command, name) for command, sub in COMMANDS.items() for name in
           _documented_names(sub)] + [("", name) for name in _documented_names(build_parser())]


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
