from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import _http, _json, errors
from ...client import AuthenticatedClient, Client
from ...models.create_private_calendar_request import CreatePrivateCalendarRequest
from ...models.create_subscription_calendar_request import CreateSubscriptionCalendarRequest
from ...models.created_response import CreatedResponse
from ...models.error_response import ErrorResponse
from ...types import Response

OPERATION = "create_calendar"


def _get_kwargs(
    *,
    body: CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/calendar/v1/calendars",
    }

    if isinstance(body, CreatePrivateCalendarRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CreatedResponse | ErrorResponse | None:
    if response.status_code == 200:
        try:
            response_200 = CreatedResponse.from_dict(_json.loads(response.content))

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
    if response.status_code == 415:
        try:
            response_415 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_415

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
) -> Response[CreatedResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest,
) -> Response[CreatedResponse | ErrorResponse]:
    """Create a private or subscription calendar

     A private calendar of the member (optionally shared through `calendarMemberList`), or
    a subscription to an iCalendar feed. Project calendars can't be created.

    Args:
        body (CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest): A private
            calendar or a subscription calendar.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[CreatedResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = _http.send(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


def _success(response: Response[CreatedResponse | ErrorResponse]) -> CreatedResponse:
    _http.check(
        httpx.Response(response.status_code, headers=response.headers, content=response.content), operation=OPERATION
    )
    return cast(CreatedResponse, response.parsed)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest,
) -> CreatedResponse:
    """Create a private or subscription calendar

     A private calendar of the member (optionally shared through `calendarMemberList`), or
    a subscription to an iCalendar feed. Project calendars can't be created.

    Args:
        body (CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest): A private
            calendar or a subscription calendar.

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        CreatedResponse
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
    body: CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest,
) -> Response[CreatedResponse | ErrorResponse]:
    """Create a private or subscription calendar

     A private calendar of the member (optionally shared through `calendarMemberList`), or
    a subscription to an iCalendar feed. Project calendars can't be created.

    Args:
        body (CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest): A private
            calendar or a subscription calendar.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[CreatedResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await _http.asend(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest,
) -> CreatedResponse:
    """Create a private or subscription calendar

     A private calendar of the member (optionally shared through `calendarMemberList`), or
    a subscription to an iCalendar feed. Project calendars can't be created.

    Args:
        body (CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest): A private
            calendar or a subscription calendar.

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        CreatedResponse
    """

    return _success(
        await asyncio_detailed(
            client=client,
            body=body,
        )
    )
