from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    calendar_id: str,
    event_id: str,
    *,
    send_notification: bool | Unset = True,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["sendNotification"] = send_notification

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/users/{user_id}/calendars/{calendar_id}/events/{event_id}".format(
            user_id=quote(str(user_id), safe=""),
            calendar_id=quote(str(calendar_id), safe=""),
            event_id=quote(str(event_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    send_notification: bool | Unset = True,
) -> Response[Any | Error]:
    """Delete an event of a calendar of the user

     Deletes the event with all its recurrences and exceptions.

    Args:
        user_id (str):
        calendar_id (str):
        event_id (str):
        send_notification (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        calendar_id=calendar_id,
        event_id=event_id,
        send_notification=send_notification,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    send_notification: bool | Unset = True,
) -> Any | Error | None:
    """Delete an event of a calendar of the user

     Deletes the event with all its recurrences and exceptions.

    Args:
        user_id (str):
        calendar_id (str):
        event_id (str):
        send_notification (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        user_id=user_id,
        calendar_id=calendar_id,
        event_id=event_id,
        client=client,
        send_notification=send_notification,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    send_notification: bool | Unset = True,
) -> Response[Any | Error]:
    """Delete an event of a calendar of the user

     Deletes the event with all its recurrences and exceptions.

    Args:
        user_id (str):
        calendar_id (str):
        event_id (str):
        send_notification (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        calendar_id=calendar_id,
        event_id=event_id,
        send_notification=send_notification,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    send_notification: bool | Unset = True,
) -> Any | Error | None:
    """Delete an event of a calendar of the user

     Deletes the event with all its recurrences and exceptions.

    Args:
        user_id (str):
        calendar_id (str):
        event_id (str):
        send_notification (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            calendar_id=calendar_id,
            event_id=event_id,
            client=client,
            send_notification=send_notification,
        )
    ).parsed
