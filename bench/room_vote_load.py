#!/usr/bin/env python3
"""Simulated phones for `attune room ... --vote --bench-frames N`: PHONES phones join the
room at ADDRESS with CODE, then each polls its state every POLL seconds and votes (a random
open choice, sometimes changing it) in every open round, until the room goes away. Prints
how many requests were made and answered. Standard library only.

    bench/room_vote_load.py http://127.0.0.1:8123/ KTWA 30 0.5
"""
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse

address, code = sys.argv[1], sys.argv[2]
phones = int(sys.argv[3]) if len(sys.argv) > 3 else 30
poll = float(sys.argv[4]) if len(sys.argv) > 4 else 0.5
url = urllib.parse.urlparse(address)
counts = {"requests": 0, "votes": 0, "failed": 0}
lock = threading.Lock()


def request(method, path, body=None, device=None):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=5)
    headers = {"Content-Type": "application/json"}
    if device:
        headers["X-Device"] = device
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    answer = connection.getresponse()
    data = answer.read()
    connection.close()
    with lock:
        counts["requests"] += 1
    return answer.status, (json.loads(data) if data else {})


def phone():
    rng = random.Random()
    try:
        status, joined = request("POST", "/api/join", {"code": code})
        device = joined["device"]
        voted = {}
        while True:
            status, state = request("GET", "/api/state", device=device)
            if status == 200 and state.get("open"):
                open_choices = [i for i, c in enumerate(state["choices"]) if c["open"]]
                if open_choices and (state["round"] not in voted or rng.random() < 0.1):
                    choice = rng.choice(open_choices)
                    status, _ = request("POST", "/api/vote", {"round": state["round"], "choice": choice},
                                        device=device)
                    voted[state["round"]] = choice
                    with lock:
                        counts["votes"] += 1
            time.sleep(poll * (0.5 + rng.random()))
    except (OSError, KeyError, ValueError):
        with lock:
            counts["failed"] += 1  # the room closed (the bench ended)


threads = [threading.Thread(target=phone, daemon=True) for _ in range(phones)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"phones: {phones}, requests: {counts['requests']}, votes sent: {counts['votes']}")
