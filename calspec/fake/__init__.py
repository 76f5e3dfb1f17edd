"""A stateful fake of the LINE WORKS and Dooray calendar APIs, driven by the specs in spec/."""

from calspec.fake.app import create_app

__all__ = ["create_app"]
