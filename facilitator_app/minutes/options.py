"""What the user chooses when exporting the minutes, and the error they may see."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator_app.workshop.errors import WorkshopError


class MinutesError(WorkshopError):
    """The minutes could not be exported; the message is one line for the user."""


@dataclass(frozen=True)
class MinutesOptions:
    """Export choices (command-line flags, later the export dialog).

    ``public``: no attendee's name anywhere (remark authors dropped, their organisation kept;
    the attendance appendix is left out even when asked for, since without names it records
    nothing; the table of tasks loses its who column, since who does a task is a person).
    The facilitator line stays: the facilitator runs the meeting, is not one of its
    attendees, and is named in published minutes.
    ``attendance``: add the Prezenční listina appendix on a page of its own.
    ``language``: "cs" or "en"; None takes the workshop's own language.
    ``template``: a .docx (or .dotx) whose styles, page setup, header and footer the .docx
    minutes take; other formats ignore it.
    ``order_by_votes``: every level of the activity tree, each SWOT quadrant and the problems
    ordered by votes, most first (ties keep their order).
    ``numbered``: the activities numbered by their codes (workshop/codes.py: ``3.1.2``, the
    block's number first), as the tree has them even when ordered by votes; the minutes say
    which meeting's tree the numbers are of.
    ``reference_analysis``: a later meeting's minutes (one made from a previous meeting's
    file) repeat the SWOT and problems it carried over; by default they are left out.
    ``redline``: in .docx minutes, each theme's vision as Word tracked changes from its draft
    (themes without a draft, or unchanged, print as usual); other formats ignore it.
    """

    public: bool = False
    attendance: bool = False
    language: str | None = None
    template: Path | None = None
    order_by_votes: bool = False
    redline: bool = False
    reference_analysis: bool = False
    numbered: bool = False
