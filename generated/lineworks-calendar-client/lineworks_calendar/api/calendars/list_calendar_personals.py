from collections.abc import AsyncIterator, Iterator
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import _http, _iterate, _json, _spec, errors
from ...client import AuthenticatedClient, Client
from ...models.calendar_personal import CalendarPersonal
from ...models.calendar_personal_list import CalendarPersonalList
from ...models.error import Error
from ...types import UNSET, Response, Unset

OPERATION = "list_calendar_personals"


def _get_kwargs(
    user_id: str,
    *,
    count: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["count"] = count

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{user_id}/calendar-personals".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CalendarPersonalList | Error | None:
    if response.status_code == 200:
        try:
            response_200 = CalendarPersonalList.from_dict(_json.loads(response.content))

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CalendarPersonalList | Error]:
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
    count: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[CalendarPersonalList | Error]:
    """List the calendars the user sees, with the user's own settings

    Args:
        user_id (str):
        count (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[CalendarPersonalList | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        count=count,
        cursor=cursor,
    )

    response = _http.send(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


def _success(response: Response[CalendarPersonalList | Error]) -> CalendarPersonalList:
    _http.check(
        httpx.Response(response.status_code, headers=response.headers, content=response.content), operation=OPERATION
    )
    return cast(CalendarPersonalList, response.parsed)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    count: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> CalendarPersonalList:
    """List the calendars the user sees, with the user's own settings

    Args:
        user_id (str):
        count (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        CalendarPersonalList
    """

    return _success(
        sync_detailed(
            user_id=user_id,
            client=client,
            count=count,
            cursor=cursor,
        )
    )


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    count: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[CalendarPersonalList | Error]:
    """List the calendars the user sees, with the user's own settings

    Args:
        user_id (str):
        count (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[CalendarPersonalList | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        count=count,
        cursor=cursor,
    )

    response = await _http.asend(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    count: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> CalendarPersonalList:
    """List the calendars the user sees, with the user's own settings

    Args:
        user_id (str):
        count (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        CalendarPersonalList
    """

    return _success(
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            count=count,
            cursor=cursor,
        )
    )


def iterate(
    user_id: str,
    *,
    client: AuthenticatedClient,
    count: int | Unset = 50,
) -> Iterator[CalendarPersonal]:
    """Every CalendarPersonal of the list, once each, page after page.

    List the calendars the user sees, with the user's own settings.

    It follows the `cursor` each page gives to the next.
    Items come in the server's order. `count` sets the page size of each call; the other
    arguments are those of sync().

    Raises:
        errors.ApiError: For a call that is not a success, as sync() raises it (after its retries).
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Iterator[CalendarPersonal]
    """

    def fetch(cursor: Any) -> CalendarPersonalList:
        return sync(
            user_id=user_id,
            client=client,
            count=count,
            cursor=UNSET if cursor is None else cursor,
        )

    yield from _iterate.cursor_pages(_spec.PAGINATION[OPERATION], fetch)


async def aiterate(
    user_id: str,
    *,
    client: AuthenticatedClient,
    count: int | Unset = 50,
) -> AsyncIterator[CalendarPersonal]:
    """Every CalendarPersonal of the list, once each, page after page (async iterate()).

    List the calendars the user sees, with the user's own settings.

    It follows the `cursor` each page gives to the next.
    Items come in the server's order. `count` sets the page size of each call; the other
    arguments are those of sync().

    Raises:
        errors.ApiError: For a call that is not a success, as sync() raises it (after its retries).
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        AsyncIterator[CalendarPersonal]
    """

    async def fetch(cursor: Any) -> CalendarPersonalList:
        return await asyncio(
            user_id=user_id,
            client=client,
            count=count,
            cursor=UNSET if cursor is None else cursor,
        )

    async for item in _iterate.acursor_pages(_spec.PAGINATION[OPERATION], fetch):
        yield item
