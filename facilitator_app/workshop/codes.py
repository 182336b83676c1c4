"""Activity codes: ``3.1.2`` for the second child of the first activity of the third block.

A block's code is its number (1-based, in the blocks' order); an activity's is its parent's
code, a dot and its 1-based position among its siblings. Codes follow the tree as it is now:
they stay as long as the tree is not reordered, and nothing stores them. The window's tree,
the wall and the minutes (``--numbered``) all number with these functions.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitator_app.workshop.model import Node


def activity_codes(root: Node) -> dict[int, str]:
    """Every node's code by its id, blocks included, in one pass (iterative: any depth)."""
    codes: dict[int, str] = {}
    stack = [(block, str(number)) for number, block in enumerate(root.children, 1)]
    stack.reverse()
    while stack:
        node, code = stack.pop()
        codes[node.id] = code
        children = node.children
        if children:
            stack.extend(
                (children[position], f"{code}.{position + 1}")
                for position in range(len(children) - 1, -1, -1)
            )
    return codes


def code_of(node: Node) -> str:
    """One node's code from the positions up to its block: O(depth). "" for the root.

    Takes the cached ``Node.position`` that the document keeps up to date.
    """
    numbers: list[str] = []
    while node.parent is not None:
        numbers.append(str(node.position + 1))
        node = node.parent
    return ".".join(reversed(numbers))


def codes_by_depth(depths: Iterable[int]) -> list[str]:
    """The codes of nodes given in document order by their depth (1 for a block, 2 for a
    top-level activity…): the wall's flattened outline numbers itself with this.

    A depth more than one below the one before cannot follow in document order; it is
    taken as one below.
    """
    codes: list[str] = []
    counters = [0]  # counters[d]: the last number given at depth d
    prefixes = [""]  # prefixes[d]: the code of the last node at depth d
    for depth in depths:
        depth = max(1, min(depth, len(counters)))
        del counters[depth + 1 :], prefixes[depth + 1 :]
        if depth == len(counters):
            counters.append(0)
            prefixes.append("")
        counters[depth] += 1
        number = counters[depth]
        code = f"{prefixes[depth - 1]}.{number}" if depth > 1 else str(number)
        prefixes[depth] = code
        codes.append(code)
    return codes
