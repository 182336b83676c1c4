"""The projector: the wall window on the second screen, its preview, and their controls.

State (no Qt, mypy strict): ``state`` holds the immutable snapshots of the workshop for the
wall, ``builder`` makes them from the document and its change events, ``changes`` finds what
a publish changed. Layout and paint: ``renderer`` (``WallRenderer``) combines ``pages`` (a
mode's page), ``measure`` (fonts, text), ``layout`` (fitting, sheets) and ``paint``, with
``look`` (palettes, sizes). Views: ``wall`` holds the wall window and its preview, painted
through the ``WallPainter`` protocol. Placement: ``screens`` picks the screen, ``placement``
moves the window there. Control: ``controller`` ties them to the facilitator's window, with
``actions`` (its actions, menu, dock and status), ``typing_guard``, ``branches`` (the tree's
expanded branches, as the activities page announces them) and ``highlights``.
"""

from facilitator_app.gui.projector.controller import ProjectorController

__all__ = ["ProjectorController"]
