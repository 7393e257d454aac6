"""``python -m service``: the same as the ``rogatory`` command."""

import sys

from service.cli import main

sys.exit(main())
