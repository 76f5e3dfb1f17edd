"""A client library for accessing LINE WORKS API 2.0 Calendar"""

from ._spec import API_VERSION
from .client import AuthenticatedClient, Client

# This client's release (the API's own version is API_VERSION).
__version__ = "1.0.0"

__all__ = (
    "API_VERSION",
    "AuthenticatedClient",
    "Client",
)
