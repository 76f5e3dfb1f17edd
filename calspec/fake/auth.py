"""Tokens from the fixture files: who is calling and with which scopes.

The header and the word before the token come from the spec (`x-calspec-auth`: LINE WORKS
`Authorization: Bearer <token>`, Dooray `Authorization: dooray-api <token>`). A missing, malformed
or unknown token is a 401. Scopes are checked against the operation's `security` requirements in
the spec (LINE WORKS `calendar` / `calendar.read`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from calspec.core.extensions import Auth
from calspec.fake.errors import ApiError


@dataclass(frozen=True)
class Principal:
    provider: str
    user_id: str
    email: str
    name: str
    scopes: frozenset[str]
    time_zone: str = "UTC"
    service: bool = False  # a service account's token: acts for any user of the tenant, never as `me`


class TokenBook:
    """token -> Principal, per provider. Tokens are never part of a repr or a message."""

    def __init__(self) -> None:
        self._tokens: dict[tuple[str, str], Principal] = {}
        self._expiry: dict[tuple[str, str], datetime] = {}

    def __repr__(self) -> str:
        return f"TokenBook({len(self._tokens)} tokens)"

    def add(self, token: str, principal: Principal, expires_at: datetime | None = None) -> None:
        self._tokens[(principal.provider, token)] = principal
        if expires_at is not None:
            self._expiry[(principal.provider, token)] = expires_at

    def authenticate(
        self, provider: str, auth: Auth, header: str | None, now: datetime | None = None
    ) -> Principal:
        if not header:
            raise ApiError(401, f"Authentication required: no {auth.header} header")
        scheme, _, token = header.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != auth.prefix.lower() or not token:
            raise ApiError(401, f"Authentication failed: expected '{auth.header}: {auth.prefix} <token>'")
        principal = self._tokens.get((provider, token))
        expires = self._expiry.get((provider, token))
        if principal is None or (expires is not None and now is not None and now >= expires):
            raise ApiError(401, "Authentication failed: invalid or expired token")
        return principal

    def demo_tokens(self, provider: str) -> list[tuple[str, Principal]]:
        return [(token, p) for (prov, token), p in self._tokens.items() if prov == provider]


def authorize(principal: Principal, security: Sequence[Mapping[str, Sequence[str]]]) -> None:
    """403 unless the token's scopes satisfy one of the operation's security requirements."""
    if not security:
        return
    for requirement in security:
        if all(set(scopes) <= principal.scopes for scopes in requirement.values()):
            return
    needed = " or ".join(" ".join(s for scopes in r.values() for s in scopes) or "(none)" for r in security)
    raise ApiError(403, f"Permission denied: the token's scope does not allow this (needs {needed})")
