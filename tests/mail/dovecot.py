"""A private dovecot IMAP server the mail tests start, kill and start again.

Debian's dovecot-imapd (scripts/install-system-packages.sh installs it), with its own
configuration in a temporary folder: plain IMAP and IMAPS (a self-signed certificate
made here with openssl) on free loopback ports, users in a passwd-file, Maildir folders
owned by ``nobody``. Messages reach the mailbox as a mail server delivers them, by
IMAP APPEND. The folder is made with ``tempfile`` (not pytest's ``tmp_path``, which is
private to root) so that dovecot's unprivileged processes can open it.
"""

from __future__ import annotations

import contextlib
import imaplib
import os
import pwd
import shutil
import signal
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rogatory.settings import MailboxSettings
from tests.faults.servers import _wait_for_port, free_port

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"
USER = "registry"
PASSWORD = "s3cret-registry"
_MAIL_OWNER = "nobody"


@dataclass
class Dovecot:
    """A dovecot on ``imap_port`` (plain) and ``imaps_port`` (TLS) serving one user."""

    folder: Path
    imap_port: int = field(default_factory=free_port)
    imaps_port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def cert(self) -> Path:
        return self.folder / "cert.pem"

    def mailbox(self, *, tls: bool = False, **changes: object) -> MailboxSettings:
        """Settings of this server's mailbox, over IMAPS (trusting its certificate) or plain IMAP."""
        values: dict[str, object] = {
            "name": "central",
            "host": "127.0.0.1",
            "port": self.imaps_port if tls else self.imap_port,
            "tls": tls,
            "ca_file": self.cert if tls else None,
            "user": USER,
            "password": PASSWORD,
        }
        values.update(changes)
        return MailboxSettings.model_validate(values)

    def configure(self) -> None:
        owner = pwd.getpwnam(_MAIL_OWNER)
        for name in ("run", "state", "home"):
            (self.folder / name).mkdir(parents=True, exist_ok=True)
        os.chown(self.folder / "home", owner.pw_uid, owner.pw_gid)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
             "-keyout", str(self.folder / "key.pem"), "-out", str(self.cert)],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        (self.folder / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n", encoding="utf-8")
        (self.folder / "dovecot.conf").write_text(
            _CONFIG.format(
                folder=self.folder,
                imap_port=self.imap_port,
                imaps_port=self.imaps_port,
                uid=owner.pw_uid,
                gid=owner.pw_gid,
            ),
            encoding="utf-8",
        )

    def start(self) -> None:
        with (self.folder / "stderr.log").open("ab") as stderr:
            self.process = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(self.folder / "dovecot.conf")],
                start_new_session=True,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
        try:
            _wait_for_port(self.imap_port, up=True, timeout=30)
            _wait_for_port(self.imaps_port, up=True, timeout=30)
        except AssertionError:
            log = (
                (self.folder / "dovecot.log").read_text(errors="replace")
                if (self.folder / "dovecot.log").exists()
                else ""
            )
            raise AssertionError(f"dovecot did not start: {log[-2000:]}") from None

    def kill(self) -> None:
        """Kill the server and all its processes at once: its group, and every descendant
        (the imap process serving a connection may have left the group)."""
        if self.process is None:
            return
        for pid in [self.process.pid, *_descendants(self.process.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGSTOP)  # none of them may react before all are killed
        for pid in [self.process.pid, *_descendants(self.process.pid)]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None
        _wait_for_port(self.imap_port, up=False, timeout=30)
        time.sleep(0.2)  # the children (imap, auth) have the same group and are gone with it

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=30)
        self.process = None

    def client(self) -> imaplib.IMAP4:
        """A plain IMAP client of the test itself (to deliver and to look)."""
        client = imaplib.IMAP4("127.0.0.1", self.imap_port, timeout=30)
        client.login(USER, PASSWORD)
        return client

    def deliver(self, *messages: bytes, folder: str = "INBOX") -> None:
        """Put ``messages`` into ``folder`` as a mail server delivers them."""
        client = self.client()
        try:
            for data in messages:
                status, response = client.append(folder, "", imaplib.Time2Internaldate(time.time()), data)
                assert status == "OK", response
        finally:
            client.logout()

    def messages_in(self, folder: str) -> list[bytes]:
        """The messages of ``folder`` (empty when it does not exist)."""
        client = self.client()
        try:
            status, _ = client.select(f'"{folder}"', readonly=True)
            if status != "OK":
                return []
            _, data = client.uid("SEARCH", "ALL")
            found = []
            for uid in data[0].split():
                _, fetched = client.uid("FETCH", uid, "(BODY.PEEK[])")
                found.extend(bytes(item[1]) for item in fetched if isinstance(item, tuple))
            return found
        finally:
            client.logout()


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (from /proc)."""
    found: list[int] = []
    pending = [pid]
    while pending:
        parent = pending.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            with contextlib.suppress(OSError):
                children = [int(child) for child in (task / "children").read_text().split()]
                found.extend(children)
                pending.extend(children)
    return found


def trusted_context(dovecot: Dovecot) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(dovecot.cert))


def make_dovecot() -> Dovecot:
    folder = Path(tempfile.mkdtemp(prefix="rogatory-dovecot-"))
    folder.chmod(0o755)
    server = Dovecot(folder=folder)
    server.configure()
    return server


@contextlib.contextmanager
def running_dovecot() -> Iterator[Dovecot]:
    """A dovecot of its own, started, then stopped and its folder removed (the tests' fixtures)."""
    if not Path(DOVECOT).exists():
        raise AssertionError(
            "dovecot is not installed: run scripts/install-system-packages.sh (dovecot-imapd)"
        )
    server = make_dovecot()
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)


_CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
info_log_path = {folder}/dovecot.log
ssl = yes
ssl_cert = <{folder}/cert.pem
ssl_key = <{folder}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = 1
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={folder}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
"""
