"""What kb's HTTP API answers, as pydantic models (the request side is ``kb.web.contract``).

``kb.web.openapi`` puts them in the document; the fuzz test (tests/test_openapi.py) checks every
answer against them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from kb.services import review
from kb.web.contract import Audience, Model, Role, Share


class Health(Model):
    status: str
    build: str | None
    articles: int
    chunks: int


class Section(Model):
    heading: str
    anchor: str


class SearchHit(Model):
    id: str
    title: str
    url: str
    locale: str
    updated: str | None
    section: Section
    snippet: str
    score: float
    audience: Audience


class Facets(Model):
    locale: dict[str, int]
    product: dict[str, int]
    tags: dict[str, int]


class Labels(Model):
    product: dict[str, dict]
    tags: dict[str, dict]


class SearchPage(Model):
    query: str
    total: int
    took_ms: float
    did_you_mean: str | None
    fallback_locale: Literal["es", "en"] | None
    facets: Facets
    labels: Labels
    search_id: int
    results: list[SearchHit]


class Link(Model):
    id: str
    title: str
    url: str
    audience: Audience


class Translation(Link):
    locale: str


class Outline(Model):
    heading: str
    anchor: str
    level: int


class VoteCounts(Model):
    helpful: int
    not_helpful: int


class ArticlePage(Model):
    id: str
    title: str
    summary: str
    url: str
    locale: str
    audience: Audience
    product: str
    tags: list[str]
    updated: str | None
    reviewed: str | None
    sections: list[Outline]
    html: str
    translations: list[Translation]
    related: list[Link]
    votes: VoteCounts


class Titles(Model):
    suggestions: list[Link]


class Voted(Model):
    article_id: str
    helpful: bool
    votes: VoteCounts


class Clicked(Model):
    search_id: int
    article_id: str
    position: int


class Reason(Model):
    code: Literal["matched_terms", "meaning", "section"]
    detail: str
    terms: list[str] = []
    article_terms: list[str] = []
    similarity: float = 0.0
    heading: str = ""


class Suggested(Model):
    id: str
    title: str
    url: str
    locale: str
    audience: Audience
    section: Section
    snippet: str
    confidence: Share
    reasons: list[Reason]


class Suggestions(Model):
    suggestion_id: str
    ticket_id: str | None
    locale: str
    suggestions: list[Suggested]
    gap: bool
    removed: list[str]
    took_ms: float


class OutcomeCounts(Model):
    used: int
    helpful: int
    not_relevant: int


class FeedbackRecorded(Model):
    suggestion_id: str
    article_id: str
    outcome: str
    counts: OutcomeCounts


class Me(Model):
    role: Literal["customer", "agent", "owner", "admin"]
    staff: bool


class Comment(Model):
    at: str
    helpful: bool
    comment: str
    locale: str | None


class ArticleComment(Comment):
    article_id: str


class FlagReason(Model):
    code: Literal[tuple(review.REASONS)]  # type: ignore[valid-type]
    detail: str


class Flagged(Model):
    id: str
    title: str
    owner: str
    locale: str
    path: str
    score: float
    demand: int
    age_days: int
    reasons: list[FlagReason]
    comments: list[Comment]


class Gap(Model):
    topic: str
    count: int
    searches: int
    tickets: int
    examples: list[str]


class ReviewQueue(Model):
    articles: list[Flagged]
    gaps: list[Gap]
    counts: dict[str, int]
    took_ms: float


class ReviewRecorded(Model):
    article_id: str
    action: str
    by: str
    at: str
    until: str | None
    note: str


class Day(Model):
    day: str
    searches: int
    zero_results: int


class TopQuery(Model):
    query: str
    count: int
    zero_results: int
    clicks: int


class PositionRate(Model):
    position: int
    shown: int
    clicks: int
    rate: Share | None


class SearchFigures(Model):
    total: int
    zero_results: int
    zero_result_rate: Share | None
    per_day: list[Day]
    top: list[TopQuery]
    click_through_by_position: list[PositionRate]


class VoteFigures(Model):
    helpful: int
    not_helpful: int
    helpful_ratio: Share | None


class StaffFigures(Model):
    searches: int


class SuggestionFigures(Model):
    total: int
    confident: int
    confident_share: Share | None
    min_confidence: float
    feedback: OutcomeCounts
    acceptance: Share | None


class ContactFigures(Model):
    requests: int
    forms_with_suggestions: int
    opened: int
    resolved: int
    sent_anyway: int
    deflection_rate: Share | None


class Analytics(Model):
    from_: Annotated[str, Field(alias="from", json_schema_extra={"format": "date"})]
    to: Annotated[str, Field(json_schema_extra={"format": "date"})]
    searches: SearchFigures
    votes: VoteFigures
    comments: list[ArticleComment]
    staff: StaffFigures
    suggestions: SuggestionFigures
    contact: ContactFigures


class Comments(Model):
    from_: Annotated[str, Field(alias="from")]
    to: str
    comments: list[ArticleComment]


class StaffUser(Model):
    id: int
    email: str
    name: str
    role: Role
    enrolled: bool
    recovery_codes_left: int
    created_at: str
    disabled_at: str | None
    sessions: int


class Users(Model):
    users: list[StaffUser]


class Deleted(Model):
    deleted: int
    email: str


class ErrorDetail(Model):
    code: str
    message: str


class Error(Model):
    error: ErrorDetail


class ArticleEntry(Link):
    locale: str


class SectionEntry(Model):
    id: str
    title: str
    description: str
    url: str
    default: bool
    articles: list[ArticleEntry]


class CategoryEntry(Model):
    id: str
    title: str
    description: str
    icon: str
    url: str
    locale: str
    articles: int
    translations: dict[str, str]
    sections: list[SectionEntry]


class Categories(Model):
    """The help center's categories, each with its sections and their articles (customers' view)"""

    locale: str
    categories: list[CategoryEntry]


class SectionPage(Model):
    """One section, with its category"""

    category: CategoryEntry
    section: SectionEntry


class ContactSuggestion(Model):
    id: str
    title: str
    url: str
    section: Section
    snippet: str


class ContactSuggestions(Model):
    """Articles that may answer the request being typed"""

    form_id: str
    suggestions: list[ContactSuggestion]


class ContactSent(Model):
    """The request, stored and handed off to support"""

    id: int
    channel: str
    status: str


class ContactEvent(Model):
    """The deflection event, recorded"""

    form_id: str
    event: str
