#!/usr/bin/env python3
"""A tiny SMTP server for Waymark's tests: standard library only (asyncio),
so it works on Python 3.12+ where `smtpd` is gone.

    local-smtp-server.py --dir OUT [--port 0] [--user U --password P] [--hang-after N]

Listens on 127.0.0.1, prints "ready port=N" once listening, and writes each
accepted message to OUT/<n>.json as {mail_from, rcpt_to, data, auth_user},
where `data` is the message as the client meant it (dot-stuffing undone).

Recipients steer failures so tests cover both kinds:
  containing "fail-permanent" -> 550 at RCPT TO
  containing "fail-transient" -> 451 at RCPT TO
  containing "fail-hang"      -> no answer at RCPT TO (client time-outs)
  containing "hang-after-data" -> the message is kept, but the end of DATA is never answered
  containing "hang-at-quit"   -> the message is accepted (250), but QUIT is never answered

With --hang-after N, the (N+1)th message is kept but the end of its DATA is
never answered (once): the fault drills kill the sender stuck there.
"""
import argparse
import asyncio
import base64
import json
import signal
import os
import sys

counter = 0


async def handle(reader, writer, args):
    global counter

    def reply(line):
        writer.write((line + "\r\n").encode())

    async def readline():
        line = await reader.readline()
        if not line:
            raise ConnectionError("client went away")
        return line.decode("utf-8", "replace").rstrip("\r\n")

    mail_from, rcpt_to, auth_user = None, [], None
    hang_at_quit = False
    reply("220 localhost Waymark test SMTP")
    await writer.drain()
    try:
        while True:
            line = await readline()
            verb = line.split(" ", 1)[0].upper()
            arg = line[len(verb):].strip()
            if verb == "EHLO":
                reply("250-localhost")
                reply("250-8BITMIME")
                reply("250-AUTH PLAIN")
                reply("250 SIZE 10485760")
            elif verb == "HELO":
                reply("250 localhost")
            elif verb == "AUTH":
                parts = arg.split(" ", 1)
                if parts[0].upper() != "PLAIN":
                    reply("504 5.5.4 only PLAIN")
                else:
                    if len(parts) == 1:
                        reply("334 ")
                        await writer.drain()
                        token = await readline()
                    else:
                        token = parts[1]
                    try:
                        _, user, password = base64.b64decode(token).decode().split("\0")
                    except Exception:
                        reply("501 5.5.2 cannot decode")
                        await writer.drain()
                        continue
                    if args.user is not None and (user != args.user or password != args.password):
                        reply("535 5.7.8 authentication failed")
                    else:
                        auth_user = user
                        reply("235 2.7.0 authenticated")
            elif verb == "MAIL":
                if args.user is not None and auth_user is None:
                    reply("530 5.7.0 authentication required")
                else:
                    mail_from, rcpt_to = arg.split(":", 1)[1].strip(), []
                    reply("250 2.1.0 ok")
            elif verb == "RCPT":
                to = arg.split(":", 1)[1].strip()
                if mail_from is None:
                    reply("503 5.5.1 MAIL first")
                elif "fail-permanent" in to:
                    reply("550 5.1.1 mailbox unavailable")
                elif "fail-transient" in to:
                    reply("451 4.3.0 try again later")
                elif "fail-hang" in to:
                    await asyncio.sleep(3600)
                else:
                    rcpt_to.append(to)
                    reply("250 2.1.5 ok")
            elif verb == "DATA":
                if not rcpt_to:
                    reply("554 5.5.1 no valid recipients")
                    await writer.drain()
                    continue
                reply("354 end with <CRLF>.<CRLF>")
                await writer.drain()
                lines = []
                while True:
                    raw = await reader.readline()
                    if not raw:
                        raise ConnectionError("client went away mid-DATA")
                    if raw == b".\r\n":
                        break
                    if raw.startswith(b"."):
                        raw = raw[1:]
                    lines.append(raw)
                data = b"".join(lines).decode("utf-8", "replace")
                counter += 1
                name = os.path.join(args.dir, "%06d.json" % counter)
                with open(name + ".tmp", "w", encoding="utf-8") as f:
                    json.dump({"mail_from": mail_from, "rcpt_to": rcpt_to, "data": data, "auth_user": auth_user}, f)
                os.rename(name + ".tmp", name)
                if any("hang-after-data" in to for to in rcpt_to) or (args.hang_after is not None and counter == args.hang_after + 1):
                    await asyncio.sleep(3600)
                hang_at_quit = any("hang-at-quit" in to for to in rcpt_to)
                mail_from, rcpt_to = None, []
                reply("250 2.0.0 queued as %d" % counter)
            elif verb == "RSET":
                mail_from, rcpt_to = None, []
                reply("250 2.0.0 ok")
            elif verb == "NOOP":
                reply("250 2.0.0 ok")
            elif verb == "QUIT":
                if hang_at_quit:
                    await asyncio.sleep(3600)
                reply("221 2.0.0 bye")
                await writer.drain()
                break
            else:
                reply("500 5.5.2 unknown command")
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


def stop_on_sigterm():
    # The test process may spawn us with SIGTERM blocked (inherited mask): unblock it so terminate() works.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


async def main():
    stop_on_sigterm()
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--hang-after", type=int)
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    server = await asyncio.start_server(lambda r, w: handle(r, w, args), "127.0.0.1", args.port)
    print("ready port=%d" % server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
