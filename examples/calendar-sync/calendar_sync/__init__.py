"""Copy a week of LINE WORKS events into a Dooray calendar."""

from calendar_sync.sync import Report, copy_week, week_window

__all__ = ["Report", "copy_week", "week_window"]
