"""Documentation owners over HTTP: the review queue, review actions, and the analytics dashboard's data.

Every view needs an owner's or an admin's API token; agents and customers are refused (403 / 401).
"""

from __future__ import annotations

import datetime as dt
import io

from flask import Blueprint, current_app, jsonify, request

from kb.services import analytics, dashboard, review
from kb.services import articles as article_service
from kb.web import auth, contract, deps, inputs
from kb.web.errors import ApiError

bp = Blueprint("owners", __name__)

OWNER_ROLES = ("owner", "admin")
MAX_PERIOD_DAYS = 366
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)  # analytics periods lie between these


def _text_arg(name: str, limit: int = 200) -> str | None:
    value = request.args.get(name)
    if value is None or not value.strip():
        return None
    if len(value) > limit:
        raise ApiError(400, "invalid_parameter", f"{name} must be at most {limit} characters")
    return value.strip()


@bp.get("/api/v1/review")
def review_queue():
    auth.require_role(*OWNER_ROLES)
    contract.query(contract.ReviewParams, request.args)
    reason = _text_arg("reason", 40)
    if reason is not None and reason not in review.REASONS:
        raise ApiError(400, "invalid_parameter", f"reason must be one of {', '.join(review.REASONS)}")
    lang = inputs.locale_arg(request.args.get("lang"), "lang") or current_app.config["DEFAULT_LOCALE"]
    config = current_app.config
    policy = review.Policy.from_settings(config)  # a ReviewConfigError answers 500 bad_configuration
    queue = review.build_queue(
        deps.engine(),
        deps.db(),
        policy,
        config["ARTICLES_DIR"],
        owner=_text_arg("owner"),
        reason=reason,
        locale=inputs.locale_arg(request.args.get("locale")),
        lang=lang,
    )
    return jsonify(review.queue_json(queue))


@bp.post("/api/v1/review/<path:article_id>")
def review_action(article_id: str):
    auth.require_role(*OWNER_ROLES)
    body = contract.parse(contract.ReviewActionBody, deps.json_body())
    found = article_service.resolve(deps.engine().index(), article_id, True) if len(article_id) <= 400 else None
    if found is None:
        raise ApiError(404, "not_found", f"there is no article {article_id!r}")
    row = review.record_action(deps.db(), found, body.action, auth.who() or auth.role(), body.days, body.note)
    response = jsonify(
        {
            "article_id": found,
            "action": row.action,
            "by": row.by,
            "at": row.at.isoformat(),
            "until": row.until.isoformat() if row.until else None,
            "note": row.note,
        }
    )
    response.status_code = 201
    return response


def _date_arg(name: str, default: dt.date) -> dt.date:
    value = request.args.get(name)
    if value is None or value == "":
        return default
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, "invalid_parameter", f"{name} must be a date, YYYY-MM-DD") from None
    if not EARLIEST <= day <= LATEST:
        raise ApiError(400, "invalid_parameter", f"{name} must be between {EARLIEST} and {LATEST}")
    return day


def _period() -> tuple[dt.date, dt.date]:
    """``from`` and ``to`` (default the last 30 days), at most MAX_PERIOD_DAYS apart."""
    today = dt.datetime.now(dt.UTC).date()
    end = _date_arg("to", today)
    start = _date_arg("from", max(end - dt.timedelta(days=29), EARLIEST))
    if start > end:
        raise ApiError(400, "invalid_parameter", "from must not be after to")
    if (end - start).days >= MAX_PERIOD_DAYS:
        raise ApiError(400, "invalid_parameter", f"the period must be at most {MAX_PERIOD_DAYS} days")
    return start, end


@bp.get("/api/v1/analytics")
def analytics_report():
    auth.require_role(*OWNER_ROLES)
    contract.query(contract.PeriodParams, request.args)
    start, end = _period()
    return jsonify(dashboard.report(deps.db(), start, end, current_app.config["SUGGEST_MIN_CONFIDENCE"]))


@bp.get("/api/v1/comments")
def comments():
    """Customers' comments on their votes for a period (default the last 30 days), newest first: JSON,
    or with ``format=csv`` a CSV file to open in a spreadsheet."""
    auth.require_role(*OWNER_ROLES)
    contract.query(contract.CommentsParams, request.args)
    start, end = _period()
    wanted = request.args.get("format") or "json"
    if wanted not in ("json", "csv"):
        raise ApiError(400, "invalid_parameter", "format must be json or csv")
    found = analytics.comments(
        deps.db(),
        since=dt.datetime.combine(start, dt.time.min, tzinfo=dt.UTC),
        until=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC),
        article_id=_text_arg("article", 400),
    )
    if wanted == "csv":
        out = io.StringIO()
        analytics.write_comments_csv(out, found)
        response = current_app.response_class(out.getvalue(), mimetype="text/csv")
        response.headers["Content-Disposition"] = f'attachment; filename="kb-comments-{start}-{end}.csv"'
        return response
    return jsonify(
        {
            "from": start.isoformat(),
            "to": end.isoformat(),
            "comments": [{"article_id": c.article_id, **review.comment_json(c)} for c in found],
        }
    )


@bp.get("/owners")
def queue_page():
    """The review queue: a page shell that signs in with an owner's token, then works over the JSON API."""
    return deps.staff_page("owners.html", reasons=review.REASONS)


@bp.get("/owners/analytics")
def analytics_page():
    """The analytics dashboard: charts drawn from /api/v1/analytics for a chosen period."""
    return deps.staff_page("analytics.html", reasons=review.REASONS)
