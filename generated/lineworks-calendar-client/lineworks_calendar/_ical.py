"""iCalendar plumbing shared by `lineworks_calendar.ics` (added by calspec): reading and writing
calendars with the icalendar library, time zones, durations, alarms, addresses and warnings.

Internal: use `lineworks_calendar.ics`. Needs the `ics` extra (icalendar).
"""

from __future__ import annotations

import datetime
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo

try:  # icalendar, and python-dateutil and tzdata, which it brings: `ics` reaches them through this module only
    import icalendar as icalendar
    from dateutil.rrule import rrulestr as rrulestr
    from icalendar.parser import unescape_backslash
    from icalendar.timezone.tzid import tzid_from_tzinfo
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
except ImportError as error:  # pragma: no cover - depends on what is installed
    raise ImportError(
        "lineworks_calendar.ics reads and writes iCalendar with the icalendar package, an optional extra: "
        "pip install 'lineworks-calendar-client[ics]'",
        name=error.name,
    ) from error

UTC = datetime.UTC
_LAST_VTIMEZONE_DAY = datetime.date(2038, 1, 1)  # icalendar's own default end of a VTIMEZONE


class IcsWarning(UserWarning):
    """Something of a file or of an event that the other side can't hold: dropped or changed (the message
    says which and why). Filter it with `warnings.simplefilter("ignore", IcsWarning)` or make it an error."""


class Notes:
    """What one call dropped or changed; emitted once per kind as IcsWarning when the call ends."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}

    def add(self, message: str) -> None:
        self._counts[message] = self._counts.get(message, 0) + 1

    def __contains__(self, message: str) -> bool:
        return message in self._counts

    def emit(self, stacklevel: int = 3) -> None:
        for message, count in self._counts.items():
            times = f" ({count} times)" if count > 1 else ""
            warnings.warn(f"{message}{times}", IcsWarning, stacklevel=stacklevel)


# Time zones -----------------------------------------------------------------------------------------


def get(component: icalendar.cal.Component, name: str) -> Any:
    """A property of a component, untyped: icalendar's own types say every property could be any value type."""
    return component.get(name)


def dt(component: icalendar.cal.Component, name: str) -> Any:
    """The date, date-time or duration of a property (None when it has none)."""
    return getattr(component.get(name), "dt", None)


def zone(name: str | None) -> ZoneInfo | None:
    """The IANA zone of that name; None when there is none."""
    if not name or name != name.strip() or len(name) > 64:
        return None
    try:
        return ZoneInfo(name)
    except Exception:  # ZoneInfoNotFoundError, ValueError for paths and odd keys
        return None


def offset_zone_name(offset: datetime.timedelta | None) -> str | None:
    """The IANA zone of a whole-hour UTC offset (+09:00 is `Etc/GMT-9`: POSIX signs are inverted)."""
    if offset is None:
        return None
    seconds = int(offset.total_seconds())
    if seconds == 0:
        return "UTC"
    hours, rest = divmod(abs(seconds), 3600)
    if rest or hours > (14 if seconds > 0 else 12):
        return None
    return f"Etc/GMT{'-' if seconds > 0 else '+'}{hours}"


def zone_name(tz: datetime.tzinfo | None) -> str | None:
    """The IANA name of a zone (as icalendar read it or the caller gave it); None when it has none.

    A VTIMEZONE whose TZID icalendar doesn't know as such becomes a zone of its own: its TZID still names
    an IANA zone when it is a Windows name (`Eastern Standard Time`) or a vendor path
    (`/freeassociation.sourceforge.net/Europe/Berlin`)."""
    if tz is None:
        return None
    key = getattr(tz, "key", None)
    if isinstance(key, str) and zone(key) is not None:
        return key
    if isinstance(tz, datetime.timezone):
        return offset_zone_name(tz.utcoffset(None))
    label = tz_label(tz)
    if label is not None:
        cleaned = label.strip("/")
        parts = cleaned.split("/")
        for candidate in (cleaned, WINDOWS_TO_OLSON.get(cleaned), *("/".join(parts[i:]) for i in range(1, len(parts)))):
            if candidate is not None and zone(candidate) is not None:
                return candidate
    name = tzid_from_tzinfo(tz)
    return name if zone(name) is not None else None


def tz_label(tz: datetime.tzinfo) -> str | None:
    """The TZID of a zone icalendar built from a VTIMEZONE, else its abbreviation."""
    label = getattr(tz, "_tzid", None)
    if isinstance(label, str):
        return label
    return tz.tzname(None)


@dataclass(frozen=True)
class When:
    """A DTSTART, DTEND or RECURRENCE-ID as read: a `day` (all-day), or a wall-clock `local` time in the
    IANA zone `zone`."""

    day: datetime.date | None = None
    local: datetime.datetime | None = None
    zone: str = "UTC"

    @property
    def instant(self) -> datetime.datetime:
        """The time as an aware datetime (a day: its midnight in `zone`)."""
        if self.local is not None:
            return self.local.replace(tzinfo=zone(self.zone) or UTC)
        assert self.day is not None
        return datetime.datetime.combine(self.day, datetime.time(), zone(self.zone) or UTC)

    def in_zone(self, name: str) -> When:
        """The same instant on the clock of another zone (a day stays a day)."""
        if self.local is None:
            return self
        target = zone(name) or UTC
        return When(local=self.instant.astimezone(target).replace(tzinfo=None), zone=name)


def read_when(value: Any, default_zone: str | None, notes: Notes, what: str = "times") -> When | None:
    """A date or date-time icalendar read: floating times are in `default_zone`; a zone without an IANA
    name is read as UTC (the instant kept)."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            if default_zone is None:
                notes.add(
                    f"floating {what} (no TZID) read as UTC: the file has no X-WR-TIMEZONE; "
                    "pass default_time_zone= to read them elsewhere"
                )
            return When(local=value.replace(microsecond=0), zone=default_zone or "UTC")
        name = zone_name(value.tzinfo)
        if name is None:
            label = tz_label(value.tzinfo) or value.tzname()
            notes.add(f"time zone {label!r} has no IANA name: its {what} are written in UTC (the instants kept)")
            return When(local=value.astimezone(UTC).replace(tzinfo=None, microsecond=0), zone="UTC")
        return When(local=value.replace(tzinfo=None, microsecond=0), zone=name)
    if isinstance(value, datetime.date):
        return When(day=value)
    return None


def aware(local: datetime.datetime, name: str) -> datetime.datetime:
    """A wall-clock time in a named zone, for icalendar to write with its TZID ("UTC" is written with Z)."""
    tz = zone(name)
    return local.replace(tzinfo=tz if tz is not None else UTC)


def instant_of(value: datetime.date, name: str | None) -> datetime.datetime:
    """An aware datetime for any date or date-time: a date is its midnight, a floating time is read in `name`."""
    tz = zone(name) or UTC
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=tz)
    return datetime.datetime.combine(value, datetime.time(), tz)


# Durations and triggers -----------------------------------------------------------------------------


def format_duration(value: datetime.timedelta) -> str:
    """An RFC 5545 / ISO 8601 duration as the APIs document them: `-PT0S` (on time), `-PT15M`, `-P1W`,
    `-P6DT12H`."""
    seconds = int(value.total_seconds())
    if seconds == 0:
        return "-PT0S"
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    if not rest and days % 7 == 0:
        return f"{sign}P{days // 7}W"
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}P{days}D" if days else f"{sign}P"
    if hours or minutes or secs:
        text += "T" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + (f"{secs}S" if secs else "")
    return text


def parse_duration(text: str) -> datetime.timedelta | None:
    """An ISO 8601 duration (`-PT10M`, `-P1W`); None when it isn't one."""
    try:
        value: Any = icalendar.vDuration.from_ical(text.strip())  # type: ignore[no-untyped-call]
    except (ValueError, TypeError):
        return None
    return value if isinstance(value, datetime.timedelta) else None


def parse_trigger(text: str) -> datetime.timedelta | datetime.datetime | None:
    """A trigger as a content line or its value: `TRIGGER:-PT10M`, `-PT10M`,
    `TRIGGER;VALUE=DATE-TIME:20240310T130000Z`; None when it can't be read."""
    text = text.strip()
    if not text.upper().startswith("TRIGGER"):
        return parse_duration(text)
    component = parse_properties([text])
    if component is None:
        return None
    value = getattr(component.get("TRIGGER"), "dt", None)
    if isinstance(value, datetime.timedelta):
        return value
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return None


def trigger_line(value: datetime.timedelta | datetime.datetime) -> str:
    """A trigger as the content line Dooray's alarms carry (`TRIGGER:-PT10M`)."""
    if isinstance(value, datetime.timedelta):
        return f"TRIGGER:{format_duration(value)}"
    return f"TRIGGER;VALUE=DATE-TIME:{value.astimezone(UTC):%Y%m%dT%H%M%SZ}"


# Properties -----------------------------------------------------------------------------------------


def parse_properties(lines: Iterable[str]) -> icalendar.Event | None:
    """Content lines (`RRULE:...`, `EXDATE;TZID=...:...`) read by icalendar as the properties of a VEVENT;
    None when a line holds a line break (it could end the component) or when icalendar reports an error."""
    lines = list(lines)
    if any("\r" in line or "\n" in line for line in lines):
        return None
    text = "BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"
    try:
        component = icalendar.Event.from_ical(text)
    except (ValueError, TypeError, IndexError, KeyError):
        return None
    if not isinstance(component, icalendar.Event) or component.errors:
        return None
    return component


def values(component: icalendar.cal.Component, name: str) -> list[Any]:
    """Every value of a property that may appear more than once."""
    found = component.get(name)
    if found is None:
        return []
    return list(found) if isinstance(found, list) else [found]


def text(component: icalendar.cal.Component, name: str) -> str | None:
    """A text property, unescaped (X- properties come back raw from icalendar)."""
    found = component.get(name)
    if isinstance(found, list):
        found = found[0] if found else None
    if found is None:
        return None
    if isinstance(found, icalendar.vText):
        return str(found)
    return str(unescape_backslash(str(found)))


def add_text(component: icalendar.cal.Component, name: str, value: str | None) -> None:
    if value is not None:
        component.add(name, icalendar.vText(value))


def dates(component: icalendar.cal.Component, name: str) -> list[list[Any]]:
    """The values of each EXDATE or RDATE property, a list per property (dates, date-times, periods)."""
    out = []
    for prop in values(component, name):
        items = getattr(prop, "dts", None)
        if items is None:
            continue
        out.append([item.dt for item in items])
    return out


def param(prop: Any, name: str) -> str | None:
    params = getattr(prop, "params", None)
    value = params.get(name) if params is not None else None
    return None if value is None else str(value)


# Addresses ------------------------------------------------------------------------------------------


def email_of(uri: str) -> str | None:
    """The address of a `mailto:` URI; None for any other URI."""
    if uri[:7].lower() != "mailto:":
        return None
    address = uri[7:].strip()
    return address or None


def address(email: str | None, fallback_uri: str, params: dict[str, str | None]) -> icalendar.vCalAddress:
    """An ATTENDEE or ORGANIZER value: `mailto:` the address, else `fallback_uri`, with the parameters given."""
    uri = f"mailto:{email}" if email else fallback_uri
    value = icalendar.vCalAddress(uri)
    for key, item in params.items():
        if item is not None:
            value.params[key] = item
    return value


def urn(kind: str, identifier: str) -> str:
    """A URI for someone who has an id and no address: `urn:x-<kind>:<id>`."""
    return f"urn:x-{kind}:{quote(identifier, safe='')}"


def from_urn(uri: str, kind: str) -> str | None:
    prefix = f"urn:x-{kind}:"
    return unquote(uri[len(prefix) :]) if uri.lower().startswith(prefix) else None


# Alarms ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AlarmSpec:
    """A VALARM as the APIs can hold it: DISPLAY or EMAIL, `offset` from the start or an instant `at`."""

    action: str
    offset: datetime.timedelta | None = None
    at: datetime.datetime | None = None
    zone: str | None = None  # X-CALSPEC-TIME-ZONE of an absolute trigger: the zone the API wrote it in


def read_alarms(
    event: icalendar.cal.Component, span: datetime.timedelta | None, default_zone: str | None, notes: Notes
) -> list[AlarmSpec]:
    """The event's VALARMs: AUDIO is read as DISPLAY; a trigger related to the end moves by the event's
    length `span`; REPEAT with DURATION gives one alarm per repetition."""
    out: list[AlarmSpec] = []
    for alarm in event.walk("VALARM"):
        action = str(alarm.get("ACTION", "DISPLAY")).upper()
        if action == "AUDIO":
            notes.add("VALARM ACTION:AUDIO read as DISPLAY (the APIs ring or show, they play no sound file)")
            action = "DISPLAY"
        if action not in ("DISPLAY", "EMAIL"):
            notes.add(f"VALARM ACTION:{action} dropped: the APIs remind by DISPLAY or EMAIL only")
            continue
        prop = alarm.get("TRIGGER")
        trigger = getattr(prop, "dt", None)
        offset: datetime.timedelta | None = None
        at: datetime.datetime | None = None
        if isinstance(trigger, datetime.timedelta):
            offset = trigger
            if (param(prop, "RELATED") or "START").upper() == "END":
                if span is None:
                    notes.add("VALARM related to the end of an event without an end: read as related to its start")
                else:
                    offset = trigger + span
        elif isinstance(trigger, datetime.datetime):
            at = instant_of(trigger, default_zone)
        else:
            notes.add("VALARM without a readable TRIGGER dropped")
            continue
        name = text(alarm, "X-CALSPEC-TIME-ZONE")
        out.append(AlarmSpec(action, offset, at, name if zone(name) is not None else None))
        repeat = alarm.get("REPEAT")
        step = getattr(alarm.get("DURATION"), "dt", None)
        if repeat is not None and isinstance(step, datetime.timedelta):
            for k in range(1, min(int(repeat), 100) + 1):
                if offset is not None:
                    out.append(AlarmSpec(action, offset + k * step))
                elif at is not None:
                    out.append(AlarmSpec(action, None, at + k * step, out[-1].zone))
    return out


def new_alarm(
    action: str,
    trigger: datetime.timedelta | datetime.datetime,
    description: str,
    email: str | None,
    time_zone: str | None = None,
) -> icalendar.Alarm:
    """A VALARM as RFC 5545 wants it: DESCRIPTION always, SUMMARY and ATTENDEE for EMAIL."""
    alarm = icalendar.Alarm()
    alarm.add("ACTION", action)
    if isinstance(trigger, datetime.timedelta):
        alarm.add("TRIGGER", icalendar.vDuration(trigger))
    else:
        alarm.add("TRIGGER", trigger.astimezone(UTC))
        add_text(alarm, "X-CALSPEC-TIME-ZONE", time_zone)
    alarm.add("DESCRIPTION", description or "Reminder")
    if action == "EMAIL":
        alarm.add("SUMMARY", description or "Reminder")
        if email:
            alarm.add("ATTENDEE", address(email, "", {}))
    return alarm


# Recurrence -----------------------------------------------------------------------------------------


def rule_for(rule: icalendar.vRecur, start: When, notes: Notes) -> icalendar.vRecur:
    """An RRULE whose UNTIL has the type RFC 5545 asks for: a date for an all-day start, UTC for a zoned
    one (a floating or date UNTIL of a timed event is read in its zone, a date as its whole day)."""
    until = rule.get("UNTIL")
    if not until:
        return rule
    value = until[0]
    fixed = icalendar.vRecur({key: item for key, item in rule.items() if key != "UNTIL"})
    if start.day is not None:
        if isinstance(value, datetime.datetime):
            value = value.astimezone(zone(start.zone) or UTC).date() if value.tzinfo else value.date()
        fixed["UNTIL"] = [value]
    else:
        if isinstance(value, datetime.datetime):
            local = value if value.tzinfo is not None else value.replace(tzinfo=zone(start.zone) or UTC)
        else:
            local = datetime.datetime.combine(value, datetime.time(23, 59, 59), zone(start.zone) or UTC)
        fixed["UNTIL"] = [local.astimezone(UTC)]
    return icalendar.vRecur({key: fixed[key] for key in _ordered(fixed)})


def _ordered(rule: icalendar.vRecur) -> list[str]:
    order = {name: index for index, name in enumerate(icalendar.vRecur.canonical_order)}
    return sorted(rule, key=lambda key: order.get(key, len(order)))


def rule_text(rule: icalendar.vRecur) -> str:
    encoded: Any = rule.to_ical()  # type: ignore[no-untyped-call]
    return bytes(encoded).decode("utf-8")


# Calendars ------------------------------------------------------------------------------------------


def new_calendar(product: str, default_zone: str | None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("PRODID", f"-//calspec//{product}//EN")
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    if default_zone is not None:
        calendar.add("X-WR-TIMEZONE", default_zone)
    return calendar


def _days_used(calendar: icalendar.Calendar) -> Iterator[datetime.date]:
    for component in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            value = getattr(component.get(name), "dt", None)
            if isinstance(value, datetime.date):
                yield value if not isinstance(value, datetime.datetime) else value.date()
        for name in ("EXDATE", "RDATE"):
            for group in dates(component, name):
                for item in group:
                    if isinstance(item, datetime.date):
                        yield item if not isinstance(item, datetime.datetime) else item.date()
        for rule in values(component, "RRULE"):
            for until in rule.get("UNTIL", ()):
                yield until if not isinstance(until, datetime.datetime) else until.date()


def serialize(calendar: icalendar.Calendar) -> str:
    """The calendar as text, with a VTIMEZONE for every zone its events use, covering the years they use
    (from the first year to two years after the last, and at least to 2038 for series without an end)."""
    days = list(_days_used(calendar))
    if days:
        first = datetime.date(min(days).year, 1, 1)
        last = max(datetime.date(min(max(days).year + 2, 9999), 1, 1), _LAST_VTIMEZONE_DAY)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return bytes(calendar.to_ical()).decode("utf-8")


@dataclass
class Group:
    """The components of one UID (None: the VEVENT had none): the event itself (`master`, None when the
    file has only some of its occurrences) and the occurrences it overrides (`overrides`)."""

    uid: str | None
    master: icalendar.Event | None = None
    overrides: list[icalendar.Event] = field(default_factory=list)


def read_calendar(source: str | bytes, default_time_zone: str | None, notes: Notes) -> tuple[str | None, list[Group]]:
    """The VEVENTs of every VCALENDAR in `source`, grouped by UID in file order, and the calendar's zone
    for floating times: X-WR-TIMEZONE, else `default_time_zone`."""
    if isinstance(source, str):
        source = source.encode("utf-8")
    calendars = icalendar.Calendar.from_ical(source, multiple=True)
    if isinstance(calendars, icalendar.Calendar):
        calendars = [calendars]
    default_zone = default_time_zone
    if default_zone is not None and zone(default_zone) is None:
        raise ValueError(f"default_time_zone {default_zone!r} is not an IANA time zone")
    groups: dict[str, Group] = {}
    for calendar in calendars:
        declared = text(calendar, "X-WR-TIMEZONE")
        if declared:
            if zone(declared) is not None:
                default_zone = declared
            else:
                notes.add(f"X-WR-TIMEZONE {declared!r} is not an IANA time zone: ignored")
        for kind in ("VTODO", "VJOURNAL", "VFREEBUSY"):
            if calendar.walk(kind):
                notes.add(f"{kind} components dropped: the APIs hold events only")
        for component in calendar.walk("VEVENT"):
            if not isinstance(component, icalendar.Event):
                continue
            event = component
            uid = text(event, "UID")
            group = groups.setdefault(uid or f"\x00{len(groups)}", Group(uid))
            if event.get("RECURRENCE-ID") is not None:
                group.overrides.append(event)
            elif group.master is None:
                group.master = event
            else:
                notes.add("a second VEVENT with the same UID and no RECURRENCE-ID dropped")
    return default_zone, list(groups.values())


def original_start(event: icalendar.cal.Component, default_zone: str | None) -> datetime.datetime:
    """The instant an override's RECURRENCE-ID names (the earliest one when it names none), to sort by."""
    value = dt(event, "RECURRENCE-ID")
    if isinstance(value, datetime.date):
        return instant_of(value, default_zone)
    return datetime.datetime.min.replace(tzinfo=UTC)


def is_cancelled(event: icalendar.cal.Component) -> bool:
    return str(event.get("STATUS", "")).upper() == "CANCELLED"


def start_and_end(
    event: icalendar.cal.Component, default_zone: str | None, notes: Notes
) -> tuple[When | None, When | None]:
    """DTSTART and the end: DTEND, else DTSTART plus DURATION, else None (RFC 5545: a timed event without
    either is an instant, an all-day one lasts its day)."""
    start = read_when(getattr(event.get("DTSTART"), "dt", None), default_zone, notes)
    if start is None:
        return None, None
    end = read_when(getattr(event.get("DTEND"), "dt", None), default_zone, notes)
    if end is None:
        duration = getattr(event.get("DURATION"), "dt", None)
        if isinstance(duration, datetime.timedelta):
            if start.day is not None:
                end = When(day=start.day + datetime.timedelta(days=duration.days))
            else:
                later = start.instant + duration
                end = When(local=later.astimezone(zone(start.zone) or UTC).replace(tzinfo=None), zone=start.zone)
    if end is not None and (end.day is None) != (start.day is None):
        notes.add("DTEND of another value type than DTSTART (date against date-time) read as DTSTART's type")
        end = (
            When(day=end.instant.date())
            if start.day is not None
            else When(
                local=datetime.datetime.combine(end.day or start.instant.date(), datetime.time()), zone=start.zone
            )
        )
    return start, end


def html_to_text(html: str) -> str:
    """Readable text of an HTML body (a DESCRIPTION is plain text): tags dropped, breaks kept."""
    from html.parser import HTMLParser

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "br":
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"):
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = _Text()
    parser.feed(html)
    parser.close()
    return re.sub(r"\n{3,}", "\n\n", "".join(parser.parts)).strip()
