#!/usr/bin/env python3
"""A tiny SMS gateway for Waymark's tests: standard library only.

    local-sms-gateway.py --token T [--port 0] [--inbound-url URL] [--hang-after N]

Listens on 127.0.0.1 and prints "ready port=N" once listening.

  POST /messages        Authorization: Bearer T, JSON {to, body, idempotency_key, callback_url?}
                        -> 201 {"reference": "gw-N"}; the same idempotency_key gets the same
                        reference and is not delivered again. After accepting, posts a
                        delivery report {reference, status: delivered|failed} to callback_url
                        (retrying while Waymark answers non-2xx, as a real gateway would).
                        Malformed JSON or missing fields -> 400; wrong token -> 401;
                        a number containing "000000" -> 400 (invalid number, permanent);
                        a number containing "555555" -> 503 (gateway busy, transient);
                        a number containing "999999" -> accepted, then reported failed.
                        With --hang-after N, the (N+1)th new message is accepted but never
                        answered (once): a sender stuck there has handed it over without
                        hearing so, which is where the fault drills kill it.
  GET /messages         -> {"messages": [{idempotency_key, reference, to, body, requests, deliveries, report}]}
  POST /simulate-reply  JSON {from, text, reference?, inbound_url?} -> posts {from, text, reference}
                        to the inbound URL with the bearer token and answers
                        {"status": <Waymark's status>, "body": <Waymark's answer>}.
"""
import argparse
import json
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
messages = {}  # idempotency_key -> record
order = []


def post_json(url, payload, token, timeout=5):
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), method="POST",
        headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except Exception as error:  # connection refused, timeout
        return 0, str(error)


def report(record, token):
    time.sleep(0.1)
    status = "failed" if "999999" in record["to"] else "delivered"
    # Like a real gateway, keep trying for a while: on a busy machine the
    # sender may not yet have recorded the reference when the report arrives.
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        code, _ = post_json(record["callback_url"], {"reference": record["reference"], "status": status}, token, timeout=15)
        with lock:
            record["report"] = {"status": status, "answer": code}
        if 200 <= code < 300:
            return
        time.sleep(0.2)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def answer(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        try:
            value = json.loads(raw)
        except Exception:
            return None
        return value if isinstance(value, dict) else None

    def do_GET(self):
        if self.path != "/messages":
            return self.answer(404, {"error": "not found"})
        with lock:
            listing = [dict(messages[key], idempotency_key=key) for key in order]
        self.answer(200, {"messages": listing})

    def do_POST(self):
        server = self.server
        if self.path == "/simulate-reply":
            payload = self.read_json()
            if payload is None:
                return self.answer(400, {"error": "body must be a JSON object"})
            url = payload.get("inbound_url") or server.inbound_url
            code, body = post_json(url, {"from": payload.get("from"), "text": payload.get("text"),
                                         "reference": payload.get("reference")}, server.token, timeout=60)
            return self.answer(200, {"status": code, "body": body})
        if self.path != "/messages":
            return self.answer(404, {"error": "not found"})
        if self.headers.get("Authorization") != "Bearer " + server.token:
            return self.answer(401, {"error": "bad token"})
        payload = self.read_json()
        if payload is None:
            return self.answer(400, {"error": "body must be a JSON object"})
        to, body, key = payload.get("to"), payload.get("body"), payload.get("idempotency_key")
        if not all(isinstance(v, str) and v for v in (to, body, key)):
            return self.answer(400, {"error": "to, body and idempotency_key are required"})
        if "000000" in to:
            return self.answer(400, {"error": "invalid number"})
        if "555555" in to:
            return self.answer(503, {"error": "busy"})
        with lock:
            record = messages.get(key)
            if record is not None:
                record["requests"] += 1
                return self.answer(200, {"reference": record["reference"]})
            record = {"reference": "gw-%d" % (len(order) + 1), "to": to, "body": body, "requests": 1,
                      "deliveries": 1, "report": None, "callback_url": payload.get("callback_url")}
            messages[key] = record
            order.append(key)
            hang = server.hang_after is not None and len(order) == server.hang_after + 1
        if record["callback_url"]:
            threading.Thread(target=report, args=(record, server.token), daemon=True).start()
        if hang:
            time.sleep(3600)
            return
        self.answer(201, {"reference": record["reference"]})


def stop_on_sigterm():
    # The test process may spawn us with SIGTERM blocked (inherited mask): unblock it so terminate() works.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def main():
    stop_on_sigterm()
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", required=True)
    parser.add_argument("--inbound-url", default="")
    parser.add_argument("--hang-after", type=int)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.token = args.token
    server.inbound_url = args.inbound_url
    server.hang_after = args.hang_after
    print("ready port=%d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
