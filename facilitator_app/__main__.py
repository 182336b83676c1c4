"""``python -m facilitator_app`` and the ``facilitator-app`` script."""

import sys

from facilitator_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
