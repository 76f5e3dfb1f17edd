import datetime
from collections.abc import AsyncIterator, Iterator
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import _http, _iterate, _json, _spec, errors
from ... import times as _calspec_times
from ... import types as _calspec_types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.event_components import EventComponents
from ...models.event_list import EventList
from ...types import UNSET, Response

OPERATION = "list_events_in_default_calendar"


def _get_kwargs(
    user_id: str,
    *,
    from_date_time: datetime.datetime,
    until_date_time: datetime.datetime,
) -> dict[str, Any]:
    _calspec_times.check(from_date_time, ("date-time",), name=f"{OPERATION}: from_date_time (fromDateTime)")
    _calspec_times.check(until_date_time, ("date-time",), name=f"{OPERATION}: until_date_time (untilDateTime)")

    params: dict[str, Any] = {}

    json_from_date_time = _calspec_types.format_datetime(from_date_time)
    params["fromDateTime"] = json_from_date_time

    json_until_date_time = _calspec_types.format_datetime(until_date_time)
    params["untilDateTime"] = json_until_date_time

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{user_id}/calendar/events".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | EventList | None:
    if response.status_code == 200:
        try:
            response_200 = EventList.from_dict(_json.loads(response.content))

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
            response_400 = Error.from_dict(_json.loads(response.content))

            return response_400

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 401:
        try:
            response_401 = Error.from_dict(_json.loads(response.content))

            return response_401

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 403:
        try:
            response_403 = Error.from_dict(_json.loads(response.content))

            return response_403

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 404:
        try:
            response_404 = Error.from_dict(_json.loads(response.content))

            return response_404

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 429:
        try:
            response_429 = Error.from_dict(_json.loads(response.content))

            return response_429

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 500:
        try:
            response_500 = Error.from_dict(_json.loads(response.content))

            return response_500

        except (ValueError, KeyError, TypeError):
            return None
    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(
            response.status_code, response.content, headers=response.headers, operation=OPERATION
        )
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | EventList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    from_date_time: datetime.datetime,
    until_date_time: datetime.datetime,
) -> Response[Error | EventList]:
    """List the events of the user's default calendar in a time window

     As listEvents, for the user's default calendar. The window is at most 31 days.

    Args:
        user_id (str):
        from_date_time (datetime.datetime):
        until_date_time (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[Error | EventList]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        from_date_time=from_date_time,
        until_date_time=until_date_time,
    )

    response = _http.send(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


def _success(response: Response[Error | EventList]) -> EventList:
    _http.check(
        httpx.Response(response.status_code, headers=response.headers, content=response.content), operation=OPERATION
    )
    return cast(EventList, response.parsed)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    from_date_time: datetime.datetime,
    until_date_time: datetime.datetime,
) -> EventList:
    """List the events of the user's default calendar in a time window

     As listEvents, for the user's default calendar. The window is at most 31 days.

    Args:
        user_id (str):
        from_date_time (datetime.datetime):
        until_date_time (datetime.datetime):

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        EventList
    """

    return _success(
        sync_detailed(
            user_id=user_id,
            client=client,
            from_date_time=from_date_time,
            until_date_time=until_date_time,
        )
    )


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    from_date_time: datetime.datetime,
    until_date_time: datetime.datetime,
) -> Response[Error | EventList]:
    """List the events of the user's default calendar in a time window

     As listEvents, for the user's default calendar. The window is at most 31 days.

    Args:
        user_id (str):
        from_date_time (datetime.datetime):
        until_date_time (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[Error | EventList]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        from_date_time=from_date_time,
        until_date_time=until_date_time,
    )

    response = await _http.asend(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    from_date_time: datetime.datetime,
    until_date_time: datetime.datetime,
) -> EventList:
    """List the events of the user's default calendar in a time window

     As listEvents, for the user's default calendar. The window is at most 31 days.

    Args:
        user_id (str):
        from_date_time (datetime.datetime):
        until_date_time (datetime.datetime):

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        EventList
    """

    return _success(
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            from_date_time=from_date_time,
            until_date_time=until_date_time,
        )
    )


def iterate(
    user_id: str,
    *,
    client: AuthenticatedClient,
    start: datetime.datetime,
    end: datetime.datetime,
) -> Iterator[EventComponents]:
    """Every EventComponents of `[start, end)`, once each, however long the range.

    List the events of the user's default calendar in a time window.

    The range is listed in consecutive windows the API accepts (`_spec.WINDOWS[OPERATION].max_days`
    days at most, end exclusive), one call each, with `fromDateTime`/`untilDateTime` set for you. An
    item in several windows (a long event, a series) comes once, by its `/eventComponents/0/eventId`.

    Order: window by window, and within a window by start (`/eventComponents/0/start`). Items that
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
        Iterator[EventComponents]
    """

    def fetch(window_start: datetime.datetime, window_end: datetime.datetime) -> EventList:
        return sync(
            user_id=user_id,
            client=client,
            from_date_time=window_start,
            until_date_time=window_end,
        )

    yield from _iterate.windows(_spec.WINDOWS[OPERATION], fetch, start, end)


async def aiterate(
    user_id: str,
    *,
    client: AuthenticatedClient,
    start: datetime.datetime,
    end: datetime.datetime,
) -> AsyncIterator[EventComponents]:
    """Every EventComponents of `[start, end)`, once each, however long the range (async iterate()).

    List the events of the user's default calendar in a time window.

    The range is listed in consecutive windows the API accepts (`_spec.WINDOWS[OPERATION].max_days`
    days at most, end exclusive), one call each, with `fromDateTime`/`untilDateTime` set for you. An
    item in several windows (a long event, a series) comes once, by its `/eventComponents/0/eventId`.

    Order: window by window, and within a window by start (`/eventComponents/0/start`). Items that
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
        AsyncIterator[EventComponents]
    """

    async def fetch(window_start: datetime.datetime, window_end: datetime.datetime) -> EventList:
        return await asyncio(
            user_id=user_id,
            client=client,
            from_date_time=window_start,
            until_date_time=window_end,
        )

    async for item in _iterate.awindows(_spec.WINDOWS[OPERATION], fetch, start, end):
        yield item
