"""Schemathesis hooks of the contract suite (loaded through the `hooks` setting of `config_dict`).

Positive cases are generated valid rather than repaired, every per-operation fact is read from the specs'
`x-calspec-*` extensions (`PROVIDERS[...].document.operations`, found from schemathesis' operation by method
and path), and each hook runs only on the operations its extension selects (`apply_to(concerning(...))`):
no operationId, parameter name, window length or page size is written here. Negative cases keep their
defects, and no check is removed or loosened.

1. Formats (`strategies.register()`, on import). JSON Schema states `local-date-time` and `offset-date`
   as patterns, which admit 29 February of every year, and `iana-time-zone` as any non-empty string;
   schemathesis draws them from hypothesis strategies of real days and IANA names instead, so they pass
   `core.formats.FORMAT_CHECKER` as the server checks them.
2. Rules random data always breaks (`keep_rules`, `map_case`, operations whose `x-calspec-rules` name a
   rule with a keeper in `rules.KEEPERS`). A replacement's components must carry the path's `eventId`
   (`path-event-id`); a random one never is, so without this the replace operations would never be reached.
   Done where schemathesis generates, so the case is recorded as generated; the coverage and examples
   phases, which don't go through `map_case`, send what they built and item 8 judges their 400s.
3. List windows (`narrow_windows`, `before_call`, operations with `x-calspec-window`). A window longer
   than `max-days` or reversed is something JSON Schema can't state and a random one almost always is; it
   is made the longest window the spec allows from its start (its end moved; its start when the end would
   pass the year 9999), so fuzzing still reaches the list logic with odd dates and offsets, and the limit
   itself is sent every time. Reversed and too long windows are the fake's own tests' and the clients'.
4. Cursors (`use_issued_cursors`, `before_call`, `x-calspec-pagination` of type cursor). Only a
   `next-cursor` the server issued is valid; any other is replaced by the latest one issued, or dropped.
5. Demo data (`keep_demo_data`, `before_call`, operations with `x-calspec-removes`). Generated path ids are
   the demo ids half of the time (`Provider.demo_ids`) and schemathesis reuses ids it saw in answers, so a
   removal could take the demo data and leave the rest of the run with 404s. A positive case, and any case
   on a demo id, that names no resource this run created (an occurrence: its series) is pointed at the
   oldest created one it can address (each key part its path names set from that resource's key, each part
   it reads from the answer read the same way when it was created, its other path parameters from the
   creating call), or at an id that exists nowhere. Ids `Provider.operation_ids` steers the operation to
   are left alone: the registry puts them there to be removed. The stateful phase, which comes last, is
   left alone too: its walks target what they created, and schemathesis counts a parameter a hook changed
   as taken from a link, so a redirected id would read as "created, then not found".
3-5 run in `before_call`, the last moment before sending, because `map_query`/`map_path_parameters` only
see what hypothesis generates: the coverage and examples phases build their cases without them, and
which cursors were issued and which resources were created is known only while the run goes on.
schemathesis records and checks the request as sent.
6. What the run learns (`record_answers`, `after_call`, operations with `x-calspec-resource`,
   `x-calspec-removes` or a cursor). From every 2xx: the full key of the resource it names (LINE WORKS'
   default-calendar events carry their calendar as `organizerCalendarId`), whether a POST created it,
   what it removed (`x-calspec-removes`, `when` and `scope: series` honoured, an occurrence id mapped to
   its series with the resource's `series-id`), and the cursor it issued. A key part an answer doesn't
   give (a 204 DELETE through a default-calendar path) is completed from the keys learned before.
7. Removals schemathesis can't see (`accept_removed`, `filter_failure`, operations with
   `x-calspec-resource`). `ensure_resource_availability` counts only a DELETE below the same path as a
   removal, but Dooray removes with `POST .../delete`, LINE WORKS' `DELETE /calendars/{calendarId}` and
   leaving a calendar take its events, and the default-calendar paths name the same events as the
   calendar paths. Its "created, then not found" is dropped only when a removal recorded in this run
   matches the failing call's completed key; a part still unknown (no answer ever named it) matches any.
8. Rules JSON Schema can't state (`accept_broken_rules`, `filter_failure`, operations with
   `x-calspec-rules`). A positive case's `positive_data_acceptance` failure on a 400 is dropped only when
   the request breaks a rule of its operation, or may (`rules.may_be_refused`); every other 400 to a
   positive case fails the run.
9. The status log (`log_statuses`, `after_call`, every operation). Under `python -m contract` the
   operation and status of every response to a positive, well-formed case go to the file
   `STATUS_LOG_VARIABLE` names, so the runner can fail a run in which no request got past authentication.
   Negative cases and request-shape probes are left out: a server may reject those before it looks at the
   token, and a 400 or 405 there says nothing about whether the token works.

The run's record is emptied whenever a schema is loaded (`after_load_schema`).
"""

from __future__ import annotations

import datetime
import functools
import json
import os
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import schemathesis

from calspec.contract import rules, strategies
from calspec.contract.harness import PROVIDERS, STATUS_LOG_VARIABLE
from calspec.core import extensions as ext
from calspec.core.formats import parse_date_time
from calspec.core.operations import Operation
from calspec.core.pointer import get as get_pointer

strategies.register()

PATH = "$request.path."
QUERY = "$request.query."
REQUEST_BODY = "$request.body"
RESPONSE_BODY = "$response.body"
# An id no server holds: what a protected case targets when the run has created nothing to use instead.
ABSENT_ID = "calspec-contract-absent"
# A resource key, part by part; None where the call doesn't tell (a `$response` part of a 404).
Key = dict[str, str | None]


# The spec's operations, found from schemathesis' -------------------------------------------------------


@functools.cache
def _operations() -> dict[tuple[str, str], Operation]:
    found: dict[tuple[str, str], Operation] = {}
    for provider in PROVIDERS.values():
        for op in provider.document.operations:
            where = (op.method, op.path)
            if where in found:
                raise ValueError(f"{op.key} and {found[where].key} share {op.method} {op.path}")
            found[where] = op
    return found


def operation_of(api_operation: Any) -> Operation | None:
    """The compiled operation (with its extensions) behind a schemathesis `APIOperation`."""
    return _operations().get((str(api_operation.method).upper(), str(api_operation.path)))


def concerning(predicate: Callable[[Operation], bool]) -> Callable[[Any], bool]:
    """A schemathesis filter (`apply_to`) that selects the operations whose extensions meet `predicate`."""

    def matcher(ctx: Any) -> bool:
        op = operation_of(ctx.operation)
        return op is not None and predicate(op)

    matcher.__name__ = predicate.__name__
    return matcher


Hook = TypeVar("Hook", bound=Callable[..., Any])


def hook_for(name: str, predicate: Callable[[Operation], bool]) -> Callable[[Hook], Hook]:
    """Register a hook `name` that runs only on the operations `predicate` selects (`apply_to`)."""
    register: Any = schemathesis.hook(name)
    register.apply_to(concerning(predicate))

    def decorate(func: Hook) -> Hook:
        register(func)
        return func

    return decorate


def has_window(op: Operation) -> bool:
    return op.window is not None


def issues_cursors(op: Operation) -> bool:
    pagination = op.pagination
    return pagination is not None and pagination.cursor is not None and pagination.next_cursor is not None


def removes(op: Operation) -> bool:
    return bool(op.removes) and op.resource is not None


def has_rules(op: Operation) -> bool:
    return bool(op.rules)


def has_keepers(op: Operation) -> bool:
    return any(rule.name in rules.KEEPERS.get(op.provider, {}) for rule in op.rules)


def has_resource(op: Operation) -> bool:
    return op.resource is not None


def records(op: Operation) -> bool:
    """Whether a 2xx of the operation teaches the run something: a key, a removal, a cursor."""
    return has_resource(op) or bool(op.removes) or issues_cursors(op)


def creates(op: Operation) -> bool:
    """A POST whose resource key takes a part from the answer makes a new resource."""
    resource = op.resource
    return (
        op.method == "POST"
        and resource is not None
        and any(part.startswith(RESPONSE_BODY) for part in resource.key.values())
    )


def path_parts(key: Mapping[str, str]) -> dict[str, str]:
    """Key part -> the path parameter it is read from, for the parts a path names."""
    return {part: expr[len(PATH) :] for part, expr in key.items() if expr.startswith(PATH)}


# Runtime expressions -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """A request as sent and, after it, its answer's JSON body (None when there is none)."""

    path: Mapping[str, Any] = field(default_factory=dict)
    query: Mapping[str, Any] = field(default_factory=dict)
    body: Any = None
    response: Any = None


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value)


def evaluate(expression: str, call: Call) -> str | None:
    """An OpenAPI runtime expression (`$request.path.X`, `$response.body#/p`...) over `call`."""
    if expression.startswith(PATH):
        return _scalar(call.path.get(expression[len(PATH) :]))
    if expression.startswith(QUERY):
        return _scalar(call.query.get(expression[len(QUERY) :]))
    source, _, pointer = expression.partition("#")
    if source == REQUEST_BODY:
        return _scalar(get_pointer(call.body, pointer, None))
    if source == RESPONSE_BODY:
        return _scalar(get_pointer(call.response, pointer, None))
    raise ValueError(f"not a runtime expression the hooks read: {expression}")


def series_of(value: str, series_id: str | None) -> str:
    """The series an id belongs to (`series-id`'s group `series`); an id that isn't an occurrence's
    is its own series."""
    if series_id is not None:
        match = re.match(series_id, value)
        if match is not None:
            return match.group("series")
    return value


# What the run learns -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """A resource a 2xx answer named in full: its key, the expression each part was read with, and
    the path parameters of that call."""

    provider: str
    kind: str
    key: Mapping[str, str]
    sources: Mapping[str, str]
    path: Mapping[str, str]


@dataclass(frozen=True)
class Gone:
    """What a removal that succeeded took away: every resource of `kind` whose key agrees with each
    known part (None matches anything); with `series_id`, the `series_part` is compared by series."""

    provider: str
    kind: str
    key: Mapping[str, str | None]
    series_part: str | None = None
    series_id: str | None = None

    def takes(self, provider: str, kind: str, key: Mapping[str, str | None]) -> bool:
        if (provider, kind) != (self.provider, self.kind):
            return False
        for part, gone in self.key.items():
            have = key.get(part)
            if gone is None or have is None:
                continue
            if part == self.series_part:
                have = series_of(have, self.series_id)
            if have != gone:
                return False
        return True


@dataclass
class RunRecord:
    """What one run learned, created, removed and was issued."""

    learned: list[Known] = field(default_factory=list)
    owned: list[Known] = field(default_factory=list)
    gone: list[Gone] = field(default_factory=list)
    # operation key -> the cursors its answers issued, oldest first
    cursors: dict[str, list[str]] = field(default_factory=dict)

    def clear(self) -> None:
        self.learned.clear()
        self.owned.clear()
        self.gone.clear()
        self.cursors.clear()


RUN = RunRecord()


def forget_run() -> None:
    """Start a new run with nothing recorded."""
    RUN.clear()


def complete(provider: str, kind: str, key: Key, expressions: Mapping[str, str]) -> list[Key]:
    """`key` with its unknown parts filled from the keys the run learned that agree with its known
    ones: those learned through the same expressions when there are any, else any. Several answers
    give several keys; none leaves the parts unknown."""
    missing = [part for part, value in key.items() if value is None]
    if not missing:
        return [key]
    agreeing = [
        known
        for known in RUN.learned
        if (known.provider, known.kind) == (provider, kind)
        and all(value is None or known.key.get(part) == value for part, value in key.items())
        and all(part in known.key for part in missing)
    ]
    same = [k for k in agreeing if all(k.sources.get(part) == expressions[part] for part in missing)]
    completions: list[Key] = []
    for known in same or agreeing:
        filled: Key = {**key, **{part: known.key[part] for part in missing}}
        if filled not in completions:
            completions.append(filled)
    return completions or [key]


def resource_keys(op: Operation, call: Call) -> list[Key]:
    """The keys of the resource a call addresses, completed from what the run learned."""
    resource = op.resource
    if resource is None:
        return []
    key: Key = {part: evaluate(expr, call) for part, expr in resource.key.items()}
    return complete(op.provider, resource.kind, key, resource.key)


def _applies(removal: ext.Removal, call: Call) -> bool:
    if removal.when_value is None:
        return True
    value = evaluate(removal.when_value, call)
    return (removal.when_default if value is None else value) in removal.when_in


def record(op: Operation, status: int, call: Call) -> None:
    """Remember what a successful call named, created, removed or issued."""
    if not 200 <= status < 300:
        return
    resource = op.resource
    if resource is not None:
        key = {part: evaluate(expr, call) for part, expr in resource.key.items()}
        if all(value is not None for value in key.values()):
            path = {name: str(value) for name, value in call.path.items()}
            known = Known(op.provider, resource.kind, {p: str(v) for p, v in key.items()}, resource.key, path)
            RUN.learned.append(known)
            if creates(op):
                RUN.owned.append(known)
    for removal in op.removes:
        if not _applies(removal, call):
            continue
        partial: Key = {part: evaluate(expr, call) for part, expr in removal.key.items()}
        series = removal.scope == "series" and resource is not None and resource.series_of in partial
        for key in complete(op.provider, removal.kind, partial, removal.key):
            if series and resource is not None and resource.series_of is not None:
                part = resource.series_of
                value = key[part]
                key = {**key, part: None if value is None else series_of(value, resource.series_id)}
                gone = Gone(op.provider, removal.kind, key, part, resource.series_id)
            else:
                gone = Gone(op.provider, removal.kind, key)
            RUN.gone.append(gone)
            RUN.owned[:] = [k for k in RUN.owned if not gone.takes(k.provider, k.kind, dict(k.key))]
    pagination = op.pagination
    if issues_cursors(op) and pagination is not None and pagination.next_cursor is not None:
        cursor = _scalar(get_pointer(call.response, pagination.next_cursor, None))
        if cursor is not None:
            RUN.cursors.setdefault(op.key, []).append(cursor)


def removed(op: Operation, call: Call) -> bool:
    """Whether a removal that succeeded in this run took the resource the call addresses."""
    resource = op.resource
    if resource is None:
        return False
    keys = resource_keys(op, call)
    return any(gone.takes(op.provider, resource.kind, key) for gone in RUN.gone for key in keys)


# Accommodations ----------------------------------------------------------------------------------------


def _epoch(value: datetime.datetime) -> int:
    """Whole UTC epoch seconds, as the server counts a window (no conversion that can overflow)."""
    naive = value.replace(tzinfo=None, microsecond=0)
    offset = value.utcoffset() or datetime.timedelta(0)
    return (naive - datetime.datetime(1970, 1, 1) - offset) // datetime.timedelta(seconds=1)


def _date_time(value: object) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return parse_date_time(value)
    except ValueError:
        return None


def narrow_window(query: dict[str, Any], window: ext.Window) -> None:
    """Make `query`'s window the longest the spec allows from its start, in place, when both ends
    parse and it is reversed or longer than `window.max_days`."""
    start, end = _date_time(query.get(window.start)), _date_time(query.get(window.end))
    if start is None or end is None or 0 <= _epoch(end) - _epoch(start) <= window.max_seconds:
        return
    longest = datetime.timedelta(seconds=window.max_seconds)
    try:
        query[window.end] = (start + longest).isoformat()
    except OverflowError:
        try:
            query[window.start] = (end - longest).isoformat()
        except OverflowError:
            return


def use_issued_cursor(query: dict[str, Any], parameter: str, issued: list[str]) -> None:
    """Replace a cursor the server did not issue with the latest one it did, or drop it, in place."""
    cursor = query.get(parameter)
    if cursor is None or cursor in issued:
        return
    if issued:
        query[parameter] = issued[-1]
    else:
        del query[parameter]


def owns(op: Operation, path: Mapping[str, Any]) -> bool:
    """Whether the run created what the call's path names (an occurrence: its series)."""
    resource = op.resource
    if resource is None:
        return False
    named = {part: _scalar(path.get(name)) for part, name in path_parts(resource.key).items()}
    if not named or any(value is None for value in named.values()):
        return False

    def same(part: str, have: str, mine: str) -> bool:
        if part == resource.series_of:
            return series_of(have, resource.series_id) == series_of(mine, resource.series_id)
        return have == mine

    return any(
        (known.provider, known.kind) == (op.provider, resource.kind)
        and all(
            part in known.key and same(part, str(value), known.key[part]) for part, value in named.items()
        )
        for known in RUN.owned
    )


def targets(op: Operation) -> list[Known]:
    """Resources this run created that the operation can address by its path: each part the path
    names is in their key, and each part it reads from the answer was read the same way."""
    resource = op.resource
    if resource is None:
        return []
    return [
        known
        for known in RUN.owned
        if (known.provider, known.kind) == (op.provider, resource.kind)
        and all(
            part in known.key if expr.startswith(PATH) else known.sources.get(part) == expr
            for part, expr in resource.key.items()
        )
    ]


def redirect(op: Operation, path: dict[str, Any]) -> None:
    """Point a case at the oldest resource this run created that it can address, or at nothing."""
    resource = op.resource
    if resource is None:
        return
    parts = path_parts(resource.key)
    candidates = targets(op)
    if not candidates:
        for name in parts.values():
            path[name] = ABSENT_ID
        return
    chosen = candidates[0]
    for part, name in parts.items():
        path[name] = chosen.key[part]
    for name in (p.name for p in op.parameters if p.location == "path"):
        if name not in parts.values() and name in chosen.path:
            path[name] = chosen.path[name]


def protect(op: Operation, path: dict[str, Any], positive: bool) -> None:
    """Keep a removing case off data the run did not create (see the module docstring)."""
    resource = op.resource
    if resource is None or owns(op, path):
        return
    provider = PROVIDERS[op.provider]
    names = list(path_parts(resource.key).values())
    steering = provider.operation_ids.get(op.operation_id, {})
    if any(path.get(name) in steering.get(f"path.{name}", ()) for name in names):
        return  # the registry steers this operation there on purpose
    demo = any(path.get(name) in provider.demo_ids.get(f"path.{name}", ()) for name in names)
    # A negative case may carry its defect in this very id; a demo id is valid, so the defect is elsewhere.
    if positive or demo:
        redirect(op, path)


# Reading schemathesis' cases ---------------------------------------------------------------------------


def _body(value: Any) -> Any:
    return value if isinstance(value, dict | list | str | int | float | bool) else None


def call_of(case: Any, response: Any = None) -> Call:
    answer = None
    if response is not None and response.content:
        try:
            answer = json.loads(response.content)
        except ValueError:
            answer = None
    return Call(
        path=dict(case.path_parameters or {}),
        query=dict(case.query or {}),
        body=_body(case.body),
        response=answer,
    )


def _is_positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    return meta is not None and bool(meta.generation.mode.is_positive)


def _phase(case: Any) -> str:
    meta = getattr(case, "meta", None)
    return str(meta.phase.name.value) if meta is not None else ""


def _operation(context: Any) -> Operation:
    op = operation_of(context.operation)
    if op is None:  # the filters select only operations the specs define
        raise LookupError(f"no spec operation for {context.operation.label}")
    return op


# The hooks ---------------------------------------------------------------------------------------------


@schemathesis.hook
def after_load_schema(context: Any, schema: Any) -> None:
    """A new run: what an earlier run (against another server, maybe) created is not ours."""
    forget_run()


@hook_for("map_case", has_keepers)
def keep_rules(context: Any, case: Any) -> Any:
    """0. A generated positive case keeps the rules random data breaks (`rules.KEEPERS`)."""
    if _is_positive(case) and case.path_parameters:
        request = rules.Request(_operation(context), body=_body(case.body), path=case.path_parameters)
        rules.keep(request)
    return case


@hook_for("before_call", has_window)
def narrow_windows(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """1. A positive case's window within `x-calspec-window`."""
    window = _operation(context).window
    if window is not None and case.query and _is_positive(case):
        narrow_window(case.query, window)


@hook_for("before_call", issues_cursors)
def use_issued_cursors(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """2. A positive case's cursor one the server issued (`x-calspec-pagination`)."""
    op = _operation(context)
    if op.pagination is not None and op.pagination.cursor is not None and case.query and _is_positive(case):
        use_issued_cursor(case.query, op.pagination.cursor, RUN.cursors.get(op.key, []))


@hook_for("before_call", removes)
def keep_demo_data(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """3. A removing case off the demo data (`x-calspec-removes`, `x-calspec-resource`)."""
    if case.path_parameters and _phase(case) != "stateful":
        protect(_operation(context), case.path_parameters, _is_positive(case))


_STATUS_LOG_LOCK = threading.Lock()
# Coverage scenarios malformed on purpose (schemathesis' request-shape probes).
REQUEST_SHAPE_PROBES = frozenset(
    {"unspecified_http_method", "malformed_content_type", "unsupported_content_type"}
)


def tells_auth(case: Any) -> bool:
    """Whether the answer to `case` shows if the token works: a positive, well-formed request, not a probe."""
    if not _is_positive(case) or str(case.method).upper() != str(case.operation.method).upper():
        return False
    scenario = getattr(getattr(case.meta.phase, "data", None), "scenario", None)
    return str(scenario) not in REQUEST_SHAPE_PROBES


def log_status(path: str, label: str, status: int) -> None:
    """Append one response's operation and status to the runner's status log, one JSON array a line."""
    line = json.dumps([label, status]) + "\n"
    with _STATUS_LOG_LOCK, open(path, "a", encoding="utf-8") as log:
        log.write(line)


@schemathesis.hook("after_call")
def log_statuses(context: Any, case: Any, response: Any) -> None:
    """6. The status of a response that tells whether the token works, for the runner."""
    status_log = os.environ.get(STATUS_LOG_VARIABLE)
    if status_log and tells_auth(case):
        log_status(status_log, str(case.operation.label), int(response.status_code))


@hook_for("after_call", records)
def record_answers(context: Any, case: Any, response: Any) -> None:
    """4. What a 2xx named, created, removed or issued, in every phase."""
    if 200 <= response.status_code < 300:
        record(_operation(context), int(response.status_code), call_of(case, response))


@hook_for("filter_failure", has_rules)
def accept_broken_rules(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """5. Drop a positive case's 400 when the request breaks a rule of `x-calspec-rules` (or may)."""
    if "positive_data_acceptance" not in getattr(failure, "checks", ()) or response.status_code != 400:
        return True
    call = call_of(case)
    request = rules.Request(_operation(context), body=call.body, path=call.path, query=call.query)
    return not rules.may_be_refused(request)


@hook_for("filter_failure", has_resource)
def accept_removed(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """7. Drop "created, then not found" when a removal in this run took the resource."""
    if "ensure_resource_availability" not in getattr(failure, "checks", ()):
        return True
    return not removed(_operation(context), call_of(case, response))
