"""The room link: phones in the room follow the wall and send remarks, proposals and dots.

No Qt here (mypy strict): ``server`` runs the web server (aiohttp) on a thread of its own and
talks to the facilitator's window only through its thread-safe methods and the events it
hands to a callback; ``view`` is what a phone is shown (made from the wall's shown snapshot by
``gui/room/phone_view.py``); ``codes`` the room codes and the devices' tokens; ``limits`` the
sizes and rates it allows; ``interfaces`` the network interfaces to offer; ``qr`` the QR code
the wall shows. The phone page itself is static, in ``resources/room/``.
"""
