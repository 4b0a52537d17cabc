"""Admins over HTTP: staff accounts (``/api/v1/users``) and their page (``/admin/users``).

The same operations as ``kb user``: list, create, disable, enable, reset the second factor, delete. Every
view needs an admin (a token or a signed-in admin); a signed-in admin cannot disable, reset or delete
their own account here (that would lock them out mid-click; the CLI can).
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from kb.services import staff, staff_admin
from kb.web import auth, contract, deps, inputs, sessions
from kb.web.errors import ApiError

bp = Blueprint("admin", __name__)

ACTIONS = ("disable", "enable", "reset_2fa")


def _json(info: staff.StaffInfo) -> dict:
    return {
        "id": info.id,
        "email": info.email,
        "name": info.name,
        "role": info.role,
        "enrolled": info.enrolled,
        "recovery_codes_left": info.recovery_codes_left,
        "created_at": info.created_at.isoformat(),
        "disabled_at": info.disabled_at.isoformat() if info.disabled_at else None,
        "sessions": info.sessions,
    }


def _target(user_id: int) -> staff.StaffInfo:
    try:
        info = staff_admin.find_user(deps.db(), user_id)
    except staff.StaffError:
        raise ApiError(404, "not_found", f"there is no account {user_id}") from None
    me = sessions.signed_in() if "Authorization" not in request.headers else None
    if me is not None and me.id == info.id:
        raise ApiError(409, "own_account", "you cannot change your own account here; ask another admin or use kb user")
    return info


@bp.get("/api/v1/users")
def users():
    auth.require_role("admin")
    inputs.check_known(request.args.keys(), ())
    return jsonify({"users": [_json(u) for u in staff_admin.list_users(deps.db())]})


@bp.post("/api/v1/users")
def create_user():
    auth.require_role("admin")
    body = contract.parse(contract.NewUserBody, deps.json_body())
    try:
        made = staff.create_user(deps.db(), body.email, body.password, body.role, body.name)
    except staff.StaffError as exc:
        raise ApiError(409 if "already" in str(exc) else 400, "invalid_body", str(exc)) from None
    return jsonify(_json(staff_admin.find_user(deps.db(), made.id))), 201


@bp.post("/api/v1/users/<int:user_id>")
def user_action(user_id: int):
    auth.require_role("admin")
    action = contract.parse(contract.UserActionBody, deps.json_body()).action
    info = _target(user_id)
    if action == "reset_2fa":
        info = staff_admin.reset_second_factor(deps.db(), info.id)
    else:
        info = staff_admin.set_disabled(deps.db(), info.id, action == "disable")
    return jsonify(_json(info))


@bp.delete("/api/v1/users/<int:user_id>")
def delete_user(user_id: int):
    auth.require_role("admin")
    info = _target(user_id)
    staff_admin.delete_user(deps.db(), info.id)
    return jsonify({"deleted": info.id, "email": info.email})


@bp.get("/admin/users")
def users_page():
    """The admins' page of staff accounts: a shell that works over /api/v1/users."""
    return deps.staff_page("users.html")
