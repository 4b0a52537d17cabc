"""The article front-matter schema, and the mapping of other docs systems' keys onto it.

Our keys: title (required), summary, locale, tags, product, audience, segments, owner, reviewed,
review_every, status, translation_of, id, category, section, promoted. Keys from Microsoft Learn
(``ms.date``, ``ms.author``/``author``, ``description``, ``ms.service``, ``ms.contentlocale``) and Adobe
Experience League (``feature``, ``role``) are mapped; every other key is kept as metadata in ``extra``.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field

import yaml

from indexer.analysis import detect_language
from indexer.sources import Problem


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: ~10x faster, same safe subset
    """Safe YAML that leaves dates as text: one impossible date in a key we do not use
    (``ms.search.validFrom: 2017-31-12``) must not cost the whole article; ``parse_date`` reads ours."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

log = logging.getLogger(__name__)

AUDIENCES = ("public", "internal")
# Microsoft Learn's ``audience`` names readers' roles ("Application User, IT Pro"), not who may read: an
# article whose every listed role is one of these stays public, its roles kept as metadata. Any other
# value is unknown and the article is internal (fails closed), whatever else the front matter holds.
READER_ROLES = frozenset(
    {
        "applicationuser",
        "itpro",
        "developer",
        "admin",
        "administrator",
        "systemadmin",
        "enduser",
        "businessuser",
        "poweruser",
        "maker",
        "datascientist",
        "student",
    }
)
STATUSES = ("published", "draft", "archived")
LOCALES = ("es", "en")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-/]*$")
SEGMENT_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")

# Foreign key -> our key, first match wins (our own key always wins over a foreign one).
FOREIGN_KEYS: dict[str, tuple[str, ...]] = {
    "summary": ("description", "ms.description", "abstract"),
    "owner": ("ms.author", "author", "ms.reviewer"),
    "reviewed": ("ms.date", "last_reviewed", "last-reviewed"),
    "product": ("ms.service", "ms.prod", "ms.product"),
    "locale": ("ms.contentlocale", "ms.locale", "lang", "language"),
    "tags": ("keywords", "feature", "ms.topic_tags"),
}
# Adobe's ``role`` names the reader's job (Admin, Developer); it becomes extra tags, not our audience.
TAG_KEYS_ALSO = ("role",)


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Validated front matter of one article."""

    id: str
    path: str
    title: str
    summary: str = ""
    locale: str = "es"
    tags: tuple[str, ...] = ()
    product: str = ""
    audience: str = "public"
    owner: str = ""
    reviewed: dt.date | None = None
    review_every: int | None = None
    status: str = "published"
    translation_of: str = ""
    segments: tuple[str, ...] = ()  # customers see the article only if they carry one of these
    category: str = ""  # front matter's category and section names (flat repositories)
    section: str = ""
    promoted: bool = False
    extra: dict = field(default_factory=dict)


def _key_line(raw: str, key: str) -> int:
    for i, line in enumerate(raw.split("\n")):
        if re.match(rf"\s*['\"]?{re.escape(key)}['\"]?\s*:", line):
            return i + 2  # +1 for the opening fence, +1 for 1-based
    return 1


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_as_text(v) for v in value if v is not None)
    return str(value).strip()


def _as_tags(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [_as_text(v) for v in items if _as_text(v)]


def _normalise_locale(value: str) -> str:
    return value.strip().lower().replace("_", "-").split("-")[0]


def parse_date(value) -> dt.date | None:
    """ISO dates, datetimes and Microsoft's MM/DD/YYYY; ``None`` for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _as_text(value)
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%Y-%m-%dT%H:%M:%S", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(text[:19] if "T" in fmt else text, fmt).date()
        except ValueError:
            continue
    return None


def _jsonable(value):
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


# What front matter may expand to: YAML aliases (``*a``) repeat what an anchor (``&a``) names, so 426 bytes
# of nested aliases expanded to hundreds of megabytes. Counted as the value is walked, stopping at the cap.
MAX_FRONT_MATTER_VALUES = 10_000
MAX_FRONT_MATTER_CHARS = 200_000
MAX_FRONT_MATTER_DEPTH = 20


def _expands_too_far(value) -> str | None:
    """Why ``value`` (loaded YAML, aliases shared) is too big once expanded, or None. The walk stops as
    soon as a cap is passed, so a bomb costs no more than the caps."""
    values = chars = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        values += 1
        if values > MAX_FRONT_MATTER_VALUES:
            return f"more than {MAX_FRONT_MATTER_VALUES:,} values"
        if isinstance(item, str):
            chars += len(item)
            if chars > MAX_FRONT_MATTER_CHARS:
                return f"more than {MAX_FRONT_MATTER_CHARS:,} characters"
        elif isinstance(item, dict | list | tuple):
            if depth > MAX_FRONT_MATTER_DEPTH:
                return f"values nested more than {MAX_FRONT_MATTER_DEPTH} deep"
            children = [c for kv in item.items() for c in kv] if isinstance(item, dict) else list(item)
            stack.extend((c, depth + 1) for c in children)
    return None


def _first_alias_line(raw: str) -> int:
    """The front matter's line (as ``Problem`` counts it) of its first YAML alias, else 2."""
    try:
        for token in yaml.scan(raw, Loader=_Loader):
            if isinstance(token, yaml.AliasToken):
                return token.start_mark.line + 2
    except yaml.YAMLError:
        pass
    return 2


def load_front_matter(raw: str | None, rel_path: str) -> tuple[dict, list[Problem]]:
    """YAML front matter as a dict, or problems saying why it is not one."""
    if raw is None:
        return {}, []
    try:
        data = yaml.load(raw, Loader=_Loader) if raw.strip() else {}  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        # Where the broken construct starts (context) says more than where the parser gave up.
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        return {}, [Problem(rel_path, line, f"malformed YAML front matter: {reason}")]
    except (ValueError, TypeError, RecursionError) as exc:  # a value YAML accepts but cannot build
        return {}, [Problem(rel_path, 2, f"malformed YAML front matter: {exc}")]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem(rel_path, 2, "front matter must be a mapping of keys to values")]
    too_far = _expands_too_far(data)
    if too_far is not None:
        line = _first_alias_line(raw)
        why = "YAML aliases expand it to " if "*" in raw else "it holds "
        return {}, [Problem(rel_path, line, f"front matter too large: {why}{too_far}")]
    return {str(k): v for k, v in data.items()}, []


def build_meta(
    data: dict,
    raw: str | None,
    rel_path: str,
    default_id: str,
    first_heading: str,
    default_locale: str,
    sample: str = "",
) -> tuple[ArticleMeta | None, list[Problem]]:
    """Map and validate front matter. ``None`` (with an error) when the article cannot be indexed.

    The locale comes from the front matter, else the top folder (``es/``, ``en/``), else the
    language of the title and ``sample`` (the start of the body), else ``default_locale``.
    """
    raw = raw or ""
    problems: list[Problem] = []
    used: set[str] = set()

    def warn(key: str, message: str) -> None:
        problems.append(Problem(rel_path, _key_line(raw, key), message, "warning"))

    def pick(ours: str):
        if ours in data:
            used.add(ours)
            return ours, data[ours]
        for foreign in FOREIGN_KEYS.get(ours, ()):
            if foreign in data and data[foreign] not in (None, "", []):
                used.add(foreign)
                return foreign, data[foreign]
        return ours, None

    _, title = pick("title")
    title = _as_text(title)
    if not title:
        if not first_heading:
            return None, [Problem(rel_path, 1, "missing required front-matter key 'title' and no heading")]
        title = first_heading
        problems.append(Problem(rel_path, 1, "missing 'title'; using the first heading", "warning"))

    _, summary = pick("summary")

    key, locale = pick("locale")
    locale = _normalise_locale(_as_text(locale)) if locale else ""
    if not locale:
        top = rel_path.split("/", 1)[0]
        if top in LOCALES and "/" in rel_path:
            locale = top
        else:
            locale = detect_language(f"{_as_text(data.get('title')) or first_heading}\n{sample}") or default_locale
    elif locale not in LOCALES:
        warn(key, f"locale {locale!r} is not one of {', '.join(LOCALES)}; using {default_locale!r}")
        locale = default_locale

    tags: list[str] = []
    if "tags" in data:
        used.add("tags")
        tags += _as_tags(data["tags"])
    for foreign in FOREIGN_KEYS["tags"] + TAG_KEYS_ALSO:
        if foreign in data:
            used.add(foreign)
            tags += _as_tags(data[foreign])
    tags = list(dict.fromkeys(tags))

    _, product = pick("product")
    _, owner = pick("owner")

    audience = "public"
    if "audience" in data:
        used.add("audience")
        value = _as_text(data["audience"]).lower()
        roles = {"".join(r.split()) for r in value.split(",") if r.strip()}
        if value in AUDIENCES:
            audience = value
        elif roles and roles <= READER_ROLES:
            used.discard("audience")  # reader roles (Microsoft Learn): metadata, not access
        else:
            warn("audience", f"audience {value!r} is not 'public' or 'internal'; treated as internal")
            audience = "internal"

    key, reviewed = pick("reviewed")
    reviewed_date = None
    if reviewed not in (None, ""):
        reviewed_date = parse_date(reviewed)
        if reviewed_date is None:
            warn(key, f"{key} {reviewed!r} is not a date (use YYYY-MM-DD)")

    review_every = None
    if data.get("review_every") not in (None, ""):
        used.add("review_every")
        value = data["review_every"]
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            review_every = value
        else:
            warn("review_every", f"review_every {value!r} must be a whole number of days above 0")

    status = "published"
    if "status" in data:
        used.add("status")
        value = _as_text(data["status"]).lower()
        if value in STATUSES:
            status = value
        else:
            warn("status", f"status {value!r} is not one of {', '.join(STATUSES)}; treated as draft")
            status = "draft"

    translation_of = ""
    if data.get("translation_of"):
        used.add("translation_of")
        translation_of = _as_text(data["translation_of"]).removesuffix(".md").strip("/")

    article_id = default_id
    if data.get("id") not in (None, ""):
        used.add("id")
        candidate = _as_text(data["id"])
        if ID_PATTERN.match(candidate) and ".." not in candidate.split("/"):
            article_id = candidate
        else:
            warn("id", f"id {candidate!r} may only hold letters, digits, '.', '_', '-' and '/'")

    segments: list[str] = []
    if "segments" in data:
        used.add("segments")
        for value in _as_tags(data["segments"]):
            name = value.lower()
            if not SEGMENT_PATTERN.match(name):
                warn("segments", f"segment {value!r} may only hold lowercase letters, digits, '.', '_' and '-'")
            segments.append(name)  # kept even if malformed: the article stays restricted (fails closed)

    placed = {}
    for key in ("category", "section"):
        if data.get(key) not in (None, ""):
            used.add(key)
            placed[key] = _as_text(data[key])

    promoted = False
    if "promoted" in data:
        used.add("promoted")
        if isinstance(data["promoted"], bool):
            promoted = data["promoted"]
        else:
            warn("promoted", f"promoted {data['promoted']!r} must be true or false")

    extra = {k: _jsonable(v) for k, v in data.items() if k not in used}
    meta = ArticleMeta(
        id=article_id,
        path=rel_path,
        title=title,
        summary=_as_text(summary),
        locale=locale,
        tags=tuple(tags),
        product=_as_text(product),
        audience=audience,
        owner=_as_text(owner),
        reviewed=reviewed_date,
        review_every=review_every,
        status=status,
        translation_of=translation_of,
        segments=tuple(dict.fromkeys(segments)),
        category=placed.get("category", ""),
        section=placed.get("section", ""),
        promoted=promoted,
        extra=extra,
    )
    return meta, problems
