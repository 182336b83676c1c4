"""The command line: ``convert`` between formats, ``summary`` of a region's minutes,
``--version``, and the GUI's arguments.

``convert`` never imports Qt (only the PDF writer does, when a PDF is asked for), nor does
``summary``, so they start fast and run on machines without a display.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator_app import EXIT_BAD_INPUT
from facilitator_app.formats import WRITABLE, read_workshop, refuse_open_workshop, write_workshop
from facilitator_app.paths import DEFAULT_DEMO, DEMOS
from facilitator_app.workshop.errors import BadInputError, WorkshopError

if TYPE_CHECKING:
    from facilitator_app.minutes.options import MinutesOptions
    from facilitator_app.summary import UncertainMatch


def convert_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator-app convert",
        description="Convert a workshop between formats, chosen by the files' suffixes: "
        ".json and .workshop both ways; .docx, .md and .pdf minutes; minutes (.docx) read back "
        "into a workshop.",
    )
    parser.add_argument(
        "input", type=Path, help="a .json or .workshop file, or minutes (.docx) to continue from"
    )
    parser.add_argument("output", type=Path, help="a .workshop, .json, .docx, .md or .pdf file")
    parser.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    minutes = parser.add_argument_group("minutes (.docx, .md, .pdf)")
    minutes.add_argument("--public", action="store_true", help="leave out every attendee name")
    minutes.add_argument(
        "--attendance", action="store_true", help="add the attendance list as an appendix"
    )
    minutes.add_argument("--lang", choices=("cs", "en"), help="the minutes' language")
    minutes.add_argument("--template", type=Path, help="a .docx whose styles and page to use")
    minutes.add_argument(
        "--order-by-votes",
        action="store_true",
        help="order each level of activities, each SWOT quadrant and the problems by votes",
    )
    minutes.add_argument(
        "--numbered",
        action="store_true",
        help="number the activities as the tree does (3.1.2: the block's number first); "
        "in .docx a numbered multi-level list",
    )
    minutes.add_argument(
        "--reference-analysis",
        action="store_true",
        help="in a later meeting's minutes, repeat the SWOT and problems it carried over",
    )
    minutes.add_argument(
        "--redline",
        action="store_true",
        help="write each theme's vision as tracked changes from its draft (.docx only)",
    )
    return parser


def minutes_options(options: argparse.Namespace) -> MinutesOptions:
    from facilitator_app.minutes.options import MinutesOptions

    return MinutesOptions(
        public=options.public,
        attendance=options.attendance,
        language=options.lang,
        template=options.template,
        order_by_votes=options.order_by_votes,
        numbered=options.numbered,
        redline=options.redline,
        reference_analysis=options.reference_analysis,
    )


def convert(argv: Sequence[str]) -> int:
    options = convert_parser().parse_args(argv)
    source: Path = options.input
    target: Path = options.output
    try:
        if target.suffix.lower() not in WRITABLE:
            raise BadInputError(
                target,
                f"cannot write {target.suffix or 'files without a suffix'}: use "
                + ", ".join(WRITABLE),
            )
        if target.exists() and source.exists() and target.resolve() == source.resolve():
            raise BadInputError(target, "is the input file; choose another output")
        if target.is_dir():
            raise BadInputError(target, "is a folder; give a file name")
        if not target.parent.is_dir():
            raise BadInputError(target, "its folder does not exist")
        if target.exists() and not options.force:
            raise BadInputError(target, "exists already; add --force to overwrite it")
        if target.suffix.lower() == ".workshop":
            refuse_open_workshop(target)
        if options.template is not None and not options.template.is_file():
            raise BadInputError(options.template, "no such template file")
        data = read_workshop(source)
        write_workshop(data, target, minutes_options(options))
    except WorkshopError as error:
        print(f"facilitator-app: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        where = error.filename or target
        print(f"facilitator-app: {where}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def summary_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator-app summary",
        description="Merge many groups' minutes (.workshop, .json or .docx, each one meeting of "
        "a group; groups are told apart by their titles) into one region summary: a workbook "
        "(.xlsx) of every activity, the SWOT, the remarks, the attendance and the counts per "
        "group and meeting, or a document (.docx) theme by theme. A file that cannot be read "
        "is skipped and named on stderr, and the rest is summarised; the exit status is then "
        "2, as it is when nothing could be read (and nothing is written).",
    )
    parser.add_argument(
        "inputs", nargs="+", type=Path, metavar="FILE", help="a meeting's .workshop, .json or .docx"
    )
    parser.add_argument(
        "-o",
        "--output",
        dest="outputs",
        action="append",
        type=Path,
        required=True,
        metavar="OUT",
        help="a .xlsx or .docx file to write (give -o twice for both)",
    )
    parser.add_argument("--public", action="store_true", help="leave out every person's name")
    parser.add_argument(
        "--language", "--lang", choices=("cs", "en"), default="cs", help="the summary's language"
    )
    parser.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    return parser


def _check_summary_target(target: Path, inputs: Sequence[Path], force: bool) -> None:
    from facilitator_app.summary import SUFFIXES

    if target.suffix.lower() not in SUFFIXES:
        raise BadInputError(
            target,
            f"cannot write a summary as {target.suffix or 'a file without a suffix'}: use "
            + " or ".join(SUFFIXES),
        )
    if target.exists() and any(p.exists() and p.resolve() == target.resolve() for p in inputs):
        raise BadInputError(target, "is one of the input files; choose another output")
    if target.is_dir():
        raise BadInputError(target, "is a folder; give a file name")
    if not target.parent.is_dir():
        raise BadInputError(target, "its folder does not exist")
    if target.exists() and not force:
        raise BadInputError(target, "exists already; add --force to overwrite it")


def summary(argv: Sequence[str]) -> int:
    """``summary FILE… -o OUT``: every bad file named on stderr, the rest summarised."""
    from facilitator_app.summary import summarise, write_summary

    options = summary_parser().parse_args(argv)
    inputs: list[Path] = options.inputs
    try:
        for target in options.outputs:
            _check_summary_target(target, inputs, options.force)
    except WorkshopError as error:
        print(f"facilitator-app: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    result = summarise(inputs)
    for file_error in result.errors:
        print(f"facilitator-app: {file_error}", file=sys.stderr)
    if not result.groups:
        print("facilitator-app: no file could be read; nothing written", file=sys.stderr)
        return EXIT_BAD_INPUT
    _tell_uncertain_matches(result.people.uncertain, options.public)
    try:
        for target in options.outputs:
            write_summary(result, target, options.language, options.public)
    except WorkshopError as error:
        print(f"facilitator-app: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_BAD_INPUT if result.errors else 0


def _tell_uncertain_matches(uncertain: Sequence[UncertainMatch], public: bool) -> None:
    """The persons who may be one, on stderr (their names only when not --public)."""
    if not uncertain:
        return
    if public:
        print(
            f"facilitator-app: {len(uncertain)} uncertain matches of persons, kept apart "
            "(a summary without --public lists them)",
            file=sys.stderr,
        )
        return
    for match in uncertain:
        persons = " / ".join(
            f"{p.name} ({p.organisation})" if p.organisation else p.name for p in match.persons
        )
        doubts = ", ".join(sorted(match.doubts))
        print(
            f"facilitator-app: uncertain match, kept apart: {persons} [{doubts}]", file=sys.stderr
        )


class VersionAction(argparse.Action):
    """``--version``, reading the package metadata only when asked (it is slow to load)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, **kwargs)  # type: ignore[arg-type]

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from facilitator_app import _version

        print(f"facilitator-app {_version()}")
        parser.exit()


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="facilitator-app",
        description="Run a strategy workshop: attendees, a projected vision, an activity tree, "
        "and the minutes. `facilitator-app convert --help` for the command line converter, "
        "`facilitator-app summary --help` for a region's summary.",
    )
    parser.add_argument("file", nargs="?", type=Path, help="a .workshop or .json file to open")
    parser.add_argument("--version", action=VersionAction, help="print the version and exit")
    parser.add_argument(
        "--demo",
        nargs="?",
        const=DEFAULT_DEMO,
        choices=tuple(DEMOS),
        help=f"open a demo workshop ({DEFAULT_DEMO} unless named; first-meeting: the SWOT)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=(
            "start the GUI, print one JSON line per window once the workshop is painted, and "
            "exit (stderr says when the first frame is painted)"
        ),
    )
    parser.add_argument("--present", action="store_true", help="start presenting on the wall")
    parser.add_argument(
        "--room-link",
        nargs="?",
        const="",
        metavar="ADDRESS",
        help="open the room link (phones follow the wall) on this computer's ADDRESS on the "
        "local network; without one, choose the network when the workshop opens",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] == "convert":
        return convert(arguments[1:])
    if arguments and arguments[0] == "summary":
        return summary(arguments[1:])
    options = gui_parser().parse_args(arguments)
    from facilitator_app.gui.app import run_gui  # type: ignore[import-not-found,unused-ignore]

    exit_code: int = run_gui(options)
    return exit_code
