"""A real SMTP server on 127.0.0.1 (aiosmtpd) for the mail-relay fault tests: it can be slow and refuse addresses."""

import asyncio
import socket
from email import message_from_bytes

from aiosmtpd.controller import Controller


def free_port():
    """A port nothing listens on (the relay "refusing connections" is exactly this)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sink:
    def __init__(self, *, delay=0.0, refuse=()):
        self.delay = delay
        self.refuse = set(refuse)
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted"

    def recipients(self):
        return sorted(message["To"] for message in self.messages)


class RunningSink:
    """``with RunningSink(delay=0.25) as sink:`` — an SMTP relay on ``sink.port`` while the block runs."""

    def __init__(self, **options):
        self.handler = Sink(**options)
        self.handler.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.handler.port)

    def __enter__(self):
        self.controller.start()
        return self.handler

    def __exit__(self, *exc):
        self.controller.stop()
