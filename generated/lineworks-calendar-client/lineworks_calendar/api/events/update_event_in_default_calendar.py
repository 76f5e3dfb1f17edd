from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.event_components import EventComponents
from ...models.replace_event_request import ReplaceEventRequest
from ...types import Response


def _get_kwargs(
    user_id: str,
    event_id: str,
    *,
    body: ReplaceEventRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/users/{user_id}/calendar/events/{event_id}".format(
            user_id=quote(str(user_id), safe=""),
            event_id=quote(str(event_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | EventComponents | None:
    if response.status_code == 200:
        response_200 = EventComponents.from_dict(response.json())

        return response_200

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
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: ReplaceEventRequest,
) -> Response[Error | EventComponents]:
    """Replace an event of the user's default calendar

     As updateEvent, in the default calendar. Fields left out are reset.

    Args:
        user_id (str):
        event_id (str):
        body (ReplaceEventRequest): The whole event, replacing what is stored: the event and its
            recurrence
            exceptions, every element with the event's `eventId`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EventComponents]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        event_id=event_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: ReplaceEventRequest,
) -> Error | EventComponents | None:
    """Replace an event of the user's default calendar

     As updateEvent, in the default calendar. Fields left out are reset.

    Args:
        user_id (str):
        event_id (str):
        body (ReplaceEventRequest): The whole event, replacing what is stored: the event and its
            recurrence
            exceptions, every element with the event's `eventId`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EventComponents
    """

    return sync_detailed(
        user_id=user_id,
        event_id=event_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: ReplaceEventRequest,
) -> Response[Error | EventComponents]:
    """Replace an event of the user's default calendar

     As updateEvent, in the default calendar. Fields left out are reset.

    Args:
        user_id (str):
        event_id (str):
        body (ReplaceEventRequest): The whole event, replacing what is stored: the event and its
            recurrence
            exceptions, every element with the event's `eventId`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EventComponents]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        event_id=event_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: ReplaceEventRequest,
) -> Error | EventComponents | None:
    """Replace an event of the user's default calendar

     As updateEvent, in the default calendar. Fields left out are reset.

    Args:
        user_id (str):
        event_id (str):
        body (ReplaceEventRequest): The whole event, replacing what is stored: the event and its
            recurrence
            exceptions, every element with the event's `eventId`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EventComponents
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            event_id=event_id,
            client=client,
            body=body,
        )
    ).parsed
