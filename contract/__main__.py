"""`make contract`: the contract suite of `make test`, run by the schemathesis CLI against any server.

    make contract PROVIDER=lineworks|dooray BASE_URL=http://127.0.0.1:8080/v1.0 TOKEN=...

Reads PROVIDER, BASE_URL and TOKEN (and optionally MAX_EXAMPLES, SEED, PHASES, REPORTS_DIR) from the
environment, where make puts command-line variables. The token reaches schemathesis through an
environment placeholder, so it is in no file and no command line, and schemathesis masks the
Authorization header in what it prints.
With nothing set it prints this help and exits 0.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from contract.harness import (
    DEFAULT_MAX_EXAMPLES,
    DEFAULT_SEED,
    PHASES,
    PROVIDERS,
    REPO,
    config_dict,
    get_provider,
    to_toml,
)

TOKEN_VARIABLE = "CALSPEC_CONTRACT_TOKEN"
USAGE = """\
usage: make contract PROVIDER=lineworks|dooray BASE_URL=URL TOKEN=TOKEN
                     [MAX_EXAMPLES=N] [SEED=N] [PHASES=LIST] [REPORTS_DIR=DIR]

Runs schemathesis (every check; phases examples, coverage, fuzzing, stateful) against a running server
and writes a JUnit report to reports/contract-PROVIDER.xml (or REPORTS_DIR).

  BASE_URL  the API root: LINE WORKS  http://127.0.0.1:8080/v1.0   (make fake), https://www.worksapis.com/v1.0
                          Dooray      http://127.0.0.1:8080        (make fake), https://api.dooray.com
  TOKEN     the bare token, without "Bearer" or "dooray-api" (fake: lw-demo-token, dooray-demo-token)
  PHASES    a comma-separated subset of examples,coverage,fuzzing,stateful (default: all four)

Against a real account the stateful phase creates events in the token's calendars.
"""


def mask(token: str) -> str:
    """Say that a token is set without showing any of it."""
    return f"<{len(token)} characters, hidden>" if token else "<unset>"


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    """Check the variables, write a config with a token placeholder, run the CLI, return its exit code."""
    env = dict(os.environ if environ is None else environ)
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(USAGE)
        return 0
    provider_name = env.get("PROVIDER", "").strip()
    base_url = env.get("BASE_URL", "").strip().rstrip("/")
    token = env.get("TOKEN", "").strip()
    if not (provider_name or base_url or token):
        print(USAGE)
        return 0
    missing = [
        name
        for name, value in (("PROVIDER", provider_name), ("BASE_URL", base_url), ("TOKEN", token))
        if not value
    ]
    if missing:
        print(f"contract: missing {', '.join(missing)}\n\n{USAGE}", file=sys.stderr)
        return 2
    if provider_name not in PROVIDERS:
        print(
            f"contract: PROVIDER must be one of {', '.join(PROVIDERS)}, not {provider_name!r}",
            file=sys.stderr,
        )
        return 2
    provider = get_provider(provider_name)
    try:
        max_examples = int(env.get("MAX_EXAMPLES") or DEFAULT_MAX_EXAMPLES)
        seed = int(env.get("SEED") or DEFAULT_SEED)
    except ValueError:
        print("contract: MAX_EXAMPLES and SEED must be integers", file=sys.stderr)
        return 2
    phases = [name.strip() for name in (env.get("PHASES") or ",".join(PHASES)).split(",") if name.strip()]
    if not phases or not set(phases) <= set(PHASES):
        print(f"contract: PHASES must be a comma-separated subset of {','.join(PHASES)}", file=sys.stderr)
        return 2

    report = Path(env.get("REPORTS_DIR") or REPO / "reports").resolve() / f"contract-{provider.name}.xml"
    report.parent.mkdir(parents=True, exist_ok=True)
    settings = config_dict(
        provider,
        base_url=base_url,
        token="${" + TOKEN_VARIABLE + "}",
        seed=seed,
        max_examples=max_examples,
        phases=phases,
    )
    print(f"contract: provider={provider.name} base_url={base_url} token={mask(token)}")
    print(f"contract: spec={provider.spec.relative_to(REPO)} report={report}", flush=True)
    with tempfile.TemporaryDirectory(prefix="calspec-contract-") as tmp:
        config_file = Path(tmp) / "schemathesis.toml"
        config_file.write_text(to_toml(settings), encoding="utf-8")
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
        child_env = {**env, TOKEN_VARIABLE: token, "PYTHONPATH": python_path}
        completed = subprocess.run(command, env=child_env, cwd=tmp, check=False)
    print(f"contract: JUnit report in {report}; exit code {completed.returncode}")
    return completed.returncode


if __name__ == "__main__":
    sys.exit(main())
