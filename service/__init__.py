"""The composition root: the ``rogatory`` command and the bootstrap that builds each process from settings."""
