"""When each reason is raised: the REVIEW_* settings and the deprecated-terms file; review's errors."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from indexer.errors import KbError


class ReviewError(KbError, ValueError, code="invalid_body"):
    """A review request that cannot be done, in one sentence."""


class ReviewConfigError(ReviewError, status=500, code="bad_configuration"):
    """The review settings cannot be used (a deprecated-terms file that cannot be read): the operator's
    mistake, not the caller's."""


@dataclass(frozen=True, slots=True)
class DeprecatedTerm:
    term: str
    replacement: str = ""


def read_deprecated_terms(path: Path) -> tuple[DeprecatedTerm, ...]:
    """One term per line, ``old => new`` to say what replaces it; ``#`` starts a comment. No file: none."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewConfigError(f"cannot read the deprecated terms file {path}: {exc}") from None
    terms = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            old, _, new = line.partition("=>")
            if old.strip():
                terms.append(DeprecatedTerm(old.strip(), new.strip()))
    return tuple(terms)


@dataclass(frozen=True, slots=True)
class Policy:
    """When each reason is raised (the REVIEW_* settings)."""

    review_every_days: int = 180
    stale_days: int = 365
    min_votes: int = 5
    min_helpful: float = 0.5
    max_rejected: float = 0.5
    min_impressions: int = 50
    min_ctr: float = 0.02
    duplicate_similarity: float | None = None  # None: the embedding model's (ModelProfile)
    window_days: int = 90
    deprecated: tuple[DeprecatedTerm, ...] = ()

    @classmethod
    def from_settings(cls, settings: Mapping) -> Policy:
        terms_path = Path(settings["DEPRECATED_TERMS"])
        if not terms_path.is_absolute():
            terms_path = Path(settings["ARTICLES_DIR"]) / terms_path
        duplicate = str(settings["REVIEW_DUPLICATE_SIMILARITY"]).strip().lower()
        return cls(
            review_every_days=settings["REVIEW_EVERY_DAYS"],
            stale_days=settings["REVIEW_STALE_DAYS"],
            min_votes=settings["REVIEW_MIN_VOTES"],
            min_helpful=settings["REVIEW_MIN_HELPFUL"],
            max_rejected=settings["REVIEW_MAX_REJECTED"],
            min_impressions=settings["REVIEW_MIN_IMPRESSIONS"],
            min_ctr=settings["REVIEW_MIN_CTR"],
            duplicate_similarity=None if duplicate == "auto" else float(duplicate),
            window_days=settings["REVIEW_WINDOW_DAYS"],
            deprecated=read_deprecated_terms(terms_path),
        )
