"""OAuth 2.0 for the LINE WORKS API 2.0 Calendar: tokens obtained, cached and refreshed for you, as `httpx.Auth`.

    from lineworks_calendar import AuthenticatedClient
    from lineworks_calendar.auth import ServiceAccountAuth

    auth = ServiceAccountAuth(client_id, client_secret, service_account_id, private_key, scopes=["calendar"])
    client = AuthenticatedClient(base_url=..., auth=auth)

`ServiceAccountAuth` signs the JWT bearer grant (RS256: `iss` the client ID, `sub` the service
account, `iat`, `exp` an hour later at most) with the app's private key; it needs PyJWT with
`cryptography` (`pip install 'lineworks-calendar-client[jwt]'`). `OAuthRefreshAuth` refreshes a user's
OAuth token and hands the rotated refresh token to `on_refresh` so the application can keep it.

Both cache the access token until shortly before it expires, fetch a new one then and once more on a
401, and let one caller fetch while concurrent ones (threads, or tasks) wait for its token. Token
requests go through the same client (and its transport) as the API calls. No token, secret or key
is ever part of a repr, a log line or an error message.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx

from . import _spec, errors

TOKEN_URL: str = _spec.TOKEN_URL or ""
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
REFRESH_MARGIN = 60.0  # seconds before expiry a cached token counts as expired
ASSERTION_LIFETIME = 3600  # the longest the documents allow


@dataclass(frozen=True, repr=False)
class TokenSet:
    """What the token endpoint issued. Its repr shows no token."""

    access_token: str
    expires_at: float  # time.monotonic() after which it is stale
    refresh_token: str | None = None
    scope: str = ""

    def __repr__(self) -> str:
        return f"TokenSet(<hidden>, scope={self.scope!r})"


class OAuthError(errors.AuthenticationError):
    """The token endpoint refused: `code` is its RFC 6749 `error` (`invalid_grant`, `invalid_client`...)."""


class _CachedTokenAuth(httpx.Auth):
    """A token fetched by a grant, kept until near expiry, fetched again on expiry and once on a 401."""

    def __init__(self, token_url: str, clock: Callable[[], float] = time.monotonic) -> None:
        if not token_url:
            raise ValueError("token_url is required")
        self.token_url = token_url
        self._clock = clock
        self._token: TokenSet | None = None
        self._thread_lock = threading.Lock()
        self._task_locks: dict[int, asyncio.Lock] = {}  # one per event loop

    def __repr__(self) -> str:
        return f"{type(self).__name__}(token_url={self.token_url!r}, <secrets hidden>)"

    # What a subclass supplies ----------------------------------------------------------------------

    def _grant(self) -> dict[str, str]:
        raise NotImplementedError

    def _issued(self, token: TokenSet) -> None:
        """Called with every new token (OAuthRefreshAuth passes the rotated refresh token on)."""

    # Token requests -------------------------------------------------------------------------------

    def _fresh(self, stale: TokenSet | None) -> TokenSet | None:
        """The cached token if it is still good and isn't the one that just failed."""
        token = self._token
        if token is None or token is stale or self._clock() >= token.expires_at:
            return None
        return token

    def _token_request(self) -> httpx.Request:
        body = urlencode(self._grant()).encode("ascii")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        return httpx.Request("POST", self.token_url, headers=headers, content=body)

    def _accept(self, response: httpx.Response) -> TokenSet:
        try:
            data: Any = response.json()
        except ValueError:
            data = None
        if response.status_code != 200 or not isinstance(data, dict) or not data.get("access_token"):
            code = str(data.get("error")) if isinstance(data, dict) and data.get("error") else None
            described = data.get("error_description") if isinstance(data, dict) else None
            message = str(described) if described else errors.describe_body(response.content, response.headers)
            raise OAuthError(
                response.status_code if response.status_code != 200 else 401,
                f"the token endpoint refused the grant: {message}",
                code=code,
                headers=response.headers,
                operation="token",
            )
        lifetime = float(data.get("expires_in") or 3600)
        token = TokenSet(
            access_token=str(data["access_token"]),
            expires_at=self._clock() + max(0.0, lifetime - REFRESH_MARGIN),
            refresh_token=str(data["refresh_token"]) if data.get("refresh_token") else None,
            scope=str(data.get("scope") or ""),
        )
        self._token = token
        self._issued(token)
        return token

    @staticmethod
    def _sign(request: httpx.Request, token: TokenSet) -> httpx.Request:
        request.headers[_spec.AUTH_HEADER] = f"{_spec.AUTH_PREFIX} {token.access_token}"
        return request

    # httpx flows ----------------------------------------------------------------------------------

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        stale: TokenSet | None = None
        for attempt in range(2):
            token = self._fresh(stale)
            if token is None:
                with self._thread_lock:
                    token = self._fresh(stale)
                    if token is None:
                        answer = yield self._token_request()
                        answer.read()  # these flows replace httpx's wrappers, which would read it
                        token = self._accept(answer)
            response = yield self._sign(request, token)
            if response.status_code != 401 or attempt:
                return
            stale = token  # refresh once on a 401

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        stale: TokenSet | None = None
        for attempt in range(2):
            token = self._fresh(stale)
            if token is None:
                async with self._task_lock():
                    token = self._fresh(stale)
                    if token is None:
                        answer = yield self._token_request()
                        await answer.aread()
                        token = self._accept(answer)
            response = yield self._sign(request, token)
            if response.status_code != 401 or attempt:
                return
            stale = token

    def _task_lock(self) -> asyncio.Lock:
        loop = id(asyncio.get_running_loop())
        lock = self._task_locks.get(loop)
        if lock is None:
            lock = self._task_locks[loop] = asyncio.Lock()
        return lock


class ServiceAccountAuth(_CachedTokenAuth):
    """Server-to-server access as a service account: the JWT bearer grant, signed RS256.

    `private_key`: the app's PEM private key (text or bytes); `scopes`: e.g. `["calendar"]`.
    """

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        service_account_id: str,
        private_key: str | bytes,
        scopes: Iterable[str],
        *,
        token_url: str = TOKEN_URL,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        try:
            import jwt
        except ImportError:  # pragma: no cover - depends on the installation
            raise ImportError(
                "ServiceAccountAuth signs with PyJWT and cryptography: pip install 'lineworks-calendar-client[jwt]'"
            ) from None
        super().__init__(token_url, clock)
        self._jwt = jwt
        self.client_id = client_id
        self.service_account_id = service_account_id
        self.scopes = tuple(scopes)
        if not self.scopes:
            raise ValueError("scopes is required, for example ['calendar']")
        self.__secret = client_secret
        self.__key = private_key
        self._wall_clock = wall_clock

    def __repr__(self) -> str:
        return (
            f"ServiceAccountAuth(client_id={self.client_id!r}, service_account_id={self.service_account_id!r}, "
            f"scopes={list(self.scopes)!r}, <secret and key hidden>)"
        )

    def _assertion(self) -> str:
        issued = int(self._wall_clock())
        claims = {
            "iss": self.client_id,
            "sub": self.service_account_id,
            "iat": issued,
            "exp": issued + ASSERTION_LIFETIME,
        }
        signed: str = self._jwt.encode(claims, self.__key, algorithm="RS256")
        return signed

    def _grant(self) -> dict[str, str]:
        return {
            "grant_type": JWT_BEARER,
            "assertion": self._assertion(),
            "client_id": self.client_id,
            "client_secret": self.__secret,
            "scope": " ".join(self.scopes),
        }


class OAuthRefreshAuth(_CachedTokenAuth):
    """A user's OAuth access: the refresh-token grant, with the rotated refresh token handed to
    `on_refresh(token_set)` so the application can store it. `access_token`, when given, is used
    until the first 401."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        refresh_token: str,
        access_token: str | None = None,
        on_refresh: Callable[[TokenSet], None] | None = None,
        *,
        token_url: str = TOKEN_URL,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(token_url, clock)
        self.client_id = client_id
        self.__secret = client_secret
        self.__refresh_token = refresh_token
        self._on_refresh = on_refresh
        if access_token:
            self._token = TokenSet(access_token=access_token, expires_at=float("inf"), refresh_token=refresh_token)

    def __repr__(self) -> str:
        return f"OAuthRefreshAuth(client_id={self.client_id!r}, <secret and tokens hidden>)"

    def _grant(self) -> dict[str, str]:
        return {
            "grant_type": "refresh_token",
            "refresh_token": self.__refresh_token,
            "client_id": self.client_id,
            "client_secret": self.__secret,
        }

    def _issued(self, token: TokenSet) -> None:
        if token.refresh_token:
            self.__refresh_token = token.refresh_token
        if self._on_refresh is not None:
            self._on_refresh(token)


__all__ = ["OAuthError", "OAuthRefreshAuth", "ServiceAccountAuth", "TokenSet"]
