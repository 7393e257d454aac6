"""``rogatory users add | list | disable | enable | token``: the accounts of the web app and the API.

The first admin is made here (``rogatory users add admin --role admin``); the
password is asked for on the terminal, or read from standard input with
``--password-stdin`` (for scripts). ``token`` prints a new API token once.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from rogatory.errors import InputError, NotFoundError
from rogatory.users import Role
from service.cli.invocation import prepared_settings


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    users = subparsers.add_parser("users", help="accounts of the web app and the API")
    actions = users.add_subparsers(dest="users_command", required=True)
    add = actions.add_parser("add", help="add a user")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[role.value for role in Role])
    add.add_argument("--authority", help="authority id of the directory (authority users)")
    add.add_argument("--name", default="", help="full name shown in the app")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(handler=add_command)
    actions.add_parser("list", help="list the users").set_defaults(handler=list_command)
    for verb in ("disable", "enable"):
        toggle = actions.add_parser(verb, help=f"{verb} a user")
        toggle.add_argument("username")
        toggle.set_defaults(handler=toggle_command, active=verb == "enable")
    token = actions.add_parser("token", help="print a new API token of a user")
    token.add_argument("username")
    token.add_argument("--name", default="command line", help="what the token is for")
    token.set_defaults(handler=token_command)


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

    for user in list_users(open_database(prepared_settings(args).database)):
        state = "active" if user.active else "disabled"
        print(f"{user.username:24} {user.role.value:10} {user.authority or '-':24} {state}")
    return 0


def toggle_command(args: argparse.Namespace) -> int:
    from storage.database import open_database
    from storage.users import set_active

    set_active(
        open_database(prepared_settings(args).database),
        args.username,
        active=args.active,
        actor="command line",
    )
    return 0


def token_command(args: argparse.Namespace) -> int:
    from storage.credentials import create_token
    from storage.database import open_database
    from storage.users import list_users

    db = open_database(prepared_settings(args).database)
    user = next((user for user in list_users(db) if user.username == args.username.lower()), None)
    if user is None:
        raise NotFoundError(f"no user {args.username!r}")
    print(create_token(db, user, name=args.name, actor="command line"))
    return 0


def _read_password(*, from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != first:
        raise InputError("the two passwords differ")
    return first
