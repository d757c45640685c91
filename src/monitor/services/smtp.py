"""A real SMTP server on loopback (aiosmtpd) that saves every message as an `.eml` file.

Used by `make run` (`monitor smtp`) and by the tests; each message is written atomically
(temporary file, then rename), named by arrival time so `ls` lists them in order.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import uuid
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope, Session

logger = logging.getLogger(__name__)


class MailFolderHandler:
    """aiosmtpd handler: one `.eml` file per accepted message."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    async def handle_DATA(self, server: object, session: Session, envelope: Envelope) -> str:  # noqa: N802
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        name = f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8")
        temporary = self.folder / f".{name}.tmp"
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.rename(self.folder / name)
        logger.info("stored message %s for %s", name, ",".join(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


class SmtpSink:
    """Start/stop a loopback SMTP server writing into `folder`."""

    def __init__(self, folder: Path, *, host: str = "127.0.0.1", port: int = 8025) -> None:
        self.folder = folder
        self.controller = Controller(MailFolderHandler(folder), hostname=host, port=port)

    @property
    def port(self) -> int:
        return self.controller.port

    def start(self) -> SmtpSink:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def __enter__(self) -> SmtpSink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def messages(folder: Path) -> list[Path]:
    """The stored messages, oldest first."""
    return sorted(folder.glob("*.eml")) if folder.exists() else []
