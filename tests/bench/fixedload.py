#!/usr/bin/env python3
"""Sends exactly N POST requests over C keep-alive connections (one in flight per connection)
and checks every answer is a 200: a fixed request count for instruction counting."""
import selectors, socket, sys

host, port, conns, total, path, body, auth = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6].encode(), sys.argv[7]
request = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {auth}\r\n"
           f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body
sel = selectors.DefaultSelector()
sent = done = bad = 0
bufs = {}
def send(s):
    global sent
    if sent < total:
        sent += 1
        s.sendall(request)
for _ in range(min(conns, total)):
    s = socket.create_connection((host, port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    bufs[s] = b""
    sel.register(s, selectors.EVENT_READ)
    send(s)
while done < total:
    for key, _ in sel.select(30):
        s = key.fileobj
        data = s.recv(65536)
        if not data:
            sys.exit("server closed a connection")
        bufs[s] += data
        while True:
            b = bufs[s]
            end = b.find(b"\r\n\r\n")
            if end < 0:
                break
            head = b[:end].decode().lower()
            length = int(head.split("content-length:")[1].split("\r\n")[0])
            if len(b) < end + 4 + length:
                break
            if not head.startswith("http/1.1 200"):
                bad += 1
            bufs[s] = b[end + 4 + length:]
            done += 1
            send(s)
print(f"responses={done} non200={bad}")
sys.exit(1 if bad else 0)
