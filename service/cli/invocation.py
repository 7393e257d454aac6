"""The settings of one ``rogatory`` invocation, from its global options."""

from __future__ import annotations

import argparse
import os

from rogatory.errors import InputError
from rogatory.settings import ENV_PREFIX, Settings, load_settings


def settings_from(args: argparse.Namespace) -> Settings:
    """The settings for this invocation: file, environment, then command-line overrides."""
    return load_settings(config_path=args.config, data_dir=args.data_dir)


def prepared_settings(args: argparse.Namespace) -> Settings:
    """The invocation's settings, with the data folders of the embedded default created."""
    settings = settings_from(args)
    settings.ensure_dirs()
    return settings


def existing_settings(args: argparse.Namespace) -> Settings:
    """The invocation's settings for a command that only reads or changes existing data.

    Raises ``InputError`` when the embedded default's data folder does not exist (a
    command run from another folder), rather than creating an empty one.
    """
    settings = settings_from(args)
    if not settings.database_url and not (settings.data_dir / "rogatory.db").exists():
        raise InputError(
            f"no Rogatory data in {settings.data_dir.resolve()}: run the command from the folder "
            f"the service was started in, or give --data-dir (or {ENV_PREFIX}DATA_DIR)"
        )
    return settings


def data_folder_line(args: argparse.Namespace, settings: Settings) -> str:
    """Which data folder this invocation uses and where that came from, for standard error."""
    if args.data_dir is not None:
        source = "--data-dir"
    elif f"{ENV_PREFIX}DATA_DIR" in os.environ:
        source = f"{ENV_PREFIX}DATA_DIR"
    elif args.config is not None or f"{ENV_PREFIX}CONFIG" in os.environ:
        source = "settings file, else the default"
    else:
        source = "default: ./rogatory-data of the current folder"
    database = "" if not settings.database_url else " (database: database_url)"
    return f"rogatory: data folder {settings.data_dir.resolve()} ({source}){database}"
