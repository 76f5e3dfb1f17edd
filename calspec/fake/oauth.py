"""The LINE WORKS token endpoint, so service-account and OAuth code can be tested without an account.

Served at the path of the spec's `tokenUrl` (`/oauth2/v2.0/token`), form-encoded as the real one:
- `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`: an RS256 JWT `assertion` with `iss` (the
  client ID), `sub` (a service account of that app), `iat` and `exp` (at most an hour later), checked
  against the demo app's public key in the fixtures; plus `client_id`, `client_secret`, `scope`;
- `grant_type=refresh_token`: a fixture refresh token (or one this fake issued) with `client_id` and
  `client_secret`; the refresh token rotates.
Errors are RFC 6749 bodies (`{"error", "error_description"}`). Issued access tokens expire after the
fake's token lifetime and then get 401, like any unknown token.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

import jwt

from calspec.fake.auth import Principal, TokenBook

JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
REFRESH = "refresh_token"
MAX_ASSERTION_LIFETIME = 3600  # seconds between iat and exp the documents allow
CLOCK_SKEW = 60


class OAuthError(Exception):
    """An RFC 6749 error: `error` code, description, and the status it goes with."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}


@dataclass(frozen=True)
class App:
    client_id: str
    client_secret: str
    public_key: str
    service_accounts: frozenset[str]


@dataclass
class Grants:
    """The fake's OAuth state: demo apps, live refresh tokens, and the tokens it issued."""

    provider: str
    apps: dict[str, App] = field(default_factory=dict)
    refresh_tokens: dict[str, tuple[str, Principal]] = field(default_factory=dict)  # token -> (client, user)
    lifetime: int = 3600


def load_grants(
    provider: str, data: Mapping[str, Any], users: Mapping[str, Principal], lifetime: int
) -> Grants:
    """Apps and refresh tokens from the provider's fixture file (calspec/fake/README.md)."""
    grants = Grants(provider=provider, lifetime=lifetime)
    for app in data.get("apps", []):
        grants.apps[app["clientId"]] = App(
            client_id=app["clientId"],
            client_secret=app["clientSecret"],
            public_key=app["publicKey"],
            service_accounts=frozenset(app.get("serviceAccounts", [])),
        )
    for entry in data.get("refreshTokens", []):
        user = users[entry["userId"]]
        grants.refresh_tokens[entry["refreshToken"]] = (
            entry["clientId"],
            replace(user, scopes=frozenset(entry.get("scopes", []))),
        )
    return grants


def token_request(
    grants: Grants, tokens: TokenBook, body: bytes, now: Callable[[], datetime]
) -> dict[str, Any]:
    """Answer one token request (form-encoded body); OAuthError when it is refused."""
    try:
        form = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False))
    except UnicodeDecodeError:
        raise OAuthError("invalid_request", "the body is not UTF-8 form data") from None
    app = _client(grants, form)
    grant_type = form.get("grant_type", "")
    if grant_type == JWT_BEARER:
        principal = _service_account(grants, app, form, now())
    elif grant_type == REFRESH:
        principal = _refreshed(grants, app, form)
    elif not grant_type:
        raise OAuthError("invalid_request", "grant_type is required")
    else:
        raise OAuthError("unsupported_grant_type", "grant_type must be jwt-bearer or refresh_token")
    access_token = "lw-issued-" + secrets.token_urlsafe(24)
    tokens.add(access_token, principal, expires_at=now() + timedelta(seconds=grants.lifetime))
    answer: dict[str, Any] = {
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": grants.lifetime,
        "scope": " ".join(sorted(principal.scopes)),
    }
    refresh_token = "lw-refresh-" + secrets.token_urlsafe(24)
    grants.refresh_tokens[refresh_token] = (app.client_id, principal)
    answer["refresh_token"] = refresh_token
    return answer


def _client(grants: Grants, form: Mapping[str, str]) -> App:
    client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
    if not client_id or not secret:
        raise OAuthError("invalid_request", "client_id and client_secret are required")
    app = grants.apps.get(client_id)
    if app is None or not secrets.compare_digest(app.client_secret, secret):
        raise OAuthError("invalid_client", "unknown client or wrong client secret", 401)
    return app


def _scopes(form: Mapping[str, str]) -> frozenset[str]:
    scopes = frozenset(form.get("scope", "").split())
    if not scopes:
        raise OAuthError("invalid_scope", "scope is required (for example `calendar`)")
    return scopes


def _service_account(grants: Grants, app: App, form: Mapping[str, str], now: datetime) -> Principal:
    assertion = form.get("assertion", "")
    if not assertion:
        raise OAuthError("invalid_request", "assertion is required")
    try:
        claims = jwt.decode(
            assertion,
            app.public_key,
            algorithms=["RS256"],
            options={"require": ["iss", "sub", "iat", "exp"], "verify_exp": False, "verify_iat": False},
        )
    except jwt.InvalidTokenError as error:
        raise OAuthError(
            "invalid_grant", f"the assertion is not a valid RS256 JWT of this app: {error}"
        ) from None
    if not all(_is_time(claims[name]) for name in ("iat", "exp")):
        raise OAuthError("invalid_grant", "iat and exp must be NumericDate values (seconds since 1970)")
    issued, expires, stamp = int(claims["iat"]), int(claims["exp"]), int(now.timestamp())
    if claims["iss"] != app.client_id:
        raise OAuthError("invalid_grant", "iss must be the client ID")
    if claims["sub"] not in app.service_accounts:
        raise OAuthError("invalid_grant", "sub is not a service account of this app")
    if issued > stamp + CLOCK_SKEW or expires <= stamp - CLOCK_SKEW:
        raise OAuthError("invalid_grant", "the assertion is expired or not yet valid")
    if expires <= issued:
        raise OAuthError("invalid_grant", "exp must be after iat")
    if expires - issued > MAX_ASSERTION_LIFETIME:
        raise OAuthError("invalid_grant", "exp may be at most an hour after iat")
    subject = str(claims["sub"])
    return Principal(
        provider=grants.provider,
        user_id=subject,
        email=subject,
        name="service account",
        scopes=_scopes(form),
        service=True,
    )


def _is_time(value: Any) -> bool:
    """A JWT NumericDate: a finite JSON number (PyJWT leaves iat and exp unchecked here)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _refreshed(grants: Grants, app: App, form: Mapping[str, str]) -> Principal:
    token = form.get("refresh_token", "")
    if not token:
        raise OAuthError("invalid_request", "refresh_token is required")
    entry = grants.refresh_tokens.get(token)
    # Another app's attempt leaves the token as it is; the pop makes each token usable once.
    if entry is None or entry[0] != app.client_id or grants.refresh_tokens.pop(token, None) is None:
        raise OAuthError("invalid_grant", "unknown, used or revoked refresh token")
    return entry[1]
