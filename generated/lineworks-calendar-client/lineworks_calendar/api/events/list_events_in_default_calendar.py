import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ... import types as _calspec_types
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.event_list import EventList
from ...types import UNSET, Response


def _get_kwargs(
    user_id: str,
    *,
    from_date_time: datetime.datetime,
    until_date_time: datetime.datetime,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_date_time = _calspec_types.format_datetime(from_date_time)
    params["fromDateTime"] = json_from_date_time

    json_until_date_time = _calspec_types.format_datetime(until_date_time)
    params["untilDateTime"] = json_until_date_time

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{user_id}/calendar/events".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | EventList | None:
    if response.status_code == 200:
        response_200 = EventList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | EventList]:
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
    from_date_time: datetime.datetime,
    until_date_time: datetime.datetime,
) -> Response[Error | EventList]:
    """List the events of the user's default calendar in a time window

     As listEvents, for the user's default calendar. The window is at most 31 days.

    Args:
        user_id (str):
        from_date_time (datetime.datetime):
        until_date_time (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EventList]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        from_date_time=from_date_time,
        until_date_time=until_date_time,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    from_date_time: datetime.datetime,
    until_date_time: datetime.datetime,
) -> Error | EventList | None:
    """List the events of the user's default calendar in a time window

     As listEvents, for the user's default calendar. The window is at most 31 days.

    Args:
        user_id (str):
        from_date_time (datetime.datetime):
        until_date_time (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EventList
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        from_date_time=from_date_time,
        until_date_time=until_date_time,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    from_date_time: datetime.datetime,
    until_date_time: datetime.datetime,
) -> Response[Error | EventList]:
    """List the events of the user's default calendar in a time window

     As listEvents, for the user's default calendar. The window is at most 31 days.

    Args:
        user_id (str):
        from_date_time (datetime.datetime):
        until_date_time (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | EventList]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        from_date_time=from_date_time,
        until_date_time=until_date_time,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    from_date_time: datetime.datetime,
    until_date_time: datetime.datetime,
) -> Error | EventList | None:
    """List the events of the user's default calendar in a time window

     As listEvents, for the user's default calendar. The window is at most 31 days.

    Args:
        user_id (str):
        from_date_time (datetime.datetime):
        until_date_time (datetime.datetime):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | EventList
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            from_date_time=from_date_time,
            until_date_time=until_date_time,
        )
    ).parsed
