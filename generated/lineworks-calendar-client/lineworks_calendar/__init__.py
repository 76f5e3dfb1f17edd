"""A client library for accessing LINE WORKS API 2.0 Calendar"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
