"""CLI: python -m generator {lint,generate,check} [--provider lineworks|dooray]."""

from __future__ import annotations

import argparse
import sys

from calspec.core.providers import PROVIDERS, Provider

from .check import check
from .generate import GenerationError, generate
from .layout import display_path
from .lint import lint_spec


def _lint(providers: list[Provider]) -> bool:
    ok = True
    for provider in providers:
        errors = lint_spec(provider.spec)
        for line in errors:
            print(line)
        ok = ok and not errors
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument("command", choices=["lint", "generate", "check"])
    parser.add_argument("--provider", choices=sorted(PROVIDERS), help="default: both")
    args = parser.parse_args(argv)
    providers = [PROVIDERS[args.provider]] if args.provider else list(PROVIDERS.values())

    if args.command == "lint":
        ok = _lint(providers)
        if ok:
            print("lint: " + ", ".join(display_path(p.spec) for p in providers) + ": clean")
        return 0 if ok else 1
    try:
        if args.command == "generate":
            if not _lint(providers):
                print("lint failed: not generating", file=sys.stderr)
                return 1
            for provider in providers:
                generate(provider)
            return 0
        results = [check(provider) for provider in providers]
        return 0 if all(results) else 1
    except GenerationError as exc:
        print(exc, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
