"""``python -m rogatory``: the same as the ``rogatory`` command."""

import sys

from rogatory.cli import main

sys.exit(main())
