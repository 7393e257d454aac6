"""``rogatory backup DEST | restore SRC``: the archive copied while the service runs, and restored."""

from __future__ import annotations

import argparse
from pathlib import Path

from service.cli.invocation import settings_from


def add_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser(
        "backup", help="copy the database and every original into a new folder (the service may run)"
    )
    backup.add_argument("destination", type=Path, help="a new or empty folder")
    backup.set_defaults(handler=backup_archive)
    restore = subparsers.add_parser(
        "restore", help="check a backup and restore it into an empty database and object store"
    )
    restore.add_argument("source", type=Path, help="a folder written by rogatory backup")
    restore.set_defaults(handler=restore_archive)


def backup_archive(args: argparse.Namespace) -> int:
    from storage.backup import take_backup
    from storage.object_stores import open_object_store

    settings = settings_from(args)
    manifest = take_backup(settings.database, open_object_store(settings), args.destination, progress=print)
    print(
        f"backup written to {args.destination}: {manifest.counts.get('registrations', 0)} registrations, "
        f"{len(manifest.objects)} objects, manifest {args.destination / 'manifest.json'}"
    )
    return 0


def restore_archive(args: argparse.Namespace) -> int:
    from storage.backup import restore_backup
    from storage.object_stores import open_object_store

    settings = settings_from(args)
    manifest = restore_backup(args.source, settings.database, open_object_store(settings), progress=print)
    print(
        f"restored the backup of {manifest.created_at:%Y-%m-%d %H:%M} UTC: "
        f"{manifest.counts.get('registrations', 0)} registrations, {len(manifest.objects)} objects, "
        "every hash verified"
    )
    return 0
