"""`python -m monitor.cli` runs the `monitor` command."""

import sys

from monitor.cli import main

sys.exit(main())
