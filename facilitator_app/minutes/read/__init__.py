"""Read minutes (.docx) back into a workshop: "continue from last meeting".

Reads what ``docx.py`` writes, and Word documents written by hand in the same layout: a title,
the ``Datum:`` / ``Date:`` lines, a PROGRAM / PROGRAMME heading with a line per agenda item, a
SWOT ANALÝZA / SWOT ANALYSIS heading with a heading per theme, its 2×2 table and its problems, a
VIZE / VISION heading with one heading per theme and its vision below, a NÁVRHY AKTIVIT /
PROPOSED ACTIVITIES heading with, per block, a line of its themes in capitals joined by `` + ``
and a nested bullet list, the table of tasks (ÚKOLY / TASKS) and the attendance table.

How each part is recognised:

- Sections by their heading's words in either language (also as a plain paragraph, with or
  without diacritics, numbered like ``2. VIZE``); any other heading at the same level starts a
  section that is skipped (a chapter of a hand-written document).
- The programme: each paragraph under its heading is an item, ``13:00–13:25 Title (plánováno
  20 min)``, ``1:00–1:25 pm Title (planned 20 min)``, ``13:00 Title`` (started, not ended) or
  ``Title (20 min)`` (planned only). The times are on the workshop's date (an end before its
  start is on the next day), to the minute: the minutes print no seconds.
- The tasks by the table's header row (task, who, by when, done), wherever it is; a done cell
  with a tick, ``x``, ``ano`` or ``yes`` is done. Minutes without the who column (public ones)
  give tasks without owners. Tasks written as a list, not a table, are not read.
- Themes: the headings under VIZE one level below it; the paragraphs after each are its vision
  (a blank line between paragraphs). Tracked changes are read as accepted; the wording before
  them, when it differs, becomes the theme's draft.
- The SWOT: under its heading, a table whose cells open with a quadrant's name (Silné stránky,
  Strengths, …) is the theme's SWOT, each paragraph under the name an item (votes and note as
  in the list of activities); a cell naming no quadrant is skipped. The list items after a
  ``Problémy`` / ``Problems`` line are the theme's problems, an italic ``vychází z: A; B`` /
  ``from: A; B`` line naming the items they come from. Themes keep the order VIZE gives them.
- The sentence naming the previous meeting (``Jednání navazuje na jednání … ze dne 21. 4.
  2026.``) gives its date.
- The table of remarks and the attendance list by their header rows, wherever they are.
- The list: a paragraph's depth is where its first line starts (its bullet or number, or its
  text without one): the left indent and the first-line or hanging indent, each set directly,
  by its numbering level, by its style or a style that one is based on, or by the style's
  numbering level; without a number also the tabs and spaces that open the line. Where first
  lines start alike, the left indent (the text after the bullet) tells, and then the list
  level (``w:ilvl``). Each item hangs under the nearest item before it that is less deep, so
  a level-3 item straight after a level-1 item becomes the latter's child. Lists made of
  Word's "List Bullet", "List Bullet 2"… styles, of one multi-level list, indented by hand, or
  typed with "-" and tabs or spaces all read the same way. Two items whose first lines and
  texts are indented the opposite ways tell no tree: the file is refused, naming them.
- Votes from a trailing ``(5 hlasů)`` / ``(5 votes)``, a note from the italic lines after a
  line break inside the item.

What minutes cannot tell, and what is chosen:

- Attendees come only from the attendance appendix (name, organisation, present or excused).
  The list has no roles: the people the head count ``8 (+1 ORK)`` calls organisers are marked
  so only when exactly that many present people carry the label in their name or
  organisation. Without the appendix there are no attendees, and the head count cannot be
  kept (the app counts attendees; only the organisers' label is kept).
- A remark's "who" is ``author, organisation``; a single value is the author, unless the
  attendance list knows it only as an organisation (public minutes print that alone).
- A theme named only on a block's line (or in the remarks) is made with an empty vision; a
  name in capitals becomes ``Sentence case`` (one short word such as ``ICT`` stays).
- Under the activities heading a plain paragraph is an activity at its indentation, except a
  line in capitals or one naming known themes, which starts a block; a list under another
  heading is read only when the document has no activities heading.
- The opening sentences of VIZE are kept as the workshop's own intro only when they differ
  from the ones the app writes. A date without a time starts at midnight; without a date the
  workshop starts now, like a new one.
- Items the exporter capped at Word's ninth list level come back on the ninth level.

Qt-free: ``convert`` uses it. Everything that cannot be read raises BadInputError naming the
file and the problem.

The modules, in the order a file goes through them: ``package`` opens the .docx, ``words``
turns its body into paragraphs and tables (with ``styles`` for what Word's styles and
numbering give them, and the tag names of ``wordml``), ``sections`` reads them in order,
with ``vocabulary`` for the words of headings, labels and columns, ``dates`` for the date
line and the programme, ``tables`` for the rows of remarks, tasks and attendees and
``activities`` for the list.
"""

from __future__ import annotations

from pathlib import Path

from facilitator_app.minutes.read.package import open_document
from facilitator_app.minutes.read.sections import SectionReader
from facilitator_app.minutes.text import one_line
from facilitator_app.workshop.errors import BadInputError
from facilitator_app.workshop.model import WorkshopData

__all__ = ["read_minutes"]


def read_minutes(path: Path) -> WorkshopData:
    """The workshop in the minutes ``path`` (.docx); BadInputError for anything unreadable."""
    path = Path(path)
    document = open_document(path)
    try:
        return SectionReader(path, document).read()
    except BadInputError:
        raise
    except RecursionError:
        raise BadInputError(path, "is nested too deeply to be read") from None
    # A Word document can be odd in more ways than any test foresees; whatever it is, the user
    # gets one line that names the file, never a traceback.
    except Exception as error:
        detail = one_line(str(error))[:200]
        raise BadInputError(
            path,
            f"cannot be read as minutes ({type(error).__name__}{': ' if detail else ''}{detail})",
        ) from None
