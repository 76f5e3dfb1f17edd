from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import _http, _json, errors
from ...client import AuthenticatedClient, Client
from ...models.calendar import Calendar
from ...models.create_calendar_request import CreateCalendarRequest
from ...models.error import Error
from ...types import Response

OPERATION = "create_calendar"


def _get_kwargs(
    *,
    body: CreateCalendarRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/calendars",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Calendar | Error | None:
    if response.status_code == 201:
        try:
            response_201 = Calendar.from_dict(_json.loads(response.content))

            return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Calendar | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCalendarRequest,
) -> Response[Calendar | Error]:
    """Create a shared calendar

     Creates a shared calendar owned by the token's user, shared with `members`.
    Events in it carry the calendar's `calendarEmail` as organizer.

    Args:
        body (CreateCalendarRequest): A new shared calendar.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[Calendar | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = _http.send(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


def _success(response: Response[Calendar | Error]) -> Calendar:
    _http.check(
        httpx.Response(response.status_code, headers=response.headers, content=response.content), operation=OPERATION
    )
    return cast(Calendar, response.parsed)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateCalendarRequest,
) -> Calendar:
    """Create a shared calendar

     Creates a shared calendar owned by the token's user, shared with `members`.
    Events in it carry the calendar's `calendarEmail` as organizer.

    Args:
        body (CreateCalendarRequest): A new shared calendar.

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Calendar
    """

    return _success(
        sync_detailed(
            client=client,
            body=body,
        )
    )


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCalendarRequest,
) -> Response[Calendar | Error]:
    """Create a shared calendar

     Creates a shared calendar owned by the token's user, shared with `members`.
    Events in it carry the calendar's `calendarEmail` as organizer.

    Args:
        body (CreateCalendarRequest): A new shared calendar.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[Calendar | Error]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await _http.asend(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateCalendarRequest,
) -> Calendar:
    """Create a shared calendar

     Creates a shared calendar owned by the token's user, shared with `members`.
    Events in it carry the calendar's `calendarEmail` as organizer.

    Args:
        body (CreateCalendarRequest): A new shared calendar.

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Calendar
    """

    return _success(
        await asyncio_detailed(
            client=client,
            body=body,
        )
    )
