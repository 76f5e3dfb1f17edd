from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import _http, _json, errors
from ...client import AuthenticatedClient, Client
from ...models.calendar_personal import CalendarPersonal
from ...models.error import Error
from ...models.update_calendar_personal_request import UpdateCalendarPersonalRequest
from ...types import Response

OPERATION = "update_calendar_personal"


def _get_kwargs(
    user_id: str,
    calendar_id: str,
    *,
    body: UpdateCalendarPersonalRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/users/{user_id}/calendar-personals/{calendar_id}".format(
            user_id=quote(str(user_id), safe=""),
            calendar_id=quote(str(calendar_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CalendarPersonal | Error | None:
    if response.status_code == 200:
        try:
            response_200 = CalendarPersonal.from_dict(_json.loads(response.content))

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
) -> Response[CalendarPersonal | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    calendar_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCalendarPersonalRequest,
) -> Response[CalendarPersonal | Error]:
    """Change the user's own settings for one calendar

     Whether the calendar shows in the user's list, and its position there.

    Args:
        user_id (str):
        calendar_id (str):
        body (UpdateCalendarPersonalRequest): The user's own settings to change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[CalendarPersonal | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        calendar_id=calendar_id,
        body=body,
    )

    response = _http.send(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


def _success(response: Response[CalendarPersonal | Error]) -> CalendarPersonal:
    _http.check(
        httpx.Response(response.status_code, headers=response.headers, content=response.content), operation=OPERATION
    )
    return cast(CalendarPersonal, response.parsed)


def sync(
    user_id: str,
    calendar_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCalendarPersonalRequest,
) -> CalendarPersonal:
    """Change the user's own settings for one calendar

     Whether the calendar shows in the user's list, and its position there.

    Args:
        user_id (str):
        calendar_id (str):
        body (UpdateCalendarPersonalRequest): The user's own settings to change.

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        CalendarPersonal
    """

    return _success(
        sync_detailed(
            user_id=user_id,
            calendar_id=calendar_id,
            client=client,
            body=body,
        )
    )


async def asyncio_detailed(
    user_id: str,
    calendar_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCalendarPersonalRequest,
) -> Response[CalendarPersonal | Error]:
    """Change the user's own settings for one calendar

     Whether the calendar shows in the user's list, and its position there.

    Args:
        user_id (str):
        calendar_id (str):
        body (UpdateCalendarPersonalRequest): The user's own settings to change.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[CalendarPersonal | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        calendar_id=calendar_id,
        body=body,
    )

    response = await _http.asend(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    calendar_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateCalendarPersonalRequest,
) -> CalendarPersonal:
    """Change the user's own settings for one calendar

     Whether the calendar shows in the user's list, and its position there.

    Args:
        user_id (str):
        calendar_id (str):
        body (UpdateCalendarPersonalRequest): The user's own settings to change.

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        CalendarPersonal
    """

    return _success(
        await asyncio_detailed(
            user_id=user_id,
            calendar_id=calendar_id,
            client=client,
            body=body,
        )
    )
