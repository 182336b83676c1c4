"""Generated workshops for benchmarks: N activities, many attendees, themes with long visions,
and a first meeting's SWOT and problems."""

from __future__ import annotations

from datetime import datetime, timedelta

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

WORDS = (
    "podpora",
    "rozvoj",
    "obnovitelných",
    "zdrojů",
    "energie",
    "vodárenské",
    "soustavy",
    "kybernetická",
    "bezpečnost",
    "záchranný",
    "systém",
    "obcí",
    "kraje",
    "spolupráce",
    "školami",
    "dobrovolníků",
    "území",
    "přátelský",
    "prostor",
)


def sentence(seed: int, length: int) -> str:
    return " ".join(WORDS[(seed * 7 + k * 3) % len(WORDS)] for k in range(length)).capitalize()


def generate_workshop(
    activities: int = 5000,
    *,
    attendees: int = 300,
    themes: int = 6,
    blocks: int = 5,
    fan_out: int = 4,
    depth: int = 4,
) -> WorkshopData:
    """A workshop with ``activities`` activities spread over ``blocks`` blocks, ``depth`` deep."""
    data = WorkshopData(
        details=WorkshopDetails(
            title="Benchmark workshop", starts_at=datetime(2026, 5, 19, 13), facilitator="Bench"
        ),
        attendees=[
            Attendee(
                i,
                f"Účastník {i}",
                f"Organizace {i % 40}",
                Role.ORGANIZER if i % 50 == 0 else Role.PARTICIPANT,
                i % 9 != 0,
            )
            for i in range(1, attendees + 1)
        ],
        themes=[
            Theme(
                i, f"Téma {i}", vision="\n\n".join(sentence(i * 10 + p, 60) + "." for p in range(4))
            )
            for i in range(1, themes + 1)
        ],
    )
    next_id = 1
    for block_number in range(blocks):
        block = Node(
            next_id,
            theme_ids=[1 + block_number % max(themes, 1)] if themes else [],
            parent=data.root,
        )
        next_id += 1
        data.root.children.append(block)
    # Breadth-first: each block gets enough top-level activities, each of those fan_out children.
    frontier: list[tuple[Node, int]] = [(block, 0) for block in data.blocks]
    top_level = max(1, activities // (blocks * (fan_out ** (depth - 1))) + 1)
    created = 0
    while created < activities and frontier:
        parent, level = frontier.pop(0)
        for _ in range(fan_out if level else top_level):
            if created >= activities:
                break
            node = Node(
                next_id, sentence(created, 4 + created % 9), votes=created % 6, parent=parent
            )
            next_id += 1
            created += 1
            parent.children.append(node)
            if level < depth - 1:
                frontier.append((node, level + 1))
    for node in data.root.walk():
        renumber_children(node)
    return data


def add_swot(data: WorkshopData, items: int, problems_per_theme: int = 10) -> WorkshopData:
    """``items`` SWOT items spread over the themes and quadrants (every third with votes, every
    fifth with a note), and problems pointing at two items each; ``data`` changed and returned."""
    quadrants = list(Quadrant)
    for number in range(items):
        theme = data.themes[number % len(data.themes)]
        theme.swot.append(
            SwotItem(
                number + 1,
                sentence(number, 5 + number % 8),
                quadrants[(number // len(data.themes)) % 4],
                note=sentence(number + 3, 4) if number % 5 == 0 else "",
                votes=number % 7 if number % 3 == 0 else 0,
            )
        )
    next_id = 1
    for theme in data.themes:
        ids = [item.id for item in theme.swot]
        for number in range(problems_per_theme if ids else 0):
            sources = sorted({ids[number % len(ids)], ids[(number * 3 + 1) % len(ids)]})
            theme.problems.append(Problem(next_id, sentence(number + 11, 6), number % 5, sources))
            next_id += 1
    return data


def biggest_subtree_near(data: WorkshopData, size: int) -> Node:
    """The activity whose subtree size is closest to ``size`` (for move benchmarks)."""
    sizes: dict[int, int] = {}
    best: Node | None = None
    for node in reversed(list(data.root.walk())):
        sizes[node.id] = 1 + sum(sizes[c.id] for c in node.children)
        if (
            node.parent is not None
            and not node.is_block
            and (best is None or abs(sizes[node.id] - size) < abs(sizes[best.id] - size))
        ):
            best = node
    assert best is not None
    return best


def generate_group_series(
    group: int,
    *,
    meetings: int = 3,
    activities: int = 500,
    attendees: int = 300,
    shared: int = 10,
) -> list[WorkshopData]:
    """One working group's ``meetings`` (four weeks apart), each with ``activities`` activities
    and ``attendees`` attendees: the first meeting has a SWOT and problems, the later ones
    visions and remarks. Every ``shared``-th attendee is in every group (the same name and
    organisation); the others are this group's own. Who is present changes from meeting to
    meeting."""
    series = []
    for number in range(meetings):
        data = generate_workshop(activities, attendees=attendees)
        data.details.title = f"Pracovní skupina {group}"
        data.details.starts_at = datetime(2026, 4, 21, 13) + timedelta(days=28 * number)
        for attendee in data.attendees:
            if attendee.id % shared:
                attendee.name = f"Účastník {group}-{attendee.id}"
            attendee.present = (attendee.id + number + group) % 7 != 0
        if number == 0:
            add_swot(data, 60)
            for theme in data.themes:
                theme.vision = ""
        else:
            data.details.previous_meeting = series[0].details.starts_at.date()
            for theme in data.themes:
                theme.remarks = [
                    Remark(
                        theme.id * 10 + k,
                        sentence(theme.id + k, 8),
                        author=f"Účastník {group}-{k + 1}",
                        organization=f"Organizace {k}",
                        status=list(RemarkStatus)[k % len(RemarkStatus)],
                        response=sentence(k, 5) if k % 2 else "",
                    )
                    for k in range(3)
                ]
        series.append(data)
    return series
