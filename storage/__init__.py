"""Storage: the object store, the database and what is kept in it.

``objects`` keeps originals by SHA-256; ``database`` opens SQLite or PostgreSQL;
``models`` holds every table; ``registry`` numbers, de-duplicates and records
requests, analyses and status; ``search`` indexes page texts; ``audit`` logs actions.
Imports only ``rogatory`` and third-party libraries (DESIGN.md).
"""
