#!/usr/bin/env python3
"""A CardDAV proxy for Rekindle's [carddav] tests: forwards every request to Radicale and
plays a server that is not Radicale.

usage: carddav_proxy.py PORT UPSTREAM MODE
  drop-x  cards written lose every X- property (as some servers and phones do)
  vcard3  a vCard 4.0 card is refused with 415 Unsupported Media Type (a 3.0-only server)
  no-uid  cards read have no UID (servers and old phones that keep none)
"""
import http.client
import http.server
import re
import sys
import urllib.parse

PORT, UPSTREAM, MODE = int(sys.argv[1]), sys.argv[2], sys.argv[3]
TARGET = urllib.parse.urlsplit(UPSTREAM)


def drop_x(body: bytes) -> bytes:
    text = body.decode("utf-8")
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    lines = [l for l in re.split(r"\r?\n", unfolded) if l and not re.match(r"^([A-Za-z0-9-]+\.)?X-", l, re.I)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


class Proxy(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.command == "PUT":
            if MODE == "vcard3" and re.search(rb"VERSION:4\.0", body):
                self.send_response(415)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if MODE == "drop-x":
                body = drop_x(body)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length", "connection")}
        headers["Content-Length"] = str(len(body))
        conn = http.client.HTTPConnection(TARGET.hostname, TARGET.port, timeout=20)
        conn.request(self.command, self.path, body=body, headers=headers)
        answer = conn.getresponse()
        data = answer.read()
        if MODE == "no-uid" and self.command == "GET":
            data = re.sub(rb"(?im)^UID[:;][^\r\n]*\r?\n", b"", data)
        self.send_response(answer.status, answer.reason)
        for k, v in answer.getheaders():
            if k.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        conn.close()

    do_GET = do_PUT = do_DELETE = do_PROPFIND = do_REPORT = do_OPTIONS = do_HEAD = do_MKCOL = do_PROPPATCH = forward


http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Proxy).serve_forever()
