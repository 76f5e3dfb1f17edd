from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_event_request import DeleteEventRequest
from ...models.empty_response import EmptyResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    calendar_id: str,
    event_id: str,
    *,
    body: DeleteEventRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/calendar/v1/calendars/{calendar_id}/events/{event_id}/delete".format(
            calendar_id=quote(str(calendar_id), safe=""),
            event_id=quote(str(event_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | ErrorResponse | None:
    if response.status_code == 200:
        response_200 = EmptyResponse.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

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
) -> Response[EmptyResponse | ErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: DeleteEventRequest | Unset = UNSET,
) -> Response[EmptyResponse | ErrorResponse]:
    """Delete an event, an occurrence, or part of a series

     `this`: only this event or occurrence; `wholeFromThis`: this occurrence and every
    later one; `whole`: the whole series. Without a body, `this`.

    Args:
        calendar_id (str):
        event_id (str):
        body (DeleteEventRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        calendar_id=calendar_id,
        event_id=event_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: DeleteEventRequest | Unset = UNSET,
) -> EmptyResponse | ErrorResponse | None:
    """Delete an event, an occurrence, or part of a series

     `this`: only this event or occurrence; `wholeFromThis`: this occurrence and every
    later one; `whole`: the whole series. Without a body, `this`.

    Args:
        calendar_id (str):
        event_id (str):
        body (DeleteEventRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ErrorResponse
    """

    return sync_detailed(
        calendar_id=calendar_id,
        event_id=event_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: DeleteEventRequest | Unset = UNSET,
) -> Response[EmptyResponse | ErrorResponse]:
    """Delete an event, an occurrence, or part of a series

     `this`: only this event or occurrence; `wholeFromThis`: this occurrence and every
    later one; `whole`: the whole series. Without a body, `this`.

    Args:
        calendar_id (str):
        event_id (str):
        body (DeleteEventRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmptyResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        calendar_id=calendar_id,
        event_id=event_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: DeleteEventRequest | Unset = UNSET,
) -> EmptyResponse | ErrorResponse | None:
    """Delete an event, an occurrence, or part of a series

     `this`: only this event or occurrence; `wholeFromThis`: this occurrence and every
    later one; `whole`: the whole series. Without a body, `this`.

    Args:
        calendar_id (str):
        event_id (str):
        body (DeleteEventRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmptyResponse | ErrorResponse
    """

    return (
        await asyncio_detailed(
            calendar_id=calendar_id,
            event_id=event_id,
            client=client,
            body=body,
        )
    ).parsed
