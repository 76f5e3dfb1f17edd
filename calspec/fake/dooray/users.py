"""Who an event involves (`users`: `from`, `to`, `cc`): the member's own place in it (`me`), the
`postType` filter, and the list a create or update stores (invitees keep their answers)."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from typing import Any

from calspec.fake.auth import Principal
from calspec.fake.dooray.access import member_ref

# postType -> the places in `users` that count.
POST_TYPES = {"toMe": {"to"}, "toCcMe": {"to", "cc"}, "fromToCcMe": {"from", "to", "cc"}}


def involved(users: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(place, user) of the organizer and every invitee."""
    if isinstance(users.get("from"), Mapping):
        yield "from", users["from"]
    for kind in ("to", "cc"):
        for user in users.get(kind) or []:
            yield kind, user


def event_me(doc: Mapping[str, Any], member_id: str) -> dict[str, Any] | None:
    """The member's place among the event's users (`me`), when they are one."""
    for kind, user in involved(doc.get("users") or {}):
        if (
            user.get("type") == "member"
            and (user.get("member") or {}).get("organizationMemberId") == member_id
        ):
            me = {k: v for k, v in user.items() if k in ("type", "member", "status")}
            me["userType"] = kind
            return me
    return None


def matches_post_type(doc: Mapping[str, Any], member_id: str, post_type: str | None) -> bool:
    if post_type is None:
        return True
    kinds = POST_TYPES[post_type]
    for kind, user in involved(doc.get("users") or {}):
        if kind in kinds and (user.get("member") or {}).get("organizationMemberId") == member_id:
            return True
    return False


def _invitee(
    item: Mapping[str, Any], members: Mapping[str, Principal], old: Mapping[str, str]
) -> dict[str, Any]:
    if item["type"] == "member":
        member_id = str(item["member"]["organizationMemberId"])
        status = old.get(f"member:{member_id}", "not_confirmed")
        return {"type": "member", "member": member_ref(member_id, members), "status": status}
    email = dict(item["emailUser"])
    status = old.get(f"email:{str(email['emailAddress']).lower()}", "not_confirmed")
    return {"type": "emailUser", "emailUser": email, "status": status}


def build_users(
    given: Mapping[str, Any],
    organizer: Principal,
    members: Mapping[str, Principal],
    old: Mapping[str, Any] | None,
) -> dict[str, Any]:
    """`from` is the organizer (accepted); `to` and `cc` as given (the lists not given are kept).
    Invitees keep the answer they gave; new ones are not_confirmed."""
    users: dict[str, Any] = (
        copy.deepcopy(dict(old))
        if old
        else {
            "from": {
                "type": "member",
                "member": member_ref(organizer.user_id, members),
                "status": "accepted",
            },
            "to": [],
            "cc": [],
        }
    )
    answers: dict[str, str] = {}
    for _, user in involved(users):
        if user.get("type") == "member":
            answers[f"member:{(user.get('member') or {}).get('organizationMemberId')}"] = str(
                user.get("status")
            )
        elif user.get("type") == "emailUser":
            email = str((user.get("emailUser") or {}).get("emailAddress", "")).lower()
            answers[f"email:{email}"] = str(user.get("status"))
    for kind in ("to", "cc"):
        if kind in given:
            users[kind] = [_invitee(item, members, answers) for item in given[kind]]
    return users
