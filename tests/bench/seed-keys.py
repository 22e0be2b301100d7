#!/usr/bin/env python3
"""Bulk-seeds keys into a stopped latchkeyd's database for the scale rows of tests/bench/run.sh.

Creating a million keys through keys.createKey takes about an hour here (one write transaction and
one audit row each), so this copies one key that the API created (the template: same workspace,
keyspace and settings) a COUNT times in one transaction, each copy with its own id, plaintext and
hash (base64 of SHA-256, as backend/core/keyhash.cpp stores it). The first HOT plaintexts are
written to a file, one per line, for wrk; the others are not kept (nobody verifies them).

Usage: seed-keys.py DB TEMPLATE_KEY_ID COUNT HOT HOT_FILE [PREFIX]
The server must not be running (the copy is one long write transaction).
"""
import base64
import hashlib
import os
import sqlite3
import sys
import time

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def random_text(alphabet, length):
    raw = os.urandom(length)
    return "".join(alphabet[b % len(alphabet)] for b in raw)


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    db_path, template_id = sys.argv[1], sys.argv[2]
    count, hot, hot_file = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    prefix = sys.argv[6] if len(sys.argv) > 6 else "bench"
    started = time.monotonic()
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA busy_timeout = 10000")
    cursor = db.execute("SELECT * FROM keys WHERE id = ?", (template_id,))
    columns = [d[0] for d in cursor.description]
    template = cursor.fetchone()
    if template is None:
        sys.exit(f"no key {template_id} in {db_path}")
    index = {name: i for i, name in enumerate(columns)}
    insert = f"INSERT INTO keys ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    now_ms = int(time.time() * 1000)

    def rows(out):
        for n in range(count):
            plaintext = f"{prefix}_{random_text(B58, 22)}"
            if n < hot:
                out.write(plaintext + "\n")
            row = list(template)
            row[index["id"]] = "key_" + random_text(ALNUM, 16)
            row[index["hash"]] = base64.b64encode(hashlib.sha256(plaintext.encode()).digest()).decode()
            row[index["start"]] = plaintext[: len(prefix) + 5]
            row[index["created_at"]] = now_ms
            for cleared in ("last_used_at", "updated_at", "name", "meta"):
                if cleared in index:
                    row[index[cleared]] = None
            yield row

    with open(hot_file, "w", encoding="ascii") as out:
        db.execute("BEGIN")
        db.executemany(insert, rows(out))
        db.execute("COMMIT")
    total = db.execute("SELECT count(*) FROM keys").fetchone()[0]
    db.close()
    print(f"seeded {count} keys ({hot} hot) in {time.monotonic() - started:.1f} s; {total} keys in the store")


if __name__ == "__main__":
    main()
