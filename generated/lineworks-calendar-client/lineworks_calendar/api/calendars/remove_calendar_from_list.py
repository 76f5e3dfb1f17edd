from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    user_id: str,
    calendar_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/users/{user_id}/calendars/{calendar_id}".format(
            user_id=quote(str(user_id), safe=""),
            calendar_id=quote(str(calendar_id), safe=""),
        ),
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
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error]:
    """Leave a calendar

     The user leaves the calendar ("指定カレンダーから脱退する", the ja reference page):
    they are no longer one of its `members`, so it leaves their calendar list and their
    own settings for it are gone. The calendar and its events stay for everyone else.
    The owner can't leave their own calendar (they delete it instead), and a user's
    default calendar can't be left: 403. A calendar the user isn't a member of: 404.

    Args:
        user_id (str):
        calendar_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        calendar_id=calendar_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    calendar_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | Error | None:
    """Leave a calendar

     The user leaves the calendar ("指定カレンダーから脱退する", the ja reference page):
    they are no longer one of its `members`, so it leaves their calendar list and their
    own settings for it are gone. The calendar and its events stay for everyone else.
    The owner can't leave their own calendar (they delete it instead), and a user's
    default calendar can't be left: 403. A calendar the user isn't a member of: 404.

    Args:
        user_id (str):
        calendar_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        user_id=user_id,
        calendar_id=calendar_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    calendar_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Error]:
    """Leave a calendar

     The user leaves the calendar ("指定カレンダーから脱退する", the ja reference page):
    they are no longer one of its `members`, so it leaves their calendar list and their
    own settings for it are gone. The calendar and its events stay for everyone else.
    The owner can't leave their own calendar (they delete it instead), and a user's
    default calendar can't be left: 403. A calendar the user isn't a member of: 404.

    Args:
        user_id (str):
        calendar_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        calendar_id=calendar_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    calendar_id: str,
    *,
    client: AuthenticatedClient,
) -> Any | Error | None:
    """Leave a calendar

     The user leaves the calendar ("指定カレンダーから脱退する", the ja reference page):
    they are no longer one of its `members`, so it leaves their calendar list and their
    own settings for it are gone. The calendar and its events stay for everyone else.
    The owner can't leave their own calendar (they delete it instead), and a user's
    default calendar can't be left: 403. A calendar the user isn't a member of: 404.

    Args:
        user_id (str):
        calendar_id (str):

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
            client=client,
        )
    ).parsed
