from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_private_calendar_request import CreatePrivateCalendarRequest
from ...models.create_subscription_calendar_request import CreateSubscriptionCalendarRequest
from ...models.created_response import CreatedResponse
from ...models.error_response import ErrorResponse
from ...types import Response


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
        response_200 = CreatedResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 415:
        response_415 = ErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
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
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest,
) -> CreatedResponse | ErrorResponse | None:
    """Create a private or subscription calendar

     A private calendar of the member (optionally shared through `calendarMemberList`), or
    a subscription to an iCalendar feed. Project calendars can't be created.

    Args:
        body (CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest): A private
            calendar or a subscription calendar.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedResponse | ErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


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
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest,
) -> CreatedResponse | ErrorResponse | None:
    """Create a private or subscription calendar

     A private calendar of the member (optionally shared through `calendarMemberList`), or
    a subscription to an iCalendar feed. Project calendars can't be created.

    Args:
        body (CreatePrivateCalendarRequest | CreateSubscriptionCalendarRequest): A private
            calendar or a subscription calendar.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
