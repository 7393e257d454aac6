"""The one settings object, built at an entry point and passed down.

Settings come from, in rising order of precedence: the defaults below, a TOML file
(``ROGATORY_CONFIG`` or ``--config``), and ``ROGATORY_*`` environment variables
(``ROGATORY_DATA_DIR``, ``ROGATORY_DATABASE_URL``, ...). Nothing here is read at
import time: call :func:`load_settings`.
"""

from __future__ import annotations

import ipaddress
import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from rogatory.errors import ConfigurationError

ENV_PREFIX = "ROGATORY_"
DEFAULT_AUTHORITIES = Path(__file__).resolve().parent / "config" / "authorities.yaml"


class MailboxSettings(BaseModel):
    """One IMAP mailbox that mail intake reads (issue 19); a ``[[rogatory.mailboxes]]`` table.

    The password comes from ``password_file`` (a file holding it, e.g. a Docker secret),
    else the environment variable named by ``password_env``, else ``password``; it is read
    when the mailbox is opened, never at import. Folder names are ASCII; the processed and
    refused folders are created when missing. A message is moved out of ``folder`` only
    after its registration (or refusal) is committed, never deleted.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = ""
    host: str
    # Empty: 993 with TLS (IMAPS), 143 without.
    port: int | None = Field(default=None, ge=1, le=65535)
    tls: bool = True
    # A CA bundle to trust besides the system's (a private CA, a self-signed server).
    ca_file: Path | None = None
    user: str
    password: str = Field(default="", repr=False)
    password_file: Path | None = None
    password_env: str = ""
    folder: str = "INBOX"
    processed_folder: str = "Rogatory-processed"
    refused_folder: str = "Rogatory-refused"
    # IDLE when the server has it (else the mailbox is polled every mail_poll_seconds).
    idle: bool = True

    @property
    def label(self) -> str:
        """How logs and the registry name this mailbox."""
        return self.name or f"{self.user}@{self.host}/{self.folder}"

    @property
    def server_port(self) -> int:
        return self.port or (993 if self.tls else 143)

    @field_validator("folder", "processed_folder", "refused_folder")
    @classmethod
    def _ascii_folder(cls, value: str) -> str:
        if not value or not value.isascii() or any(char in value for char in '"\\\r\n'):
            raise ValueError(f"folder {value!r}: give a plain ASCII folder name")
        return value


class Settings(BaseModel):
    """Every setting of a deployment. Paths left empty derive from ``data_dir``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    data_dir: Path = Path("rogatory-data")
    inbox_dir: Path | None = None
    # URLs may carry passwords and are kept out of the repr, like the keys and secrets below.
    database_url: str = Field(default="", repr=False)
    broker_url: str = Field(default="", repr=False)
    object_store_url: str = ""
    # The S3 store (object_store_url = s3://bucket/optional/prefix): MinIO or any S3 service.
    s3_endpoint: str = "127.0.0.1:9000"
    s3_access_key: str = ""
    s3_secret_key: str = Field(default="", repr=False)
    s3_region: str = ""
    s3_secure: bool = False

    web_host: str = "127.0.0.1"
    web_port: int = Field(default=8000, ge=1, le=65535)

    authorities_path: Path = DEFAULT_AUTHORITIES
    number_prefix: str = "RQ"
    number_digits: int = Field(default=6, ge=1, le=12)
    # A routing decision whose confidence is below this or exactly at it (a tie) goes to
    # review (needs_review); above it the request is routed automatically. The confidence
    # is the lowest of the labels the firing rule relied on: firm evidence (an assistance
    # section, a sentence that asks, a title) is 0.8-0.95, weak or disagreeing evidence
    # (measures nothing asks for, cues of two proceeding types, a ticked box against the
    # wording) 0.4 or less, so at 0.5 a request is never routed on a guess.
    review_threshold: float = Field(default=0.5, ge=0.0, le=1.0)

    watch_poll: bool = False
    # A folder dropped into the inbox is one request with its annexes (issue 19).
    watch_folders: bool = True
    watch_interval_seconds: float = Field(default=1.0, gt=0)
    stable_seconds: float = Field(default=1.0, ge=0)
    # A file whose intake failed (object store or database down) is tried again after this long.
    watch_retry_seconds: float = Field(default=30.0, gt=0)
    # Uploads registered while the broker is down are queued again this often.
    queue_retry_seconds: float = Field(default=5.0, gt=0)

    max_file_bytes: int = Field(default=200 * 1024 * 1024, gt=0)
    max_pages: int = Field(default=2000, gt=0)
    max_image_pixels: int = Field(default=120_000_000, gt=0)
    # A request's annexes (issue 19): files taken out of a ZIP or a PDF's attached files,
    # bounded in count, in bytes unpacked (the whole request), in compression ratio (one
    # member) and in depth (a ZIP in a ZIP, a PDF attached to a PDF).
    max_annexes: int = Field(default=100, ge=1)
    max_unpacked_bytes: int = Field(default=500 * 1024 * 1024, gt=0)
    max_unpack_ratio: float = Field(default=100.0, gt=1)
    max_unpack_depth: int = Field(default=2, ge=1)

    ocr_dpi: int = Field(default=300, ge=72, le=600)
    ocr_timeout_seconds: float = Field(default=180.0, gt=0)
    # OpenMP threads per tesseract process (OMP_THREAD_LIMIT); pages already run in parallel.
    ocr_threads: int = Field(default=1, ge=1, le=64)
    # "library": OCR in a child process holding libtesseract, models loaded once;
    # "cli": the tesseract executable for every page (same text, slower).
    ocr_engine: Literal["library", "cli"] = "library"
    # The trained NER pipelines (pipelines.toml and <lang>/pipeline); empty: the repository's models/.
    ner_models_dir: Path | None = None
    worker_concurrency: int = Field(default=2, ge=1)
    # A document with at least this many pages to OCR has them OCR'd by one Celery task
    # each (in parallel on the workers); shorter ones are read in the document's task.
    page_task_min_pages: int = Field(default=4, ge=2)
    log_format: Literal["text", "json"] = "text"

    # --- review, deadlines and delivery (issue 5) ------------------------------
    due_soon_days: int = Field(default=7, ge=0)
    # The web interface's language when neither the user's setting nor the browser's
    # Accept-Language names one of en, fr, es, pt, ru, ar, de, it; times are shown in time_zone.
    interface_language: Literal["en", "fr", "es", "pt", "ru", "ar", "de", "it"] = "en"
    time_zone: str = "UTC"
    public_url: str = "http://127.0.0.1:8000"
    smtp_host: str = ""
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_from: str = "rogatory@localhost"
    smtp_attach_original: bool = False
    smtp_timeout_seconds: float = Field(default=30.0, gt=0)
    webhook_url: str = ""
    webhook_secret: str = Field(default="", repr=False)
    delivery_max_attempts: int = Field(default=5, ge=1)
    delivery_retry_seconds: int = Field(default=30, ge=1)
    suggestion_min_corrections: int = Field(default=20, ge=2)

    # --- sign-in (issue 7) --------------------------------------------------------
    session_hours: float = Field(default=12.0, gt=0)
    # Cookies marked Secure: None follows public_url (https:// -> True).
    cookie_secure: bool | None = None
    # Failed sign-ins of one account before it is locked; the count is forgotten after the window.
    sign_in_max_failures: int = Field(default=5, ge=1)
    sign_in_window_minutes: float = Field(default=15.0, gt=0)
    # The first lock-out of an account lasts this long, each further one twice as long (up to
    # the maximum), until a successful sign-in or an administrator's unlock.
    sign_in_lockout_minutes: float = Field(default=1.0, gt=0)
    sign_in_lockout_max_minutes: float = Field(default=60.0, gt=0)
    # Failed sign-ins from one address (of any names) before the address is locked the same way:
    # higher than the per-account limit, so one clerk's typos never lock out a colleague.
    sign_in_address_max_failures: int = Field(default=50, ge=1)
    # An API token is valid this long unless `rogatory users token --days` says otherwise.
    api_token_days: int = Field(default=90, ge=1, le=3650)

    # --- proxies and host names (issue 17) -----------------------------------------
    # Addresses or networks (CIDR) of reverse proxies whose X-Forwarded-For / -Proto are
    # believed; empty: the headers are ignored and the peer's address is the client's.
    trusted_proxies: tuple[str, ...] = ()
    # Host names the app answers to besides localhost, 127.0.0.1, ::1 and public_url's host
    # (a request naming any other Host is refused: DNS rebinding); "*" allows any.
    allowed_hosts: tuple[str, ...] = ()

    # --- processing claims and supervision (issue 17) ---------------------------------
    # A processing claim older than this is taken over by another task (its worker died).
    claim_stale_seconds: float = Field(default=900.0, gt=0)
    # `rogatory run` queues again a request whose task was queued longer ago than this.
    requeue_after_seconds: float = Field(default=600.0, ge=0)
    # Workers and watchers write a heartbeat this often; /health wants one fresher than 3 of them.
    heartbeat_seconds: float = Field(default=5.0, gt=0)
    # What /health requires besides the database: a live worker, a live watcher.
    health_requires_worker: bool = True
    health_requires_watcher: bool = True
    # /health fails when the oldest waiting task was queued longer ago than this.
    health_max_queue_age_seconds: float = Field(default=600.0, gt=0)
    # The first delay before `rogatory run` restarts a child that died (doubled up to 60 s).
    restart_delay_seconds: float = Field(default=1.0, gt=0)

    # --- limits of one web request (issue 17) -------------------------------------
    # The body of one upload request (its files and the form around them); empty: one file
    # of max_file_bytes and 64 KiB of form. Refused on the announced length, or while read.
    max_upload_bytes: int | None = Field(default=None, gt=0)
    # Any other request's body (a form, a JSON document).
    max_form_bytes: int = Field(default=1024 * 1024, gt=0)
    # A request (an upload: upload_timeout_seconds) that takes longer is answered 503.
    request_timeout_seconds: float = Field(default=30.0, gt=0)
    upload_timeout_seconds: float = Field(default=900.0, gt=0)
    # A client must send a request's head within this long, and then some bytes at least
    # this often, else its connection is closed (slow clients; web/http_protocol.py).
    client_header_timeout_seconds: float = Field(default=10.0, gt=0)
    client_idle_timeout_seconds: float = Field(default=30.0, gt=0)
    # Search: at most this many words, each at most this long (longer words are cut).
    search_max_terms: int = Field(default=32, ge=1)
    search_max_term_chars: int = Field(default=64, ge=3)

    # --- mail intake (issue 19) ---------------------------------------------------
    # The mailboxes read by `rogatory mail` (and `rogatory run`); in the environment,
    # ROGATORY_MAILBOXES is a JSON list of the same tables.
    mailboxes: tuple[MailboxSettings, ...] = ()
    # A mailbox whose server has no IDLE (or idle = false) is looked at this often; with
    # IDLE the command is renewed this often (servers drop an IDLE after 30 minutes).
    mail_poll_seconds: float = Field(default=60.0, gt=0)
    mail_idle_seconds: float = Field(default=600.0, gt=0)
    # A mailbox whose server went away is opened again after this long.
    mail_retry_seconds: float = Field(default=30.0, gt=0)
    mail_timeout_seconds: float = Field(default=60.0, gt=0)
    # A message larger than this is refused unread (kept on the server in the refused
    # folder); empty: what max_file_bytes of attachments takes in base64, plus 1 MiB.
    mail_max_message_bytes: int | None = Field(default=None, gt=0)

    @property
    def mail_message_limit(self) -> int:
        """The largest message mail intake fetches."""
        return self.mail_max_message_bytes or self.max_file_bytes * 4 // 3 + 1024 * 1024

    @field_validator("mailboxes", mode="before")
    @classmethod
    def _mailboxes_from_json(cls, value: object) -> object:
        """An environment variable gives the mailboxes as a JSON list of tables."""
        if isinstance(value, str):
            try:
                return json.loads(value) if value.strip() else ()
            except json.JSONDecodeError as error:
                raise ValueError(f"mailboxes: not a JSON list of tables ({error})") from error
        return value

    @property
    def upload_body_limit(self) -> int:
        """The longest body an upload request may have."""
        return self.max_upload_bytes or self.max_file_bytes + 64 * 1024

    @field_validator("trusted_proxies", "allowed_hosts", mode="before")
    @classmethod
    def _split_list(cls, value: object) -> object:
        """An environment variable gives a list as one string: names separated by commas or spaces."""
        if isinstance(value, str):
            return tuple(part for part in value.replace(",", " ").split() if part)
        return value

    @field_validator("time_zone")
    @classmethod
    def _check_time_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r} (an IANA name such as Europe/Paris)") from error
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _check_networks(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for entry in value:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError as error:
                raise ValueError(f"trusted_proxies: {entry!r} is no address or network") from error
        return value

    @property
    def host_names(self) -> frozenset[str]:
        """The Host names the web app answers to (lower case, without port)."""
        public = (urlsplit(self.public_url).hostname or "").lower()
        names = {"localhost", "127.0.0.1", "::1", public, *(name.lower() for name in self.allowed_hosts)}
        return frozenset(name for name in names if name)

    # --- derived locations ----------------------------------------------------

    @property
    def inbox(self) -> Path:
        return self.inbox_dir or self.data_dir / "inbox"

    @property
    def processed_dir(self) -> Path:
        return self.data_dir / "processed"

    @property
    def quarantine_dir(self) -> Path:
        return self.data_dir / "quarantine"

    @property
    def objects_dir(self) -> Path:
        return self.data_dir / "objects"

    @property
    def queue_dir(self) -> Path:
        return self.data_dir / "queue"

    @property
    def secure_cookies(self) -> bool:
        """Whether session cookies are sent over HTTPS only."""
        if self.cookie_secure is not None:
            return self.cookie_secure
        return self.public_url.startswith("https://")

    @property
    def email_enabled(self) -> bool:
        """E-mail delivery is off until an SMTP host is set."""
        return bool(self.smtp_host)

    @property
    def database(self) -> str:
        """The SQLAlchemy URL: the setting, else SQLite in the data folder."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'rogatory.db').resolve()}"

    @property
    def broker(self) -> str:
        """The Celery broker URL: the setting, else kombu's filesystem transport."""
        return self.broker_url or "filesystem://"

    def ensure_dirs(self) -> None:
        """Create the folders of the embedded default. Raises ``OSError``."""
        for path in (
            self.data_dir,
            self.inbox,
            self.processed_dir,
            self.quarantine_dir,
            self.objects_dir,
            self.queue_dir / "in",
            self.queue_dir / "processed",
            self.queue_dir / "control",
        ):
            path.mkdir(parents=True, exist_ok=True)


def load_settings(
    environ: Mapping[str, str] | None = None,
    config_path: Path | None = None,
    **overrides: object,
) -> Settings:
    """Build settings from a TOML file, the environment and explicit overrides.

    Raises ``ConfigurationError`` naming the file or variable that is wrong.
    """
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    path = config_path or (Path(env[f"{ENV_PREFIX}CONFIG"]) if f"{ENV_PREFIX}CONFIG" in env else None)
    if path is not None:
        values.update(_read_toml(path))
    fields = Settings.model_fields
    for key, raw in env.items():
        if key.startswith(ENV_PREFIX) and key != f"{ENV_PREFIX}CONFIG":
            name = key[len(ENV_PREFIX) :].lower()
            if name not in fields:
                raise ConfigurationError(f"unknown setting in environment: {key}")
            values[name] = raw
    values.update({key: value for key, value in overrides.items() if value is not None})
    try:
        return Settings.model_validate(values)
    except ValidationError as error:
        source = f" (from {path} and the environment)" if path else ""
        raise ConfigurationError(f"invalid settings{source}: {error}") from error


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise ConfigurationError(f"cannot read settings file {path}: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigurationError(f"settings file {path} is not valid TOML: {error}") from error
    section = data.get("rogatory", data)
    if not isinstance(section, dict):
        raise ConfigurationError(f"settings file {path}: [rogatory] must be a table")
    return section
