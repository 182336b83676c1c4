"""A small region for the summary's tests: the demo group's two meetings and two generated
groups, written as .json, .workshop and .docx minutes; and the persons whose matches are
certain or not."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from facilitator_app.formats import read_workshop
from facilitator_app.minutes import MinutesOptions, export_minutes
from facilitator_app.paths import demo_json
from facilitator_app.workshop.document import Document
from facilitator_app.workshop.interchange import dumps
from facilitator_app.workshop.model import (
    Attendee,
    Node,
    Problem,
    Quadrant,
    Remark,
    RemarkStatus,
    Role,
    SwotItem,
    Theme,
    WorkshopData,
    WorkshopDetails,
    renumber_children,
)

TRANSPORT = "Pracovní skupina Doprava a mobilita"
TOURISM = "Pracovní skupina Cestovní ruch"

# (name, organisation) of each generated group's attendees. Jana Nováková is in both groups
# (a certain match); the others are the uncertain ones, and the two Martins Král are two people
# at one meeting (never a match).
TRANSPORT_PEOPLE = [
    ("Jana Nováková", "Krajský úřad"),
    ("Petr Dvořák", "Obec Albrechtice"),
    ("Eva Černá", "ČSAD Liberec"),
    ("Jan Svoboda", "ZŠ Liberec"),
    ("Martin Král", "Město Jablonec"),
    ("Martin Král", "Hasiči"),
    ("Zdeněk Horák", "Krajský úřad"),
]
TOURISM_PEOPLE = [
    ("Jana Nováková", "Krajský úřad"),
    ("Petr Dvořák", ""),
    ("Eva Cerna", "ČSAD Liberec"),
    ("Jan Svoboda", "Technická univerzita"),
    ("Lucie Veselá", "Infocentrum"),
]
REMARK_AUTHORS = [("Olga Pokorná", "Spolek Jizera"), ("Tomáš Marek", "")]


@dataclass(frozen=True)
class Region:
    paths: list[Path]  # every input, in the order given to the summary
    data: dict[Path, WorkshopData]  # each input as the app reads it

    def names(self) -> set[str]:
        """Every attendee's and remark author's name in the inputs."""
        names = {a.name for data in self.data.values() for a in data.attendees}
        names |= {
            r.author
            for data in self.data.values()
            for theme in data.themes
            for r in theme.remarks
            if r.author
        }
        return names


def _tree(meeting: int, themes: list[Theme]) -> Node:
    """Two blocks (the second for two themes), three levels, votes and notes."""
    root = Node(0)
    next_id = 1
    for number, theme_ids in enumerate(([themes[0].id], [t.id for t in themes[:2]])):
        block = Node(next_id, theme_ids=theme_ids, parent=root)
        next_id += 1
        root.children.append(block)
        for top in range(3):
            activity = Node(
                next_id,
                f"Aktivita {number + 1}.{top + 1} ze setkání {meeting}",
                note="=SUM(A1) nebezpečná poznámka" if top == 1 else "",
                votes=(top + meeting) % 4,
                parent=block,
            )
            next_id += 1
            block.children.append(activity)
            for child in range(2):
                activity.children.append(
                    Node(next_id, f"Dílčí krok {child + 1} k {top + 1}", parent=activity)
                )
                next_id += 1
    for node in root.walk():
        renumber_children(node)
    return root


def generated_group(
    title: str, people: list[tuple[str, str]], meetings: int, start: datetime
) -> list[WorkshopData]:
    """A group's meetings: the first with a SWOT and problems, the later with visions, remarks
    and the activity tree; who is present changes."""
    series = []
    for number in range(1, meetings + 1):
        themes = [
            Theme(1, "Doprava"),
            Theme(2, "Cestovní ruch" if "ruch" in title else "Energetika"),
        ]
        data = WorkshopData(
            details=WorkshopDetails(
                title=title,
                starts_at=start + timedelta(days=28 * (number - 1)),
                facilitator="Facilitátorka Skupiny",
                previous_meeting=None if number == 1 else start.date(),
            ),
            attendees=[
                Attendee(
                    i + 1,
                    name,
                    organisation,
                    Role.ORGANIZER if i == 0 else Role.PARTICIPANT,
                    present=(i + number) % 3 != 0,
                )
                for i, (name, organisation) in enumerate(people)
            ],
            themes=themes,
        )
        if number == 1:
            for theme in themes:
                theme.swot = [
                    SwotItem(theme.id * 10 + q, f"{quadrant.value} {theme.name}", quadrant, votes=q)
                    for q, quadrant in enumerate(Quadrant)
                ]
                theme.swot[1].note = "poznámka k položce"
                theme.problems = [
                    Problem(theme.id, f"Problém tématu {theme.name}", 3, [theme.swot[0].id])
                ]
        else:
            for theme in themes:
                theme.vision = (
                    f"Vize {theme.name} skupiny {title} po {number}. setkání.\n\nDruhý odstavec."
                )
                theme.remarks = [
                    Remark(
                        theme.id * 10 + k,
                        f"Připomínka {k + 1} k {theme.name}",
                        author=author,
                        organization=organisation,
                        status=(RemarkStatus.ACCEPTED, RemarkStatus.PARTLY)[k],
                        response="Zapracováno." if k == 0 else "",
                    )
                    for k, (author, organisation) in enumerate(REMARK_AUTHORS)
                ]
            data.root = _tree(number, themes)
        series.append(data)
    return series


def write_region(folder: Path) -> Region:
    """The demo group (its first meeting as .json, its second as .workshop), the transport
    group's three meetings as .json, .workshop and .docx minutes (with the attendance list),
    and the tourism group's two as .json."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / "demo-1.json", folder / "demo-2.workshop"]
    shutil.copyfile(demo_json("first-meeting"), paths[0])
    Document.write_new(paths[1], read_workshop(demo_json()))
    transport = generated_group(TRANSPORT, TRANSPORT_PEOPLE, 3, datetime(2026, 4, 14, 9))
    for number, (data, suffix) in enumerate(
        zip(transport, (".json", ".workshop", ".docx"), strict=True), 1
    ):
        path = folder / f"transport-{number}{suffix}"
        write(data, path)
        paths.append(path)
    for number, data in enumerate(
        generated_group(TOURISM, TOURISM_PEOPLE, 2, datetime(2026, 4, 28, 13)), 1
    ):
        path = folder / f"tourism-{number}.json"
        write(data, path)
        paths.append(path)
    return Region(paths, {path: read_workshop(path) for path in paths})


def write(data: WorkshopData, path: Path) -> None:
    if path.suffix == ".json":
        path.write_text(dumps(data), encoding="utf-8")
    elif path.suffix == ".workshop":
        Document.write_new(path, data)
    else:
        export_minutes(data, path, MinutesOptions(attendance=True))
