"""What every Dooray module shares: the provider name, the success envelope, the two refusals a
handler raises itself, new ids and timestamps."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from calspec.fake.context import Context
from calspec.fake.errors import ApiError

PROVIDER = "dooray"
SERVER_ZONE = timezone(timedelta(hours=9))  # createdAt/updatedAt are written in KST, as Dooray's


def ok(result: Any, **extra: Any) -> dict[str, Any]:
    """The success envelope (errors get theirs from the spec's `x-calspec-errors`)."""
    return {"header": {"isSuccessful": True, "resultCode": 0, "resultMessage": ""}, "result": result, **extra}


def bad(message: str) -> ApiError:
    return ApiError(400, message)


def forbidden(message: str) -> ApiError:
    return ApiError(403, f"Forbidden: {message}")


def new_id() -> str:
    """A 19-digit id, as Dooray's."""
    return str(10**18 + secrets.randbelow(9 * 10**18))


def stamp(ctx: Context) -> str:
    """Now, as Dooray writes `createdAt`/`updatedAt`."""
    return stamp_at(ctx.now())


def stamp_at(moment: datetime) -> str:
    """A moment as Dooray writes `createdAt`/`updatedAt`."""
    return moment.astimezone(SERVER_ZONE).isoformat(timespec="seconds")
