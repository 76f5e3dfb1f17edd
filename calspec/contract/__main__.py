"""`calspec-contract` (and `make contract`): the contract suite of `make test`, run by the schemathesis CLI
against any server.

    LW_TOKEN=... calspec-contract --provider lineworks \\
        --base-url https://www.worksapis.com/v1.0 --token-env LW_TOKEN
    LW_TOKEN=... make contract PROVIDER=lineworks BASE_URL=https://www.worksapis.com/v1.0 TOKEN_ENV=LW_TOKEN

Takes its settings from options, or from the environment (PROVIDER, BASE_URL, TOKEN_ENV, and optionally
MAX_EXAMPLES, SEED, PHASES, REPORTS_DIR), where make puts command-line variables; an option wins.
TOKEN_ENV names the variable that holds the token, so the token is on no command line (`ps` shows
the command's). There is no option for the token itself; TOKEN=... in the environment still works, with a
warning.

The token must never be shown or written. It is checked before anything runs (ASCII, no control
characters, no "Bearer"/"dooray-api" of its own), reaches schemathesis through an environment placeholder
(so it is in no file and no command line), and schemathesis masks the Authorization header in what it
prints. After the run, any copy of it in the JUnit report is replaced by `[masked]`.

A run in which every operation called answered only 401/403 exits 3: the token was wrong, and the
checks passed only because they never got past authentication.
With nothing set it prints the usage and exits 0.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, quote_plus

from calspec.contract.harness import (
    DEFAULT_MAX_EXAMPLES,
    DEFAULT_SEED,
    PHASES,
    PROVIDERS,
    REPO,
    STATUS_LOG_VARIABLE,
    Provider,
    config_dict,
    get_provider,
    to_toml,
)

TOKEN_VARIABLE = "CALSPEC_CONTRACT_TOKEN"
# The words the providers' Authorization headers put before the token.
SCHEME_WORDS: tuple[str, ...] = tuple(sorted({p.document.auth.prefix for p in PROVIDERS.values()}))
# What TOKEN_ENV may hold. Longer "names" are refused unechoed: they are likely the token itself.
VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
MASKED = "[masked]"
EXIT_REFUSED = 2
EXIT_AUTH_FAILED = 3
USAGE = """\
usage: calspec-contract --provider lineworks|dooray --base-url URL --token-env NAME
                        [--max-examples N] [--seed N] [--phases LIST] [--reports-dir DIR]
       make contract PROVIDER=lineworks|dooray BASE_URL=URL TOKEN_ENV=NAME
                     [MAX_EXAMPLES=N] [SEED=N] [PHASES=LIST] [REPORTS_DIR=DIR]
e.g.   LW_TOKEN=... calspec-contract --provider lineworks --base-url https://www.worksapis.com/v1.0 \\
           --token-env LW_TOKEN

Runs schemathesis (every check; phases examples, coverage, fuzzing, stateful) against a running server
and writes a JUnit report to reports/contract-PROVIDER.xml (or REPORTS_DIR).

  BASE_URL   the API root: LINE WORKS  http://127.0.0.1:8080/v1.0  (make fake), https://www.worksapis.com/v1.0
                           Dooray      http://127.0.0.1:8080       (make fake), https://api.dooray.com
  TOKEN_ENV  the name of the environment variable that holds the bare token, without "Bearer" or
             "dooray-api" (fake: lw-demo-token, dooray-demo-token). TOKEN=... still works, but a token
             on make's command line is visible to other users in `ps` for the whole run.
  PHASES     a comma-separated subset of examples,coverage,fuzzing,stateful (default: all four)

Exit status: schemathesis' (0 when every check passed); 2 when a setting is refused before anything runs;
3 when every operation called answered only 401/403 (authentication failed). make shows it as
"Error N" and exits 2 itself.
Against a real account the stateful phase creates events in the token's calendars.
"""


class Refused(Exception):
    """A setting the runner will not run with; the message never contains the token."""


@dataclass(frozen=True)
class Token:
    """The token and where it came from (`$NAME` or `TOKEN`), for messages that must not show it."""

    value: str
    source: str


def mask(token: str) -> str:
    """Say that a token is set without showing any of it."""
    return f"<{len(token)} characters, hidden>" if token else "<unset>"


def read_token(env: Mapping[str, str]) -> Token | None:
    """The token named by TOKEN_ENV, or given as TOKEN; None when neither is set.

    Raises `Refused` when both are set, or TOKEN_ENV names no variable or an unset or empty one.
    """
    variable = env.get("TOKEN_ENV", "").strip()
    direct = env.get("TOKEN", "")
    if not variable:
        return Token(direct, "TOKEN") if direct.strip() else None
    if direct.strip() and variable != "TOKEN":
        raise Refused("give the token one way: TOKEN_ENV=NAME (recommended) or TOKEN=..., not both")
    if not VARIABLE_NAME.fullmatch(variable):
        # Not echoed: a value that is no variable name may be the token itself.
        raise Refused(
            "TOKEN_ENV must be the name of an environment variable (letters, digits and _, at most 64), "
            "not the token: LW_TOKEN=... make contract ... TOKEN_ENV=LW_TOKEN"
        )
    value = env.get(variable, "")
    if not value.strip():
        raise Refused(f"TOKEN_ENV names the environment variable {variable}, which is unset or empty")
    return Token(value, f"${variable}")


def check_token(token: Token, provider: Provider) -> str:
    """The token as the Authorization header will carry it, or `Refused` saying why it can't be sent.

    Checked on the value as given, so a trailing newline (from a file, say) is refused, not sent.
    """
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in token.value):
        raise Refused(
            f"the token ({token.source}) contains a control character (newline, carriage return, tab...), "
            "which an HTTP header can't carry; set it to the bare token on one line"
        )
    if not token.value.isascii():
        raise Refused(
            f"the token ({token.source}) contains non-ASCII characters, but HTTP header values must be "
            "ASCII; check that it is the token as issued (no typographic quotes or dashes)"
        )
    value = token.value.strip(" ")
    for word in SCHEME_WORDS:
        if value.lower().startswith(word.lower() + " "):
            raise Refused(
                f"the token ({token.source}) starts with {word!r}; give the bare token: the {provider.name} "
                f"Authorization header is '{provider.authorization('<token>')}', the prefix is added for you"
            )
    return value


def read_status_log(path: Path) -> list[tuple[str, int]]:
    """The (operation label, status) pairs `contract.hooks` logged; lines it didn't write are skipped."""
    if not path.exists():
        return []
    records: list[tuple[str, int]] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            label, status = json.loads(line)
        except ValueError:
            continue
        if isinstance(label, str) and isinstance(status, int):
            records.append((label, status))
    return records


def auth_failed(records: Iterable[tuple[str, int]]) -> bool:
    """Whether responses were recorded and every operation called got only 401 or 403.

    Then schemathesis' checks passed on error pages alone and its exit code says nothing about the API.
    """
    statuses: dict[str, set[int]] = {}
    for label, status in records:
        statuses.setdefault(label, set()).add(status)
    return bool(statuses) and all(seen <= {401, 403} for seen in statuses.values())


def token_forms(token: str) -> list[str]:
    """The ways a report may spell `token` (as is, percent-, JSON-, repr- and XML-escaped), longest first."""
    plain = {
        token,
        json.dumps(token)[1:-1],
        repr(token)[1:-1],
        quote(token, safe=""),
        quote(token),
        quote_plus(token),
    }
    escaped = {html.escape(form) for form in plain} | {
        form.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        for form in plain
    }
    return sorted((plain | escaped) - {""}, key=len, reverse=True)


def mask_file(path: Path, token: str) -> int:
    """Replace every form of `token` in the file with `[masked]`, in one pass; the number replaced."""
    if not token or not path.is_file():
        return 0
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    pattern = "|".join(re.escape(form) for form in token_forms(token))
    masked, count = re.subn(pattern, MASKED, text)
    if count:
        path.write_text(masked, encoding="utf-8", errors="surrogateescape")
    return count


def refuse(message: str, *, usage: bool = False) -> int:
    """Print why the run can't start and return exit code 2."""
    print(f"contract: {message}" + (f"\n\n{USAGE}" if usage else ""), file=sys.stderr)
    return EXIT_REFUSED


OPTIONS = {  # option -> the environment variable it stands for
    "--provider": "PROVIDER",
    "--base-url": "BASE_URL",
    "--token-env": "TOKEN_ENV",
    "--max-examples": "MAX_EXAMPLES",
    "--seed": "SEED",
    "--phases": "PHASES",
    "--reports-dir": "REPORTS_DIR",
}


def _options(args: list[str], env: dict[str, str]) -> None:
    """Lay the command line's options over the environment's settings, in place; Refused for others."""
    index = 0
    while index < len(args):
        name, _, value = args[index].partition("=")
        if name not in OPTIONS:
            raise Refused(f"unknown option {name[:40]!r}; the options are {', '.join(OPTIONS)} (see --help)")
        if not _:
            index += 1
            if index >= len(args):
                raise Refused(f"{name} needs a value")
            value = args[index]
        env[OPTIONS[name]] = value
        index += 1


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    """Check the settings and the token, run the CLI, then mask the report and judge authentication."""
    env = dict(os.environ if environ is None else environ)
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    try:
        _options(args, env)
    except Refused as refused:
        return refuse(str(refused), usage=True)
    provider_name = env.get("PROVIDER", "").strip()
    base_url = env.get("BASE_URL", "").strip().rstrip("/")
    if not (provider_name or base_url or env.get("TOKEN", "").strip() or env.get("TOKEN_ENV", "").strip()):
        print(USAGE)
        return 0
    try:
        given = read_token(env)
    except Refused as refused:
        return refuse(str(refused))
    if given is not None and given.source == "TOKEN":
        print(
            "contract: warning: TOKEN=... on make's command line is visible to other users in `ps` for the "
            "whole run; put the token in an environment variable and pass its name: TOKEN_ENV=NAME",
            file=sys.stderr,
        )
    missing = [
        name
        for name, present in (("PROVIDER", provider_name), ("BASE_URL", base_url), ("TOKEN_ENV", given))
        if not present
    ]
    if missing or given is None:
        return refuse(f"missing {', '.join(missing)}", usage=True)
    if provider_name not in PROVIDERS:
        return refuse(f"PROVIDER must be one of {', '.join(PROVIDERS)}, not {provider_name!r}")
    provider = get_provider(provider_name)
    try:
        token = check_token(given, provider)
    except Refused as refused:
        return refuse(str(refused))
    try:
        max_examples = int(env.get("MAX_EXAMPLES") or DEFAULT_MAX_EXAMPLES)
        seed = int(env.get("SEED") or DEFAULT_SEED)
    except ValueError:
        return refuse("MAX_EXAMPLES and SEED must be integers")
    phases = [name.strip() for name in (env.get("PHASES") or ",".join(PHASES)).split(",") if name.strip()]
    if not phases or not set(phases) <= set(PHASES):
        return refuse(f"PHASES must be a comma-separated subset of {','.join(PHASES)}")

    report = Path(env.get("REPORTS_DIR") or "reports").resolve() / f"contract-{provider.name}.xml"
    report.parent.mkdir(parents=True, exist_ok=True)
    settings = config_dict(
        provider,
        base_url=base_url,
        token="${" + TOKEN_VARIABLE + "}",
        seed=seed,
        max_examples=max_examples,
        phases=phases,
    )
    print(f"contract: provider={provider.name} base_url={base_url} token={given.source} {mask(token)}")
    print(f"contract: spec={provider.spec} report={report}", flush=True)
    with tempfile.TemporaryDirectory(prefix="calspec-contract-") as tmp:
        config_file = Path(tmp) / "schemathesis.toml"
        config_file.write_text(to_toml(settings), encoding="utf-8")
        status_log = Path(tmp) / "statuses.jsonl"
        command = [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "--config-file",
            str(config_file),
            "run",
            str(provider.spec),
            "--url",
            base_url,
            "--report",
            "junit",
            "--report-junit-path",
            str(report),
        ]
        # The config names `contract.hooks`: the CLI runs in the temporary directory, so it needs the repo.
        python_path = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
        child_env = {
            **env,
            TOKEN_VARIABLE: token,
            STATUS_LOG_VARIABLE: str(status_log),
            "PYTHONPATH": python_path,
        }
        completed = subprocess.run(command, env=child_env, cwd=tmp, check=False)
        records = read_status_log(status_log)
    masked = mask_file(report, token)
    if masked:
        print(
            f"contract: warning: the token appeared {masked} times in the JUnit report; each is now {MASKED}",
            file=sys.stderr,
        )
    print(f"contract: JUnit report in {report}; exit code {completed.returncode}", flush=True)
    if auth_failed(records):
        print(
            "contract: authentication failed: every operation answered 401/403 only. "
            f"Check the token ({given.source}) and that it is the bare token without a "
            "'Bearer'/'dooray-api' prefix.",
            file=sys.stderr,
        )
        return EXIT_AUTH_FAILED
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main())
