import datetime
from collections.abc import AsyncIterator, Iterator
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import _http, _iterate, _json, _spec, errors
from ... import times as _calspec_times
from ... import types as _calspec_types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.event import Event
from ...models.event_category import EventCategory
from ...models.event_list_response import EventListResponse
from ...models.post_type import PostType
from ...types import UNSET, Response, Unset

OPERATION = "list_events"


def _get_kwargs(
    *,
    time_min: datetime.datetime,
    time_max: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> dict[str, Any]:
    _calspec_times.check(time_min, ("date-time",), name=f"{OPERATION}: time_min (timeMin)")
    _calspec_times.check(time_max, ("date-time",), name=f"{OPERATION}: time_max (timeMax)")

    params: dict[str, Any] = {}

    json_time_min = _calspec_types.format_datetime(time_min)
    params["timeMin"] = json_time_min

    json_time_max = _calspec_types.format_datetime(time_max)
    params["timeMax"] = json_time_max

    params["calendars"] = calendars

    json_post_type: str | Unset = UNSET
    if not isinstance(post_type, Unset):
        json_post_type = post_type.value

    params["postType"] = json_post_type

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/calendar/v1/calendars/*/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | EventListResponse | None:
    if response.status_code == 200:
        try:
            response_200 = EventListResponse.from_dict(_json.loads(response.content))

            return response_200

        except (ValueError, KeyError, TypeError) as error:
            raise errors.ApiError(
                response.status_code,
                f"the answer is not the documented JSON: {error}",
                headers=response.headers,
                content=response.content,
                operation=OPERATION,
            ) from error
    if response.status_code == 400:
        try:
            response_400 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_400

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 401:
        try:
            response_401 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_401

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 403:
        try:
            response_403 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_403

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 429:
        try:
            response_429 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_429

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 500:
        try:
            response_500 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_500

        except (ValueError, KeyError, TypeError):
            return None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(
            response.status_code, response.content, headers=response.headers, operation=OPERATION
        )
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | EventListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    time_min: datetime.datetime,
    time_max: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> Response[ErrorResponse | EventListResponse]:
    """List events across the member's calendars

     Events overlapping `[timeMin, timeMax)`, at most one year (최대 1년치), from the
    calendars named in `calendars`, or from all of the member's calendars. The `*` in the
    path is literal; no calendar ID may stand there (오직 * 만 입력 가능). A recurring
    series comes back as one item per occurrence. Items carry neither `body` nor
    `users`; subscription calendars are left out. No paging.

    Args:
        time_min (datetime.datetime):
        time_max (datetime.datetime):
        calendars (str | Unset):
        post_type (PostType | Unset):
        category (EventCategory | Unset): general: an event; post: a project post (업무); milestone:
            a project milestone (단계).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[ErrorResponse | EventListResponse]
    """

    kwargs = _get_kwargs(
        time_min=time_min,
        time_max=time_max,
        calendars=calendars,
        post_type=post_type,
        category=category,
    )

    response = _http.send(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


def _success(response: Response[ErrorResponse | EventListResponse]) -> EventListResponse:
    _http.check(
        httpx.Response(response.status_code, headers=response.headers, content=response.content), operation=OPERATION
    )
    return cast(EventListResponse, response.parsed)


def sync(
    *,
    client: AuthenticatedClient,
    time_min: datetime.datetime,
    time_max: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> EventListResponse:
    """List events across the member's calendars

     Events overlapping `[timeMin, timeMax)`, at most one year (최대 1년치), from the
    calendars named in `calendars`, or from all of the member's calendars. The `*` in the
    path is literal; no calendar ID may stand there (오직 * 만 입력 가능). A recurring
    series comes back as one item per occurrence. Items carry neither `body` nor
    `users`; subscription calendars are left out. No paging.

    Args:
        time_min (datetime.datetime):
        time_max (datetime.datetime):
        calendars (str | Unset):
        post_type (PostType | Unset):
        category (EventCategory | Unset): general: an event; post: a project post (업무); milestone:
            a project milestone (단계).

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        EventListResponse
    """

    return _success(
        sync_detailed(
            client=client,
            time_min=time_min,
            time_max=time_max,
            calendars=calendars,
            post_type=post_type,
            category=category,
        )
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    time_min: datetime.datetime,
    time_max: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> Response[ErrorResponse | EventListResponse]:
    """List events across the member's calendars

     Events overlapping `[timeMin, timeMax)`, at most one year (최대 1년치), from the
    calendars named in `calendars`, or from all of the member's calendars. The `*` in the
    path is literal; no calendar ID may stand there (오직 * 만 입력 가능). A recurring
    series comes back as one item per occurrence. Items carry neither `body` nor
    `users`; subscription calendars are left out. No paging.

    Args:
        time_min (datetime.datetime):
        time_max (datetime.datetime):
        calendars (str | Unset):
        post_type (PostType | Unset):
        category (EventCategory | Unset): general: an event; post: a project post (업무); milestone:
            a project milestone (단계).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[ErrorResponse | EventListResponse]
    """

    kwargs = _get_kwargs(
        time_min=time_min,
        time_max=time_max,
        calendars=calendars,
        post_type=post_type,
        category=category,
    )

    response = await _http.asend(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    time_min: datetime.datetime,
    time_max: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> EventListResponse:
    """List events across the member's calendars

     Events overlapping `[timeMin, timeMax)`, at most one year (최대 1년치), from the
    calendars named in `calendars`, or from all of the member's calendars. The `*` in the
    path is literal; no calendar ID may stand there (오직 * 만 입력 가능). A recurring
    series comes back as one item per occurrence. Items carry neither `body` nor
    `users`; subscription calendars are left out. No paging.

    Args:
        time_min (datetime.datetime):
        time_max (datetime.datetime):
        calendars (str | Unset):
        post_type (PostType | Unset):
        category (EventCategory | Unset): general: an event; post: a project post (업무); milestone:
            a project milestone (단계).

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        EventListResponse
    """

    return _success(
        await asyncio_detailed(
            client=client,
            time_min=time_min,
            time_max=time_max,
            calendars=calendars,
            post_type=post_type,
            category=category,
        )
    )


def iterate(
    *,
    client: AuthenticatedClient,
    start: datetime.datetime,
    end: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> Iterator[Event]:
    """Every Event of `[start, end)`, once each, however long the range.

    List events across the member's calendars.

    The range is listed in consecutive windows the API accepts (`_spec.WINDOWS[OPERATION].max_days`
    days at most, end exclusive), one call each, with `timeMin`/`timeMax` set for you. An
    item in several windows (a long event, a series) comes once, by its `/id`.

    Order: window by window, and within a window by start (`/startedAt`). Items that
    start within `[start, end)` come in start order; an item that started before the window it is first
    listed in (already under way at `start`, or a series begun earlier) comes at the head of that window.
    An all-day date counts from midnight in `start`'s zone. See the `_iterate` module.

    Args:
        start (datetime.datetime): the beginning of the range, inclusive; aware (with tzinfo).
        end (datetime.datetime): the end of the range, exclusive; aware.
        The other arguments are those of sync().

    Raises:
        ValueError: `start` or `end` is naive, or `end` is before `start`; before anything is sent.
        errors.ApiError: For a call that is not a success, as sync() raises it (after its retries).
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Iterator[Event]
    """

    def fetch(window_start: datetime.datetime, window_end: datetime.datetime) -> EventListResponse:
        return sync(
            client=client,
            time_min=window_start,
            time_max=window_end,
            calendars=calendars,
            post_type=post_type,
            category=category,
        )

    yield from _iterate.windows(_spec.WINDOWS[OPERATION], fetch, start, end)


async def aiterate(
    *,
    client: AuthenticatedClient,
    start: datetime.datetime,
    end: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> AsyncIterator[Event]:
    """Every Event of `[start, end)`, once each, however long the range (async iterate()).

    List events across the member's calendars.

    The range is listed in consecutive windows the API accepts (`_spec.WINDOWS[OPERATION].max_days`
    days at most, end exclusive), one call each, with `timeMin`/`timeMax` set for you. An
    item in several windows (a long event, a series) comes once, by its `/id`.

    Order: window by window, and within a window by start (`/startedAt`). Items that
    start within `[start, end)` come in start order; an item that started before the window it is first
    listed in (already under way at `start`, or a series begun earlier) comes at the head of that window.
    An all-day date counts from midnight in `start`'s zone. See the `_iterate` module.

    Args:
        start (datetime.datetime): the beginning of the range, inclusive; aware (with tzinfo).
        end (datetime.datetime): the end of the range, exclusive; aware.
        The other arguments are those of sync().

    Raises:
        ValueError: `start` or `end` is naive, or `end` is before `start`; before anything is sent.
        errors.ApiError: For a call that is not a success, as sync() raises it (after its retries).
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        AsyncIterator[Event]
    """

    async def fetch(window_start: datetime.datetime, window_end: datetime.datetime) -> EventListResponse:
        return await asyncio(
            client=client,
            time_min=window_start,
            time_max=window_end,
            calendars=calendars,
            post_type=post_type,
            category=category,
        )

    async for item in _iterate.awindows(_spec.WINDOWS[OPERATION], fetch, start, end):
        yield item
