"""Recurrence rules expanded with bounded work, for both providers.

dateutil's rule iterator only comes back when it finds an occurrence. A rule that can never occur
(`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) walks the calendar to the year 9999 first, and a rule with
`INTERVAL=0` never moves at all. So the fake never iterates a rule as it stands:

- `parse_lines` / `from_options` refuse what can't be expanded safely: a zero or negative
  interval, a COUNT above `MAX_COUNT`, lines other than RRULE, RDATE and EXDATE, and a rule
  with no occurrence within `PROBE_YEARS` of its start (a rule that never occurs);
- every iteration runs under a step budget counted in months of calendar walked
  (`_BoundedRule`), never in occurrences found, so the work a request does is bounded by the
  window it asks about;
- a series is expanded for a window by starting it a whole number of periods later, just before
  the window (`_shifted`), so a daily series from 1900 costs the same as one from last week, and
  a `FREQ=SECONDLY` series is listed correctly however far its window is from its start.

The engine stays dateutil's: the rule is re-anchored and bounded, never reimplemented.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, TypeAlias

from dateutil import rrule

MAX_COUNT = 10_000  # COUNT above this is refused: a COUNT series can't be re-anchored, so it is walked
PROBE_YEARS = 100  # a rule with no occurrence this long after its start "never occurs"
_MARGIN_MONTHS = 2  # slack on every step budget: a period can straddle a month boundary
_LINE_NAMES = ("RRULE", "RDATE", "EXDATE")
_LAST_MONTH = 9999 * 12 + 11


# dateutil's rrule: this module reads its resolved fields (`_freq`, `_bymonthday`...), which the type
# stubs don't declare, so rules are typed loosely here and nowhere else.
Rule: TypeAlias = Any


class RuleError(ValueError):
    """A recurrence the fake refuses; the message says why, for the 400."""


class _OutOfSteps(Exception):
    """The step budget of one iteration is spent."""


class _BoundedRule(rrule.rrule):
    """An rrule that stops after walking a given number of month steps.

    dateutil's iterator rebuilds its month masks once per month (or per period for MONTHLY and
    YEARLY rules) and reads `_byeaster` exactly once each time (and once more when it starts); counting
    those reads bounds the walk without touching the iterator itself. (`_bynweekday` is read twice
    per rebuild when BYDAY has ordinals, so it would cut ordinal rules short; BYEASTER, which would
    do the same with `_byeaster`, is no RFC 5545 rule part and is refused.) `steps` is set after
    construction, which reads the attribute too.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._steps_left = 1 << 62
        super().__init__(*args, **kwargs)

    @property
    def _byeaster(self) -> Any:
        self._steps_left -= 1
        if self._steps_left < 0:
            raise _OutOfSteps
        return self.__byeaster

    @_byeaster.setter
    def _byeaster(self, value: Any) -> None:
        self.__byeaster = value

    def walk(self, months: int) -> Iterator[datetime]:
        """The rule's starts, until `months` months of calendar have been walked."""
        rule: Rule = self
        freq, interval = rule._freq, rule._interval
        months_per_step = 12 * interval if freq == rrule.YEARLY else interval if freq == rrule.MONTHLY else 1
        self._steps_left = months // months_per_step + _MARGIN_MONTHS
        try:
            yield from rule._iter()
        except _OutOfSteps:
            return
        except (ValueError, OverflowError):  # the calendar runs out at the year 9999
            return
        except TypeError:  # pragma: no cover - `check` refuses naive and aware times mixed
            return


def _resolved(rule: Rule) -> dict[str, Any]:
    """The rule's parameters with every default dateutil took from DTSTART written out.

    Written out, they mean the same from any DTSTART a whole number of periods later.
    """
    weekdays = [rrule.weekday(day) for day in rule._byweekday or ()]
    weekdays += [rrule.weekday(day, n) for day, n in rule._bynweekday or ()]
    monthdays = (*rule._bymonthday, *rule._bynmonthday)
    return {
        "freq": rule._freq,
        "interval": rule._interval,
        "wkst": rule._wkst,
        "count": rule._count,
        "until": rule._until,
        "bysetpos": rule._bysetpos,
        "bymonth": rule._bymonth,
        "bymonthday": monthdays or None,
        "byyearday": rule._byyearday,
        "byeaster": rule._byeaster,
        "byweekno": rule._byweekno,
        "byweekday": weekdays or None,
        "byhour": rule._byhour,
        "byminute": rule._byminute,
        "bysecond": rule._bysecond,
    }


def _months(value: datetime) -> int:
    return value.year * 12 + value.month - 1


def _period_start(rule: Rule, value: datetime) -> datetime:
    """The start of the period of `rule` that holds `value` (a year, month, week, day, hour...)."""
    freq = rule._freq
    if freq == rrule.YEARLY:
        return value.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if freq == rrule.MONTHLY:
        return value.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    midnight = value.replace(hour=0, minute=0, second=0, microsecond=0)
    if freq == rrule.WEEKLY:
        return midnight - timedelta(days=(value.weekday() - rule._wkst) % 7)
    if freq == rrule.DAILY:
        return midnight
    if freq == rrule.HOURLY:
        return value.replace(minute=0, second=0, microsecond=0)
    if freq == rrule.MINUTELY:
        return value.replace(second=0, microsecond=0)
    return value.replace(microsecond=0)


def _advance(rule: Rule, start: datetime, periods: int) -> datetime:
    """`start` (a period start) moved on by whole periods of the rule, on its wall clock."""
    freq, steps = rule._freq, periods * int(rule._interval)
    if freq in (rrule.YEARLY, rrule.MONTHLY):
        index = _months(start) + (steps * 12 if freq == rrule.YEARLY else steps)
        return start.replace(year=index // 12, month=index % 12 + 1)
    unit = {
        rrule.WEEKLY: timedelta(weeks=1),
        rrule.DAILY: timedelta(days=1),
        rrule.HOURLY: timedelta(hours=1),
        rrule.MINUTELY: timedelta(minutes=1),
        rrule.SECONDLY: timedelta(seconds=1),
    }[freq]
    return start + unit * steps


def _periods_between(rule: Rule, start: datetime, target: datetime) -> int:
    """Whole periods of the rule from `start` (a period start) up to `target`, rounded down."""
    freq, interval = rule._freq, int(rule._interval)
    if freq == rrule.YEARLY:
        return (target.year - start.year) // interval
    if freq == rrule.MONTHLY:
        return (_months(target) - _months(start)) // interval
    seconds = {
        rrule.WEEKLY: 7 * 86400,
        rrule.DAILY: 86400,
        rrule.HOURLY: 3600,
        rrule.MINUTELY: 60,
        rrule.SECONDLY: 1,
    }[freq]
    naive = (target.replace(tzinfo=None) - start.replace(tzinfo=None)).total_seconds()
    return int(naive // (seconds * interval))


def _shifted(rule: Rule, target: datetime | None) -> _BoundedRule:
    """The rule, started at the last whole period that begins a period before `target`.

    Its occurrences from there on are the rule's. A COUNT rule numbers its occurrences from its
    own start, so it is never moved.
    """
    options = _resolved(rule)
    start = rule._dtstart
    if target is not None and rule._count is None:
        first = _period_start(rule, start)
        periods = _periods_between(rule, first, target) - 1
        if periods > 0:
            try:
                start = _advance(rule, first, periods)
            except (ValueError, OverflowError):
                pass
    return _BoundedRule(dtstart=start, **options)


def _start_of(rule: Rule) -> datetime:
    start: datetime = rule._dtstart
    return start


def _walk_months(start: datetime, end: datetime) -> int:
    return max(0, _months(end) - _months(start)) + 1


@dataclass(frozen=True)
class Recurrence:
    """A series over a DTSTART: its rules and RDATEs, less its EXDATEs (dateutil's semantics)."""

    dtstart: datetime
    rules: tuple[Rule, ...] = ()
    rdates: tuple[datetime, ...] = ()
    exdates: frozenset[datetime] = field(default_factory=frozenset)

    def starts(self, lo: datetime, hi: datetime) -> Iterator[datetime]:
        """The starts in [lo, hi) on the series' clock (aware when DTSTART is), in order, each once.

        Lazy: a caller that needs only the first few (does the series meet a window?) pays for those.
        """
        rdates = sorted(value for value in self.rdates if lo <= value < hi)
        previous: datetime | None = None
        for value in heapq.merge(rdates, *(_between(rule, lo, hi) for rule in self.rules)):
            if value != previous and value not in self.exdates:
                yield value
            previous = value

    def last_start(self) -> datetime | None:
        """The latest start there can be when the series ends (UNTIL or COUNT on every rule);
        None when it goes on. An UNTIL is an upper bound; a COUNT series is walked to its end."""
        last = max(self.rdates, default=None)
        for rule in self.rules:
            if rule._byeaster:
                raise RuleError("BYEASTER is no RFC 5545 rule part")
            if rule._until is not None:
                end: datetime | None = rule._until
            elif rule._count is not None:
                end = None
                for value in _shifted(rule, None).walk(_LAST_MONTH - _months(rule._dtstart)):
                    end = value
            else:
                return None
            if end is not None and (last is None or end > last):
                last = end
        return last

    def check(self) -> None:
        """RuleError unless every rule can be expanded safely and occurs at least once."""
        for rule in self.rules:
            if rule._byeaster:
                raise RuleError("BYEASTER is no RFC 5545 rule part")
            if rule._until is not None and (rule._until.tzinfo is None) != (self.dtstart.tzinfo is None):
                raise RuleError("UNTIL must be floating when the start is a date, UTC otherwise")
            if rule._interval < 1:
                raise RuleError("INTERVAL must be a positive integer")
            if rule._count is not None and not 0 < rule._count <= MAX_COUNT:
                raise RuleError(f"COUNT must be between 1 and {MAX_COUNT}")
        for rule in self.rules:
            if next(_shifted(rule, None).walk(PROBE_YEARS * 12), None) is None:
                raise RuleError(
                    f"the rule never occurs (no occurrence within {PROBE_YEARS} years of the start)"
                )


def _between(rule: Rule, lo: datetime, hi: datetime) -> Iterator[datetime]:
    zone = rule._dtstart.tzinfo
    if zone is not None:  # periods are counted on the series' own wall clock
        try:
            lo, hi = lo.astimezone(zone), hi.astimezone(zone)
        except OverflowError:  # a window at the calendar's very edge: compare as given
            pass
    bounded = _shifted(rule, lo)
    for value in bounded.walk(_walk_months(_start_of(bounded), hi)):
        if value >= hi:
            return
        if value >= lo:
            yield value


def parse_lines(lines: list[str], dtstart: datetime) -> Recurrence:
    """A LINE WORKS `recurrence` (RFC 5545 content lines) over the event's start; RuleError if refused.
    The start counts as the first occurrence, as RFC 5545 says (spec/NOTES.md F33).

    Parsed once per rule and start (dateutil's parser costs tens of microseconds, and a list reads every
    series in its window on every request); a Recurrence is immutable, so one serves every caller. The
    start's zone is part of the key: aware datetimes in two zones can be equal.
    """
    return _parse_lines(tuple(lines), dtstart, dtstart.isoformat(), str(dtstart.tzinfo))


@lru_cache(maxsize=2048)
def _parse_lines(lines: tuple[str, ...], dtstart: datetime, _written: str, _zone: str) -> Recurrence:
    for index, line in enumerate(lines):
        name = line.split(":", 1)[0].split(";", 1)[0].strip().upper()
        if name not in _LINE_NAMES:
            raise RuleError(
                f"recurrence[{index}]: only RRULE, RDATE and EXDATE lines are allowed"
                + (" (EXRULE is deprecated by RFC 5545: use EXDATE)" if name == "EXRULE" else "")
            )
    try:
        parsed: Any = rrule.rrulestr("\n".join(lines), dtstart=dtstart, forceset=True)
    except (ValueError, TypeError, KeyError, OverflowError, IndexError) as error:
        raise RuleError(f"not a valid RRULE/RDATE/EXDATE set ({_plain(error)})") from None
    # RFC 5545: the start is always the first instance, even where the rule wouldn't give it.
    rdates = (dtstart, *(_on_clock(value, dtstart) for value in parsed._rdate))
    recurrence = Recurrence(
        dtstart=dtstart,
        rules=tuple(parsed._rrule),
        rdates=rdates,
        exdates=frozenset(_on_clock(value, dtstart) for value in parsed._exdate),
    )
    recurrence.check()
    return recurrence


def from_options(frequency: Any, dtstart: datetime, **options: Any) -> Recurrence:
    """A rule given as dateutil keyword arguments (Dooray's `recurrenceRule`); RuleError if refused."""
    try:
        rule = rrule.rrule(frequency, dtstart=dtstart, **options)
    except (ValueError, TypeError, OverflowError) as error:
        raise RuleError(f"not a rule that produces dates ({_plain(error)})") from None
    recurrence = Recurrence(dtstart=dtstart, rules=(rule,))
    recurrence.check()
    return recurrence


def _on_clock(value: datetime, dtstart: datetime) -> datetime:
    """An RDATE/EXDATE on the start's clock: a floating time is read in the start's zone; a zoned
    one can't go with an all-day (floating) start."""
    if dtstart.tzinfo is None:
        if value.tzinfo is not None:
            raise RuleError("RDATE and EXDATE of an all-day event must be dates or floating times")
        return value
    return value.replace(tzinfo=dtstart.tzinfo) if value.tzinfo is None else value


def _plain(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text[:120]
