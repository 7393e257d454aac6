"""The IMAP conversation with one mailbox (standard library ``imaplib``).

One wrapper for the external server, like the other tools' (STYLE.md 5): keyword-only
options, a timeout on every socket operation, and every failure of the server or the
network turned into our own errors: ``TransientError`` (the server went away, answered
NO or BAD, timed out: try again later) and ``ConfigurationError`` (the login was refused:
the settings are wrong). Messages are read with ``BODY.PEEK`` (no \\Seen flag set), by UID,
and moved with ``MOVE`` (RFC 6851) or, on a server without it, ``COPY`` then the original
flagged \\Deleted and expunged by UID (UIDPLUS), so a message is never lost in between.
IDLE (RFC 2177) is used where the server has it; ``imaplib`` of Python 3.11 has no IDLE,
so it is spoken here, waiting with ``select`` so that a stop is seen within a second.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import os
import re
import select
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from rogatory.errors import ConfigurationError, TransientError
from rogatory.settings import MailboxSettings

logger = logging.getLogger(__name__)

_UIDVALIDITY = re.compile(rb"UIDVALIDITY (\d+)")
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
_UID = re.compile(rb"UID (\d+)")
_FAILURES = (imaplib.IMAP4.error, OSError, EOFError)  # abort and readonly are IMAP4.error too


def mailbox_password(mailbox: MailboxSettings, environ: Mapping[str, str] | None = None) -> str:
    """The mailbox's password: its file, else its variable, else the setting.

    Raises ``ConfigurationError`` when the file cannot be read or the variable is unset.
    """
    env = os.environ if environ is None else environ
    if mailbox.password_file is not None:
        try:
            return mailbox.password_file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as error:
            raise ConfigurationError(
                f"mailbox {mailbox.label}: cannot read password_file {mailbox.password_file}: {error}"
            ) from error
    if mailbox.password_env:
        if mailbox.password_env not in env:
            raise ConfigurationError(f"mailbox {mailbox.label}: ${mailbox.password_env} is not set")
        return env[mailbox.password_env]
    return mailbox.password


@dataclass(frozen=True)
class MessageSummary:
    """What is read of a message before it is fetched: its size and its header."""

    uid: int
    size: int
    header: bytes


class ImapMailbox:
    """An open, selected mailbox. Use :func:`open_mailbox`; every method may raise ``TransientError``."""

    def __init__(
        self,
        connection: imaplib.IMAP4,
        settings: MailboxSettings,
        *,
        uidvalidity: int,
        capabilities: frozenset[str],
    ) -> None:
        self._connection = connection
        self.settings = settings
        self.uidvalidity = uidvalidity
        self.capabilities = capabilities

    @property
    def can_idle(self) -> bool:
        return self.settings.idle and "IDLE" in self.capabilities

    def uids(self) -> list[int]:
        """The UIDs of the messages waiting in the folder, oldest first."""
        data = self._ok("UID SEARCH", lambda: self._connection.uid("SEARCH", "UNDELETED"))
        return sorted(int(uid) for line in data if isinstance(line, bytes) for uid in line.split())

    def summary(self, uid: int) -> MessageSummary | None:
        """Size and header of message ``uid``; None when it is gone."""
        data = self._ok(
            "UID FETCH", lambda: self._connection.uid("FETCH", str(uid), "(RFC822.SIZE BODY.PEEK[HEADER])")
        )
        for item in data:
            if isinstance(item, tuple) and _UID.search(item[0]) and (size := _SIZE.search(item[0])):
                return MessageSummary(uid=uid, size=int(size.group(1)), header=item[1])
        return None

    def fetch(self, uid: int) -> bytes | None:
        """The whole message ``uid`` as received (its ``.eml``); None when it is gone."""
        data = self._ok("UID FETCH", lambda: self._connection.uid("FETCH", str(uid), "(BODY.PEEK[])"))
        for item in data:
            if isinstance(item, tuple) and _UID.search(item[0]):
                return bytes(item[1])
        return None

    def move(self, uid: int, folder: str) -> None:
        """Move message ``uid`` into ``folder`` (never a deletion without a copy)."""
        target = _quoted(folder)
        if "MOVE" in self.capabilities:
            self._ok("UID MOVE", lambda: self._connection.uid("MOVE", str(uid), target))
            return
        self._ok("UID COPY", lambda: self._connection.uid("COPY", str(uid), target))
        self._ok("UID STORE", lambda: self._connection.uid("STORE", str(uid), "+FLAGS.SILENT", r"(\Deleted)"))
        if "UIDPLUS" in self.capabilities:
            self._ok("UID EXPUNGE", lambda: self._connection.uid("EXPUNGE", str(uid)))
        # Without UIDPLUS the copy is flagged \Deleted and left for the server's own expunge:
        # a plain EXPUNGE could remove messages another client flagged.

    def wait(self, seconds: float, stop: threading.Event) -> None:
        """Wait until the folder may have news, ``seconds`` pass, or ``stop`` is set."""
        if not self.can_idle:
            stop.wait(seconds)
            return
        connection = self._connection
        tag = connection._new_tag().decode()
        try:
            connection.send(f"{tag} IDLE\r\n".encode())
            if not connection.readline().startswith(b"+"):
                raise TransientError(f"mailbox {self.settings.label}: the server refused IDLE")
            deadline = time.monotonic() + seconds
            while not stop.is_set() and time.monotonic() < deadline:
                if _readable(connection):
                    line = connection.readline()
                    if not line:
                        raise EOFError("the server closed the connection")
                    if b"EXISTS" in line or b"RECENT" in line or b"BYE" in line:
                        break
            connection.send(b"DONE\r\n")
            while not (line := connection.readline()).startswith(tag.encode()):
                if not line:
                    raise EOFError("the server closed the connection")
        except _FAILURES as error:
            raise TransientError(f"mailbox {self.settings.label}: IDLE failed: {error}") from error

    def close(self) -> None:
        """Log out; a connection already gone is simply dropped."""
        try:
            self._connection.logout()
        except _FAILURES:
            with _suppressed():
                self._connection.shutdown()

    def _ok(self, what: str, call: Callable[[], tuple[str, list[object]]]) -> list[object]:
        try:
            status, data = call()
        except _FAILURES as error:
            raise TransientError(f"mailbox {self.settings.label}: {what} failed: {error}") from error
        if status != "OK":
            raise TransientError(f"mailbox {self.settings.label}: {what} answered {status}: {data!r}")
        return data


@contextmanager
def open_mailbox(
    settings: MailboxSettings, *, password: str, timeout: float, ensure_folders: bool = True
) -> Iterator[ImapMailbox]:
    """Connect (IMAPS or plain), log in, create the processed and refused folders, select.

    Raises ``TransientError`` (server unreachable, gone, or answering NO) and
    ``ConfigurationError`` (login refused, a TLS certificate not trusted).
    """
    connection = _connect(settings, timeout=timeout)
    try:
        try:
            connection.login(settings.user, password)
        except imaplib.IMAP4.abort as error:
            raise TransientError(
                f"mailbox {settings.label}: the server went away at login: {error}"
            ) from error
        except imaplib.IMAP4.error as error:
            raise ConfigurationError(
                f"mailbox {settings.label}: the server refused the login: {error}"
            ) from error
        except OSError as error:
            raise TransientError(f"mailbox {settings.label}: login failed: {error}") from error
        if ensure_folders:
            for folder in (settings.processed_folder, settings.refused_folder):
                _create_folder(connection, folder, settings)
        capabilities = _capabilities(connection, settings)
        mailbox = ImapMailbox(
            connection, settings, uidvalidity=_select(connection, settings), capabilities=capabilities
        )
    except BaseException:
        with _suppressed():
            connection.shutdown()
        raise
    try:
        yield mailbox
    finally:
        mailbox.close()


def _connect(settings: MailboxSettings, *, timeout: float) -> imaplib.IMAP4:
    try:
        if settings.tls:
            context = ssl.create_default_context(cafile=str(settings.ca_file) if settings.ca_file else None)
            return imaplib.IMAP4_SSL(
                settings.host, settings.server_port, ssl_context=context, timeout=timeout
            )
        return imaplib.IMAP4(settings.host, settings.server_port, timeout=timeout)
    except ssl.SSLCertVerificationError as error:
        raise ConfigurationError(
            f"mailbox {settings.label}: the server's certificate is not trusted ({error.verify_message}); "
            "set ca_file to the CA that signed it"
        ) from error
    except _FAILURES as error:
        raise TransientError(
            f"mailbox {settings.label}: cannot reach {settings.host}:{settings.server_port}: {error}"
        ) from error


def _create_folder(connection: imaplib.IMAP4, folder: str, settings: MailboxSettings) -> None:
    try:
        status, listed = connection.list('""', _quoted(folder))
        if status == "OK" and any(listed):
            return
        status, data = connection.create(_quoted(folder))
    except _FAILURES as error:
        raise TransientError(f"mailbox {settings.label}: cannot create folder {folder!r}: {error}") from error
    if status != "OK":
        raise TransientError(f"mailbox {settings.label}: cannot create folder {folder!r}: {data!r}")


def _capabilities(connection: imaplib.IMAP4, settings: MailboxSettings) -> frozenset[str]:
    """What the server offers once logged in (MOVE, UIDPLUS, IDLE are often announced only then)."""
    try:
        _, data = connection.capability()
    except _FAILURES as error:
        raise TransientError(f"mailbox {settings.label}: CAPABILITY failed: {error}") from error
    words = (
        b" ".join(line for line in data if isinstance(line, bytes)).decode("ascii", "replace").upper().split()
    )
    return frozenset(words) | frozenset(str(name).upper() for name in connection.capabilities)


def _select(connection: imaplib.IMAP4, settings: MailboxSettings) -> int:
    try:
        status, data = connection.select(_quoted(settings.folder))
        _, validity = connection.response("UIDVALIDITY")
    except _FAILURES as error:
        raise TransientError(
            f"mailbox {settings.label}: cannot open folder {settings.folder!r}: {error}"
        ) from error
    if status != "OK":
        raise TransientError(f"mailbox {settings.label}: cannot open folder {settings.folder!r}: {data!r}")
    values = [value for value in validity if isinstance(value, bytes) and value.isdigit()]
    return int(values[-1]) if values else 0


def _readable(connection: imaplib.IMAP4) -> bool:
    """Whether the server sent something (in the TLS layer's buffer, or on the socket), within a second.

    A line already read into imaplib's own buffer is not seen here; it is read at the next
    look at the folder, after at most ``seconds`` of :meth:`ImapMailbox.wait`.
    """
    sock = connection.sock
    if isinstance(sock, ssl.SSLSocket) and sock.pending():
        return True
    readable, _, _ = select.select([sock], [], [], 1.0)
    return bool(readable)


def _quoted(folder: str) -> str:
    return '"' + folder + '"'


def _suppressed() -> contextlib.suppress:
    return contextlib.suppress(*_FAILURES)
