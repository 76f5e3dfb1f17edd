from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_event_request import CreateEventRequest
from ...models.error import Error
from ...models.event_components import EventComponents
from ...types import Response


def _get_kwargs(
    user_id: str,
    *,
    body: CreateEventRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users/{user_id}/calendar/events".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | EventComponents | None:
    if response.status_code == 201:
        response_201 = EventComponents.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | EventComponents]:
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
    body: CreateEventRequest,
) -> Response[Error | EventComponents]:
    """Create an event in the user's default calendar

     As createEvent, in the user's default calendar.

    Args:
        user_id (str):
        body (CreateEventRequest): The event and its recurrence exceptions as array elements, all
            with the same
            `eventId` ("일정 및 반복/반복예외 일정을 배열의 요소로 입력한다. 배열 내 일정은 모두
            같은 eventId로 설정한다").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EventComponents]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateEventRequest,
) -> Error | EventComponents | None:
    """Create an event in the user's default calendar

     As createEvent, in the user's default calendar.

    Args:
        user_id (str):
        body (CreateEventRequest): The event and its recurrence exceptions as array elements, all
            with the same
            `eventId` ("일정 및 반복/반복예외 일정을 배열의 요소로 입력한다. 배열 내 일정은 모두
            같은 eventId로 설정한다").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EventComponents
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateEventRequest,
) -> Response[Error | EventComponents]:
    """Create an event in the user's default calendar

     As createEvent, in the user's default calendar.

    Args:
        user_id (str):
        body (CreateEventRequest): The event and its recurrence exceptions as array elements, all
            with the same
            `eventId` ("일정 및 반복/반복예외 일정을 배열의 요소로 입력한다. 배열 내 일정은 모두
            같은 eventId로 설정한다").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EventComponents]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateEventRequest,
) -> Error | EventComponents | None:
    """Create an event in the user's default calendar

     As createEvent, in the user's default calendar.

    Args:
        user_id (str):
        body (CreateEventRequest): The event and its recurrence exceptions as array elements, all
            with the same
            `eventId` ("일정 및 반복/반복예외 일정을 배열의 요소로 입력한다. 배열 내 일정은 모두
            같은 eventId로 설정한다").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EventComponents
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
        )
    ).parsed
