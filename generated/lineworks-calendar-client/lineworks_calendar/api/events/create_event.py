from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import _http, _json, errors
from ...client import AuthenticatedClient, Client
from ...models.create_event_request import CreateEventRequest
from ...models.error import Error
from ...models.event_components import EventComponents
from ...types import Response

OPERATION = "create_event"


def _get_kwargs(
    user_id: str,
    calendar_id: str,
    *,
    body: CreateEventRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users/{user_id}/calendars/{calendar_id}/events".format(
            user_id=quote(str(user_id), safe=""),
            calendar_id=quote(str(calendar_id), safe=""),
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
        try:
            response_201 = EventComponents.from_dict(_json.loads(response.content))

            return response_201

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
            response_400 = Error.from_dict(_json.loads(response.content))

            return response_400

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 401:
        try:
            response_401 = Error.from_dict(_json.loads(response.content))

            return response_401

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 403:
        try:
            response_403 = Error.from_dict(_json.loads(response.content))

            return response_403

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 404:
        try:
            response_404 = Error.from_dict(_json.loads(response.content))

            return response_404

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 409:
        try:
            response_409 = Error.from_dict(_json.loads(response.content))

            return response_409

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 429:
        try:
            response_429 = Error.from_dict(_json.loads(response.content))

            return response_429

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 500:
        try:
            response_500 = Error.from_dict(_json.loads(response.content))

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
) -> Response[Error | EventComponents]:
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
    body: CreateEventRequest,
) -> Response[Error | EventComponents]:
    """Create an event in a calendar of the user

     Creates an event, with its recurrence and recurrence exceptions, in the given
    calendar of the given user ("대상 사용자의 캘린더 중 대상 캘린더에 일정을 생성한다").
    Every component must have the same `eventId`; it is assigned when left out.

    Args:
        user_id (str):
        calendar_id (str):
        body (CreateEventRequest): The event and its recurrence exceptions as array elements, all
            with the same
            `eventId` ("일정 및 반복/반복예외 일정을 배열의 요소로 입력한다. 배열 내 일정은 모두
            같은 eventId로 설정한다").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[Error | EventComponents]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        calendar_id=calendar_id,
        body=body,
    )

    response = _http.send(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


def _success(response: Response[Error | EventComponents]) -> EventComponents:
    _http.check(
        httpx.Response(response.status_code, headers=response.headers, content=response.content), operation=OPERATION
    )
    return cast(EventComponents, response.parsed)


def sync(
    user_id: str,
    calendar_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateEventRequest,
) -> EventComponents:
    """Create an event in a calendar of the user

     Creates an event, with its recurrence and recurrence exceptions, in the given
    calendar of the given user ("대상 사용자의 캘린더 중 대상 캘린더에 일정을 생성한다").
    Every component must have the same `eventId`; it is assigned when left out.

    Args:
        user_id (str):
        calendar_id (str):
        body (CreateEventRequest): The event and its recurrence exceptions as array elements, all
            with the same
            `eventId` ("일정 및 반복/반복예외 일정을 배열의 요소로 입력한다. 배열 내 일정은 모두
            같은 eventId로 설정한다").

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        EventComponents
    """

    return _success(
        sync_detailed(
            user_id=user_id,
            calendar_id=calendar_id,
            client=client,
            body=body,
        )
    )


async def asyncio_detailed(
    user_id: str,
    calendar_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateEventRequest,
) -> Response[Error | EventComponents]:
    """Create an event in a calendar of the user

     Creates an event, with its recurrence and recurrence exceptions, in the given
    calendar of the given user ("대상 사용자의 캘린더 중 대상 캘린더에 일정을 생성한다").
    Every component must have the same `eventId`; it is assigned when left out.

    Args:
        user_id (str):
        calendar_id (str):
        body (CreateEventRequest): The event and its recurrence exceptions as array elements, all
            with the same
            `eventId` ("일정 및 반복/반복예외 일정을 배열의 요소로 입력한다. 배열 내 일정은 모두
            같은 eventId로 설정한다").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[Error | EventComponents]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        calendar_id=calendar_id,
        body=body,
    )

    response = await _http.asend(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    calendar_id: str,
    *,
    client: AuthenticatedClient,
    body: CreateEventRequest,
) -> EventComponents:
    """Create an event in a calendar of the user

     Creates an event, with its recurrence and recurrence exceptions, in the given
    calendar of the given user ("대상 사용자의 캘린더 중 대상 캘린더에 일정을 생성한다").
    Every component must have the same `eventId`; it is assigned when left out.

    Args:
        user_id (str):
        calendar_id (str):
        body (CreateEventRequest): The event and its recurrence exceptions as array elements, all
            with the same
            `eventId` ("일정 및 반복/반복예외 일정을 배열의 요소로 입력한다. 배열 내 일정은 모두
            같은 eventId로 설정한다").

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        EventComponents
    """

    return _success(
        await asyncio_detailed(
            user_id=user_id,
            calendar_id=calendar_id,
            client=client,
            body=body,
        )
    )
