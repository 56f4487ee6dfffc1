#!/usr/bin/python3
"""A real local SMTP server for tests (Debian's python3-aiosmtpd): every message
it accepts is written to DIR as <n>.eml (the envelope recipients in an
X-Rcpt-To header first). It prints "ready PORT" once listening and stops on
SIGTERM or when its standard input closes.

Usage: smtp_sink.py DIR [PORT]   (PORT 0 or absent: a free one)
"""
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller


class FolderHandler:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = os.path.join(self.folder, f"{self.count:05d}.eml")
        data = envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode()
        header = ("X-Rcpt-To: " + ", ".join(envelope.rcpt_tos) + "\r\n").encode()
        with open(name + ".tmp", "wb") as out:
            out.write(header + data)
        os.replace(name + ".tmp", name)  # readers never see half a message
        return "250 OK"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    port = int(sys.argv[2]) if len(sys.argv) > 2 and int(sys.argv[2]) else free_port()
    controller = Controller(FolderHandler(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"ready {port}", flush=True)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
