"""A real SMTP server process for the KneeSpine tests (aiosmtpd, Debian's python3-aiosmtpd).

Each accepted message is written to FOLDER as one .eml file (written aside, then renamed, so a reader never sees half
a message). The file FOLDER/mode, read at every connection and command, changes how the server behaves while it runs:
  accept  (or no file)  accept every message
  reject                answer every recipient with 550, as a refusing server does
  stall                 accept the TCP connection and never say anything, as a hung server does
A recipient whose address starts with "stall" hangs at RCPT in any mode: one stuck message among good ones.

Usage: python3 smtp_test_server.py PORT FOLDER     (prints "ready" when it listens)
"""
import asyncio
import os
import sys
import uuid

from aiosmtpd.smtp import SMTP


def mode(folder):
    try:
        with open(os.path.join(folder, "mode"), encoding="ascii") as f:
            return f.read().strip()
    except FileNotFoundError:
        return "accept"


class SavingHandler:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if mode(self.folder) == "stall" or address.lower().startswith("stall"):
            await asyncio.sleep(3600)
        if mode(self.folder) == "reject":
            return "550 5.7.1 Recipient refused by the test server"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = uuid.uuid4().hex
        partial = os.path.join(self.folder, name + ".part")
        with open(partial, "wb") as f:
            f.write(envelope.original_content)
        os.rename(partial, os.path.join(self.folder, name + ".eml"))
        return "250 2.0.0 Message accepted"


async def main(port, folder):
    handler = SavingHandler(folder)

    def connection():
        # A bare protocol keeps the connection open and answers nothing, not even the greeting.
        return asyncio.Protocol() if mode(folder) == "stall" else SMTP(handler, hostname="smtp.test", ident="KneeSpine test SMTP")

    server = await asyncio.get_running_loop().create_server(connection, "127.0.0.1", port, reuse_address=True)
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
