"""`[core] hostname_callable` for the topology test's Celery workers.

In containers every worker has its own hostname; here two workers share one machine, so each
is named by TOPOLOGY_WORKER in its environment. Task instances record it (`hostname`), which
is how the test tells which worker ran each mapped task.
"""

import os
import socket


def name() -> str:
    return os.environ.get("TOPOLOGY_WORKER") or socket.getfqdn()
