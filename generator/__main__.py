"""CLI: python -m generator {lint,generate,check,diff} [--provider lineworks|dooray].

lint                       lint the specs
generate                   lint, then regenerate generated/<project> (keeping its CHANGELOG.md)
check [--base REV]         generated/ is current, and a spec changed since REV's lock file (default
                           $RELEASE_BASE or HEAD) comes with a higher client_version
diff OLD [NEW] [--changelog]
                           the changes between two revisions of the specs (git revisions, spec files
                           or folders; NEW defaults to the working tree), BREAKING or not; exit 1 when
                           something breaks. --changelog prepends an entry to generated/<project>/CHANGELOG.md
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from calspec.core.locations import SPEC_DIR
from calspec.core.providers import PROVIDERS, Provider

from .check import check
from .diff import DiffError, changelog_entry, diff_provider, prepend_changelog, report
from .generate import GenerationError, generate
from .layout import ROOT, display_path, output_dir
from .lint import lint_spec
from .release import VersionError


def _lint(providers: list[Provider]) -> bool:
    ok = True
    for provider in providers:
        errors = lint_spec(provider.spec)
        for line in errors:
            print(line)
        ok = ok and not errors
    return ok


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--provider", choices=sorted(PROVIDERS), help="default: every provider")
    parser = argparse.ArgumentParser(
        prog="python -m generator", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("lint", parents=[common], help="lint the specs")
    commands.add_parser("generate", parents=[common], help="lint and regenerate generated/")
    check_parser = commands.add_parser("check", parents=[common], help="generated/ is current and versioned")
    check_parser.add_argument(
        "--base",
        help="the git revision holding the last release's lock files (default: $RELEASE_BASE or HEAD)",
    )
    diff_parser = commands.add_parser(
        "diff", parents=[common], help="breaking-change report between revisions"
    )
    diff_parser.add_argument("old", metavar="OLD", help="git revision, spec file or spec folder")
    diff_parser.add_argument(
        "new", metavar="NEW", nargs="?", default=str(SPEC_DIR), help="the same (default: the working tree)"
    )
    diff_parser.add_argument("--changelog", action="store_true", help="prepend an entry to CHANGELOG.md")
    diff_parser.add_argument("--repo", type=Path, default=ROOT, help="the git repository (default: this one)")
    return parser


def _diff_providers(args: argparse.Namespace) -> list[Provider]:
    """Every provider, --provider's, or the one whose spec a file argument is."""
    if args.provider:
        return [PROVIDERS[args.provider]]
    files = [Path(r).resolve() for r in (args.old, args.new) if Path(r).is_file()]
    if not files:
        return list(PROVIDERS.values())
    matched = [p for p in PROVIDERS.values() if p.spec.resolve() in files]
    if len(matched) != 1:
        raise DiffError("a spec file was given: name its provider with --provider")
    return matched


def _diff(args: argparse.Namespace) -> int:
    breaking = False
    for provider in _diff_providers(args):
        result = diff_provider(provider, args.old, args.new, args.repo)
        print(report(result), end="")
        breaking = breaking or result.breaking
        if args.changelog and result.changes:
            path = args.repo / output_dir(provider).relative_to(ROOT) / "CHANGELOG.md"
            prepend_changelog(path, provider.project_name, changelog_entry(result, datetime.date.today()))
            print(f"  {display_path(path)}: added {result.version}")
    return 1 if breaking else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    providers = [PROVIDERS[args.provider]] if args.provider else list(PROVIDERS.values())

    if args.command == "lint":
        ok = _lint(providers)
        if ok:
            print("lint: " + ", ".join(display_path(p.spec) for p in providers) + ": clean")
        return 0 if ok else 1
    try:
        if args.command == "diff":
            return _diff(args)
        if args.command == "generate":
            if not _lint(providers):
                print("lint failed: not generating", file=sys.stderr)
                return 1
            for provider in providers:
                generate(provider)
            return 0
        results = [check(provider, base=args.base) for provider in providers]
        return 0 if all(results) else 1
    except (GenerationError, VersionError, DiffError) as exc:
        print(exc, file=sys.stderr)
        return 2 if args.command == "diff" else 1


if __name__ == "__main__":
    sys.exit(main())
