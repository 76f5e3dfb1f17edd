import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ... import types as _calspec_types
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.event_category import EventCategory
from ...models.event_list_response import EventListResponse
from ...models.post_type import PostType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    time_min: datetime.datetime,
    time_max: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_time_min = _calspec_types.format_datetime(time_min)
    params["timeMin"] = json_time_min

    json_time_max = _calspec_types.format_datetime(time_max)
    params["timeMax"] = json_time_max

    params["calendars"] = calendars

    json_post_type: str | Unset = UNSET
    if not isinstance(post_type, Unset):
        json_post_type = post_type.value

    params["postType"] = json_post_type

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/calendar/v1/calendars/*/events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | EventListResponse | None:
    if response.status_code == 200:
        response_200 = EventListResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | EventListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    time_min: datetime.datetime,
    time_max: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> Response[ErrorResponse | EventListResponse]:
    """List events across the member's calendars

     Events overlapping `[timeMin, timeMax)`, at most one year (최대 1년치), from the
    calendars named in `calendars`, or from all of the member's calendars. The `*` in the
    path is literal; no calendar ID may stand there (오직 * 만 입력 가능). A recurring
    series comes back as one item per occurrence. Items carry neither `body` nor
    `users`; subscription calendars are left out. No paging.

    Args:
        time_min (datetime.datetime):
        time_max (datetime.datetime):
        calendars (str | Unset):
        post_type (PostType | Unset):
        category (EventCategory | Unset): general: an event; post: a project post (업무); milestone:
            a project milestone (단계).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | EventListResponse]
    """

    kwargs = _get_kwargs(
        time_min=time_min,
        time_max=time_max,
        calendars=calendars,
        post_type=post_type,
        category=category,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    time_min: datetime.datetime,
    time_max: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> ErrorResponse | EventListResponse | None:
    """List events across the member's calendars

     Events overlapping `[timeMin, timeMax)`, at most one year (최대 1년치), from the
    calendars named in `calendars`, or from all of the member's calendars. The `*` in the
    path is literal; no calendar ID may stand there (오직 * 만 입력 가능). A recurring
    series comes back as one item per occurrence. Items carry neither `body` nor
    `users`; subscription calendars are left out. No paging.

    Args:
        time_min (datetime.datetime):
        time_max (datetime.datetime):
        calendars (str | Unset):
        post_type (PostType | Unset):
        category (EventCategory | Unset): general: an event; post: a project post (업무); milestone:
            a project milestone (단계).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | EventListResponse
    """

    return sync_detailed(
        client=client,
        time_min=time_min,
        time_max=time_max,
        calendars=calendars,
        post_type=post_type,
        category=category,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    time_min: datetime.datetime,
    time_max: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> Response[ErrorResponse | EventListResponse]:
    """List events across the member's calendars

     Events overlapping `[timeMin, timeMax)`, at most one year (최대 1년치), from the
    calendars named in `calendars`, or from all of the member's calendars. The `*` in the
    path is literal; no calendar ID may stand there (오직 * 만 입력 가능). A recurring
    series comes back as one item per occurrence. Items carry neither `body` nor
    `users`; subscription calendars are left out. No paging.

    Args:
        time_min (datetime.datetime):
        time_max (datetime.datetime):
        calendars (str | Unset):
        post_type (PostType | Unset):
        category (EventCategory | Unset): general: an event; post: a project post (업무); milestone:
            a project milestone (단계).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | EventListResponse]
    """

    kwargs = _get_kwargs(
        time_min=time_min,
        time_max=time_max,
        calendars=calendars,
        post_type=post_type,
        category=category,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    time_min: datetime.datetime,
    time_max: datetime.datetime,
    calendars: str | Unset = UNSET,
    post_type: PostType | Unset = UNSET,
    category: EventCategory | Unset = UNSET,
) -> ErrorResponse | EventListResponse | None:
    """List events across the member's calendars

     Events overlapping `[timeMin, timeMax)`, at most one year (최대 1년치), from the
    calendars named in `calendars`, or from all of the member's calendars. The `*` in the
    path is literal; no calendar ID may stand there (오직 * 만 입력 가능). A recurring
    series comes back as one item per occurrence. Items carry neither `body` nor
    `users`; subscription calendars are left out. No paging.

    Args:
        time_min (datetime.datetime):
        time_max (datetime.datetime):
        calendars (str | Unset):
        post_type (PostType | Unset):
        category (EventCategory | Unset): general: an event; post: a project post (업무); milestone:
            a project milestone (단계).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | EventListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            time_min=time_min,
            time_max=time_max,
            calendars=calendars,
            post_type=post_type,
            category=category,
        )
    ).parsed
