"""Entry point of the ``rogatory`` command: parses arguments and dispatches.

Each subcommand builds the settings here, at the entry point, and passes them down.
Errors of our own become a one-line message and exit status 2; bugs propagate. Every
command first says on standard error which data folder it uses (and why that one).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from rogatory.errors import RogatoryError
from rogatory.logs import configure_logging
from service.cli import (
    backup_commands,
    eval_command,
    mail_command,
    registry_commands,
    review_commands,
    service_commands,
    statistics_command,
    user_commands,
)
from service.cli.invocation import data_folder_line, settings_from
from storage.integrity import damage_in


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rogatory", description=__doc__)
    parser.add_argument("--config", type=Path, help="settings file (TOML); default $ROGATORY_CONFIG")
    parser.add_argument("--data-dir", type=Path, help="data folder (default ./rogatory-data)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    subparsers = parser.add_subparsers(dest="command", required=True)
    service_commands.add_parsers(subparsers)
    mail_command.add_parser(subparsers)
    registry_commands.add_parsers(subparsers)
    review_commands.add_parsers(subparsers)
    user_commands.add_parsers(subparsers)
    backup_commands.add_parsers(subparsers)
    eval_command.add_parser(subparsers)
    statistics_command.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from(args)
    except RogatoryError:
        json_lines = False  # the command itself reports the bad settings
    else:
        json_lines = settings.log_format == "json"
        print(data_folder_line(args, settings), file=sys.stderr)
    configure_logging(verbose=args.verbose, json_lines=json_lines)
    try:
        result: int = args.handler(args)
    except RogatoryError as error:
        print(f"rogatory: {error}", file=sys.stderr)
        return 2
    except DatabaseError as error:  # damaged while the command ran (checked at open: storage/integrity.py)
        damage = damage_in(error)
        if damage is None:
            raise
        print(f"rogatory: {damage}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return result
