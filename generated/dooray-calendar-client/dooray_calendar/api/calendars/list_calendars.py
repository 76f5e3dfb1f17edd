from collections.abc import AsyncIterator, Iterator
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import _http, _iterate, _json, _spec, errors
from ...client import AuthenticatedClient, Client
from ...models.calendar import Calendar
from ...models.calendar_list_response import CalendarListResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset

OPERATION = "list_calendars"


def _get_kwargs(
    *,
    page: int | Unset = 0,
    size: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page"] = page

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/calendar/v1/calendars",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CalendarListResponse | ErrorResponse | None:
    if response.status_code == 200:
        try:
            response_200 = CalendarListResponse.from_dict(_json.loads(response.content))

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
) -> Response[CalendarListResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = UNSET,
) -> Response[CalendarListResponse | ErrorResponse]:
    """List the member's calendars

     Private and project calendars of the member; subscription calendars are not listed
    (구독캘린더는 응답하지 않음). Project calendars are announced as "to be provided".

    Args:
        page (int | Unset):  Default: 0.
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[CalendarListResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        page=page,
        size=size,
    )

    response = _http.send(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


def _success(response: Response[CalendarListResponse | ErrorResponse]) -> CalendarListResponse:
    _http.check(
        httpx.Response(response.status_code, headers=response.headers, content=response.content), operation=OPERATION
    )
    return cast(CalendarListResponse, response.parsed)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = UNSET,
) -> CalendarListResponse:
    """List the member's calendars

     Private and project calendars of the member; subscription calendars are not listed
    (구독캘린더는 응답하지 않음). Project calendars are announced as "to be provided".

    Args:
        page (int | Unset):  Default: 0.
        size (int | Unset):

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        CalendarListResponse
    """

    return _success(
        sync_detailed(
            client=client,
            page=page,
            size=size,
        )
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = UNSET,
) -> Response[CalendarListResponse | ErrorResponse]:
    """List the member's calendars

     Private and project calendars of the member; subscription calendars are not listed
    (구독캘린더는 응답하지 않음). Project calendars are announced as "to be provided".

    Args:
        page (int | Unset):  Default: 0.
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[CalendarListResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        page=page,
        size=size,
    )

    response = await _http.asend(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 0,
    size: int | Unset = UNSET,
) -> CalendarListResponse:
    """List the member's calendars

     Private and project calendars of the member; subscription calendars are not listed
    (구독캘린더는 응답하지 않음). Project calendars are announced as "to be provided".

    Args:
        page (int | Unset):  Default: 0.
        size (int | Unset):

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        CalendarListResponse
    """

    return _success(
        await asyncio_detailed(
            client=client,
            page=page,
            size=size,
        )
    )


def iterate(
    *,
    client: AuthenticatedClient,
    size: int | Unset = UNSET,
) -> Iterator[Calendar]:
    """Every Calendar of the list, once each, page after page.

    List the member's calendars.

    It follows the `page` numbers until every item is read.
    Items come in the server's order. `size` sets the page size of each call; the other
    arguments are those of sync().

    Raises:
        errors.ApiError: For a call that is not a success, as sync() raises it (after its retries).
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Iterator[Calendar]
    """

    def fetch(page: int) -> CalendarListResponse:
        return sync(
            client=client,
            page=page,
            size=size,
        )

    yield from _iterate.numbered_pages(_spec.PAGINATION[OPERATION], fetch, size if isinstance(size, int) else None)


async def aiterate(
    *,
    client: AuthenticatedClient,
    size: int | Unset = UNSET,
) -> AsyncIterator[Calendar]:
    """Every Calendar of the list, once each, page after page (async iterate()).

    List the member's calendars.

    It follows the `page` numbers until every item is read.
    Items come in the server's order. `size` sets the page size of each call; the other
    arguments are those of sync().

    Raises:
        errors.ApiError: For a call that is not a success, as sync() raises it (after its retries).
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        AsyncIterator[Calendar]
    """

    async def fetch(page: int) -> CalendarListResponse:
        return await asyncio(
            client=client,
            page=page,
            size=size,
        )

    async for item in _iterate.anumbered_pages(
        _spec.PAGINATION[OPERATION], fetch, size if isinstance(size, int) else None
    ):
        yield item
