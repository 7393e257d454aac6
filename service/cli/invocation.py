"""The settings of one ``rogatory`` invocation, from its global options."""

from __future__ import annotations

import argparse

from rogatory.settings import Settings, load_settings


def settings_from(args: argparse.Namespace) -> Settings:
    """The settings for this invocation: file, environment, then command-line overrides."""
    return load_settings(config_path=args.config, data_dir=args.data_dir)


def prepared_settings(args: argparse.Namespace) -> Settings:
    """The invocation's settings, with the data folders of the embedded default created."""
    settings = settings_from(args)
    settings.ensure_dirs()
    return settings
