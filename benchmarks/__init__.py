"""Benchmarks: measured figures, not tests (`make bench`)."""

import os as _os
import tempfile as _tempfile

# Benchmarks open many generated workshops: keep them out of the user's settings (recent
# files, the wall's place) and data folder.
_os.environ["XDG_CONFIG_HOME"] = _tempfile.mkdtemp(prefix="facilitator-bench-config-")
_os.environ["FACILITATOR_APP_DATA"] = _tempfile.mkdtemp(prefix="facilitator-bench-data-")
