"""``rogatory users add | list | disable | enable | token | tokens | revoke | unlock``: the accounts
of the web app and the API.

The first admin is made here (``rogatory users add admin --role admin``); the
password (at least 12 characters) is asked for on the terminal, or read from the first
line of standard input with ``--password-stdin`` (for scripts; without a terminal it is
required). The other commands work on an existing data folder and never create one.
``token`` prints a new API token once (valid ``api_token_days``, or ``--days``);
``tokens`` lists a user's tokens with their ids;
``revoke`` ends a user's sessions and revokes their tokens (or one, ``--token ID``);
``unlock`` lifts a sign-in lock-out of an account (or of an address, ``--address``).
Each change is audited as done by "command line".
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING

from rogatory.errors import InputError, NotFoundError
from rogatory.users import Role, User
from service.cli.invocation import existing_settings, prepared_settings

if TYPE_CHECKING:
    from storage.database import Database

MAX_TOKEN_DAYS = 3650
MIN_PASSWORD = 12  # storage.users.MIN_PASSWORD_LENGTH, named here without importing storage


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = subparsers.add_parser(
        "users",
        help="accounts of the web app and the API",
        description=f"Passwords have at least {MIN_PASSWORD} characters; without a terminal, give "
        "'users add' the password on standard input with --password-stdin.",
    )
    actions = users.add_subparsers(dest="users_command", required=True)
    add = actions.add_parser("add", help="add a user")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--authority", help="authority id of the directory (authority users)")
    add.add_argument("--name", default="", help="full name shown in the app")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help=f"read the password (at least {MIN_PASSWORD} characters) from the first line of standard input",
    )
    add.set_defaults(handler=add_command)
    actions.add_parser("list", help="list the users").set_defaults(handler=list_command)
    for verb in ("disable", "enable"):
        toggle = actions.add_parser(verb, help=f"{verb} a user")
        toggle.add_argument("username")
        toggle.set_defaults(handler=toggle_command, active=verb == "enable")
    token = actions.add_parser("token", help="print a new API token of a user")
    token.add_argument("username")
    token.add_argument("--name", default="command line", help="what the token is for")
    token.add_argument("--days", type=int, help="valid this many days (default: api_token_days)")
    token.set_defaults(handler=token_command)
    tokens = actions.add_parser("tokens", help="list the API tokens of a user")
    tokens.add_argument("username")
    tokens.set_defaults(handler=tokens_command)
    revoke = actions.add_parser("revoke", help="end the sessions and revoke the API tokens of a user")
    revoke.add_argument("username")
    revoke.add_argument("--token", type=int, metavar="ID", help="revoke only this token (see 'users tokens')")
    revoke.set_defaults(handler=revoke_command)
    unlock = actions.add_parser("unlock", help="lift the sign-in lock-out of a user (or of an address)")
    unlock.add_argument("username", nargs="?", help="the locked account")
    unlock.add_argument("--address", help="the locked address instead of an account")
    unlock.set_defaults(handler=unlock_command)


def add_command(args: argparse.Namespace) -> int:
    from service.bootstrap import load_authorities
    from storage.database import open_database
    from storage.users import create_user

    settings = prepared_settings(args)
    if args.authority and args.authority not in load_authorities(settings).authorities:
        raise InputError(f"unknown authority {args.authority!r} (see rogatory/config/authorities.yaml)")
    password = _read_password(from_stdin=args.password_stdin)
    user = create_user(
        open_database(settings.database),
        username=args.username,
        password=password,
        role=Role(args.role),
        display_name=args.name,
        authority=args.authority,
        actor="command line",
    )
    print(f"added {user.username} ({user.role.value}{' of ' + user.authority if user.authority else ''})")
    return 0


def list_command(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.users import list_users

    for user in list_users(open_database(existing_settings(args).database)):
        state = "active" if user.active else "disabled"
        print(f"{user.username:24} {user.role.value:10} {user.authority or '-':24} {state}")
    return 0


def toggle_command(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.users import set_active

    set_active(
        open_database(existing_settings(args).database),
        args.username,
        active=args.active,
        actor="command line",
    )
    return 0


def token_command(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from storage.credentials import create_token
    from storage.database import open_database

    settings = existing_settings(args)
    days = settings.api_token_days if args.days is None else args.days
    if not 1 <= days <= MAX_TOKEN_DAYS:
        raise InputError(f"--days is 1 to {MAX_TOKEN_DAYS}")
    db = open_database(settings.database)
    user = _user_named(db, args.username)
    print(create_token(db, user, name=args.name, actor="command line", lifetime=timedelta(days=days)))
    return 0


def tokens_command(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from storage.credentials import list_tokens
    from storage.database import open_database

    db = open_database(existing_settings(args).database)
    user = _user_named(db, args.username)
    now = datetime.now(UTC)
    for token in list_tokens(db, user.username):
        used = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never used"
        print(
            f"{token.id:6} {token.state(now):8} expires {token.expires_at:%Y-%m-%d}  {used:16} {token.name}"
        )
    return 0


def revoke_command(args: argparse.Namespace) -> int:
    from storage.credentials import revoke_access, revoke_token
    from storage.database import open_database

    db = open_database(existing_settings(args).database)
    user = _user_named(db, args.username)
    if args.token is not None:
        revoke_token(db, user.username, args.token, actor="command line")
        print(f"revoked API token {args.token} of {user.username}")
        return 0
    sessions, tokens = revoke_access(db, user.username, actor="command line")
    print(f"{user.username}: {sessions} session(s) ended, {tokens} API token(s) revoked")
    return 0


def unlock_command(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.sign_in_limits import ACCOUNT, ADDRESS, unlock

    if bool(args.username) == bool(args.address):
        raise InputError("name a user, or give --address ADDRESS (one of them)")
    db = open_database(existing_settings(args).database)
    if args.address:
        counted = unlock(db, kind=ADDRESS, name=args.address, actor="command line")
        print(f"address {args.address} unlocked" if counted else f"address {args.address} was not locked")
        return 0
    username = _user_named(db, args.username).username
    counted = unlock(db, kind=ACCOUNT, name=username, actor="command line")
    print(f"{username} unlocked" if counted else f"{username} was not locked")
    return 0


def _user_named(db: Database, username: str) -> User:
    from storage.users import list_users

    user = next((user for user in list_users(db) if user.username == username.strip().lower()), None)
    if user is None:
        raise NotFoundError(f"no user {username!r}")
    return user


def _read_password(*, from_stdin: bool) -> str:
    """The new password: the first line of standard input, else asked twice on the terminal."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise InputError("--password-stdin: standard input gave no password (one line)")
        return password
    if not sys.stdin.isatty():
        raise InputError(
            "no terminal to ask the password on: give it on standard input with --password-stdin, "
            f"e.g. printf '%s\\n' \"$PASSWORD\" | rogatory users add NAME --role ROLE --password-stdin "
            f"(at least {MIN_PASSWORD} characters)"
        )
    try:
        first = getpass.getpass(f"Password (at least {MIN_PASSWORD} characters): ")
        again = getpass.getpass("Again: ")
    except EOFError as error:
        raise InputError("no password was typed") from error
    if again != first:
        raise InputError("the two passwords differ")
    return first
