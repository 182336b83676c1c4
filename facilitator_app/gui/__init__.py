"""The Qt user interface: the facilitator's window, the wall and their models."""
