"""The projector: the wall window on the second screen, its preview, and their controls.

``state`` makes immutable snapshots of the workshop for the wall (no Qt), ``renderer`` lays
them out and paints them (for the wall and, scaled, for the preview), ``wall`` holds the two
widgets, ``screens`` picks the screen, and ``controller`` ties them to the facilitator's window.
"""

from facilitator_app.gui.projector.controller import ProjectorController

__all__ = ["ProjectorController"]
