from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import _http, _json, errors
from ...client import AuthenticatedClient, Client
from ...models.empty_response import EmptyResponse
from ...models.error_response import ErrorResponse
from ...models.update_event_request import UpdateEventRequest
from ...types import Response

OPERATION = "update_event"


def _get_kwargs(
    calendar_id: str,
    event_id: str,
    *,
    body: UpdateEventRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/calendar/v1/calendars/{calendar_id}/events/{event_id}".format(
            calendar_id=quote(str(calendar_id), safe=""),
            event_id=quote(str(event_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmptyResponse | ErrorResponse | None:
    if response.status_code == 200:
        try:
            response_200 = EmptyResponse.from_dict(_json.loads(response.content))

            return response_200

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
            response_400 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_400

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 401:
        try:
            response_401 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_401

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 403:
        try:
            response_403 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_403

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 404:
        try:
            response_404 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_404

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 415:
        try:
            response_415 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_415

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 429:
        try:
            response_429 = ErrorResponse.from_dict(_json.loads(response.content))

            return response_429

        except (ValueError, KeyError, TypeError):
            return None
    if response.status_code == 500:
        try:
            response_500 = ErrorResponse.from_dict(_json.loads(response.content))

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
    body: UpdateEventRequest,
) -> Response[EmptyResponse | ErrorResponse]:
    """Update an event

     Changes only the fields given; an empty string can't clear a field. When
    `wholeDayFlag` changes, send `startedAt` and `endedAt` too.

    Args:
        calendar_id (str):
        event_id (str):
        body (UpdateEventRequest): The fields to change; those left out keep their values. An
            empty string can't clear a field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[EmptyResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        calendar_id=calendar_id,
        event_id=event_id,
        body=body,
    )

    response = _http.send(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


def _success(response: Response[EmptyResponse | ErrorResponse]) -> EmptyResponse:
    _http.check(
        httpx.Response(response.status_code, headers=response.headers, content=response.content), operation=OPERATION
    )
    return cast(EmptyResponse, response.parsed)


def sync(
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateEventRequest,
) -> EmptyResponse:
    """Update an event

     Changes only the fields given; an empty string can't clear a field. When
    `wholeDayFlag` changes, send `startedAt` and `endedAt` too.

    Args:
        calendar_id (str):
        event_id (str):
        body (UpdateEventRequest): The fields to change; those left out keep their values. An
            empty string can't clear a field.

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        EmptyResponse
    """

    return _success(
        sync_detailed(
            calendar_id=calendar_id,
            event_id=event_id,
            client=client,
            body=body,
        )
    )


async def asyncio_detailed(
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateEventRequest,
) -> Response[EmptyResponse | ErrorResponse]:
    """Update an event

     Changes only the fields given; an empty string can't clear a field. When
    `wholeDayFlag` changes, send `startedAt` and `endedAt` too.

    Args:
        calendar_id (str):
        event_id (str):
        body (UpdateEventRequest): The fields to change; those left out keep their values. An
            empty string can't clear a field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        Response[EmptyResponse | ErrorResponse]
    """

    kwargs = _get_kwargs(
        calendar_id=calendar_id,
        event_id=event_id,
        body=body,
    )

    response = await _http.asend(client, kwargs, operation=OPERATION)

    return _build_response(client=client, response=response)


async def asyncio(
    calendar_id: str,
    event_id: str,
    *,
    client: AuthenticatedClient,
    body: UpdateEventRequest,
) -> EmptyResponse:
    """Update an event

     Changes only the fields given; an empty string can't clear a field. When
    `wholeDayFlag` changes, send `startedAt` and `endedAt` too.

    Args:
        calendar_id (str):
        event_id (str):
        body (UpdateEventRequest): The fields to change; those left out keep their values. An
            empty string can't clear a field.

    Raises:
        errors.ApiError: For any answer that is not a success, as its subclass for the status (NotFoundError,
            RateLimitError, ServerError...), after the retries the spec allows.
        errors.ApiTimeoutError: If the server doesn't answer within Client.timeout.
        errors.ApiConnectionError: If no connection could be made.

    Returns:
        EmptyResponse
    """

    return _success(
        await asyncio_detailed(
            calendar_id=calendar_id,
            event_id=event_id,
            client=client,
            body=body,
        )
    )
