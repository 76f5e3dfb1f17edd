from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.calendar_personal_list import CalendarPersonalList
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    count: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["count"] = count

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{user_id}/calendar-personals".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CalendarPersonalList | Error | None:
    if response.status_code == 200:
        response_200 = CalendarPersonalList.from_dict(response.json())

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
) -> Response[CalendarPersonalList | Error]:
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
    count: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[CalendarPersonalList | Error]:
    """List the calendars the user sees, with the user's own settings

    Args:
        user_id (str):
        count (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarPersonalList | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        count=count,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    count: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> CalendarPersonalList | Error | None:
    """List the calendars the user sees, with the user's own settings

    Args:
        user_id (str):
        count (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarPersonalList | Error
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        count=count,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    count: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> Response[CalendarPersonalList | Error]:
    """List the calendars the user sees, with the user's own settings

    Args:
        user_id (str):
        count (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarPersonalList | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        count=count,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    count: int | Unset = 50,
    cursor: str | Unset = UNSET,
) -> CalendarPersonalList | Error | None:
    """List the calendars the user sees, with the user's own settings

    Args:
        user_id (str):
        count (int | Unset):  Default: 50.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarPersonalList | Error
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            count=count,
            cursor=cursor,
        )
    ).parsed
