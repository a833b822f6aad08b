#!/usr/bin/env python3
"""Summarises the JFR execution samples of a flat-out run for scripts/bench --profile.

Usage: jfr_summary.py RECORDING.jfr OUT.md [COLLAPSED.txt] [requests]
Writes a Markdown summary: samples per thread kind, the share of each part of the stack (first non-JDK frame
from the top: the app, Netty, Vert.x core/web, the PostgreSQL client, Jackson, logging, Hazelcast...), the top
methods by self samples and by inclusive samples, and optionally the collapsed stacks (flame-graph input,
`thread;frame;...;frame count`, the 400 heaviest).
"""
import collections
import json
import subprocess
import sys

rec, out = sys.argv[1], sys.argv[2]
collapsed_out = sys.argv[3] if len(sys.argv) > 3 else None
requests = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[4].isdigit() else 0

raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", rec],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(raw)["recording"]["events"]

PARTS = [
    ("org.floodready.", "app (org.floodready)"),
    ("io.vertx.pgclient.", "PostgreSQL client (vertx-pg-client)"),
    ("io.vertx.sqlclient.", "PostgreSQL client (vertx-sql-client)"),
    ("io.vertx.ext.web.openapi", "contract validation (vertx-openapi / json-schema)"),
    ("io.vertx.openapi.", "contract validation (vertx-openapi / json-schema)"),
    ("io.vertx.json.schema.", "contract validation (vertx-openapi / json-schema)"),
    ("io.vertx.ext.web.", "Vert.x web (router, handlers)"),
    ("io.vertx.ext.auth.", "Vert.x auth (JWT)"),
    ("io.vertx.core.http.", "Vert.x core HTTP"),
    ("io.vertx.core.net.", "Vert.x core net"),
    ("io.vertx.core.json.", "Vert.x JSON (Jackson)"),
    ("com.fasterxml.jackson.", "Vert.x JSON (Jackson)"),
    ("io.vertx.core.eventbus.", "Vert.x event bus"),
    ("io.vertx.spi.cluster.", "Hazelcast"),
    ("com.hazelcast.", "Hazelcast"),
    ("io.vertx.core.", "Vert.x core (futures, contexts)"),
    ("io.netty.channel.epoll.", "Netty epoll (syscalls)"),
    ("io.netty.handler.codec.http.", "Netty HTTP codec"),
    ("io.netty.", "Netty"),
    ("ch.qos.logback.", "logging"),
    ("org.slf4j.", "logging"),
    ("com.github.benmanes.caffeine.", "Caffeine"),
]


def name(frame):
    m = frame["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


def part(frames):
    for f in frames:
        n = name(f)
        for prefix, label in PARTS:
            if n.startswith(prefix):
                return label
    return "JDK only"


def thread_kind(t):
    n = (t or {}).get("javaName") or (t or {}).get("osName") or "?"
    if n.startswith("vert.x-eventloop"):
        return "event loops"
    if n.startswith("vert.x-worker") or n.startswith("vert.x-internal-blocking"):
        return "Vert.x workers"
    if n.startswith("hz."):
        return "Hazelcast"
    return "other (" + n.split("-")[0] + ")"


by_thread = collections.Counter()
by_part = collections.Counter()
self_m = collections.Counter()
incl_m = collections.Counter()
stacks = collections.Counter()
json_callers = collections.Counter()
loop_samples = 0
for e in events:
    v = e["values"]
    frames = (v.get("stackTrace") or {}).get("frames") or []
    kind = thread_kind(v.get("sampledThread"))
    by_thread[kind] += 1
    if kind != "event loops":
        continue
    loop_samples += 1
    by_part[part(frames)] += 1
    if frames:
        self_m[name(frames[0])] += 1
    names = [name(f) for f in frames]
    j = next((i for i, n in enumerate(names) if n.startswith("com.fasterxml.jackson.")), None)
    if j is not None:
        json_callers[next((n for n in names[j:] if n.startswith("org.floodready.")), "(no app frame)")] += 1
    for n in set(names):
        incl_m[n] += 1
    stacks[";".join(["event-loop"] + [name(f) for f in reversed(frames[:60])])] += 1

total = sum(by_thread.values())
with open(out, "w") as f:
    w = f.write
    w("# JFR profile of the flat-out stock POST run\n\n")
    w(f"{total} execution samples (JFR execution sampling: one per period per thread running Java code)")
    if requests:
        w(f" over {requests} requests")
    w(".\n\n## Samples by thread kind\n\n| threads | samples | share |\n|---|---|---|\n")
    for k, c in by_thread.most_common():
        w(f"| {k} | {c} | {100 * c / total:.1f} % |\n")
    w(f"\n## Event-loop samples by part of the stack ({loop_samples} samples)\n\n"
      "Each sample is given to the first frame from the top that is not the JDK itself, so e.g. a HashMap lookup "
      "made by the router counts as Vert.x web.\n\n| part | samples | share |\n|---|---|---|\n")
    for k, c in by_part.most_common():
        w(f"| {k} | {c} | {100 * c / max(loop_samples, 1):.1f} % |\n")
    w("\n## Event loops: top 30 methods by self samples\n\n| method | self | share |\n|---|---|---|\n")
    for k, c in self_m.most_common(30):
        w(f"| `{k}` | {c} | {100 * c / max(loop_samples, 1):.1f} % |\n")
    w("\n## Event loops: top 50 methods by inclusive samples (on the stack)\n\n| method | samples | share |\n|---|---|---|\n")
    for k, c in incl_m.most_common(50):
        w(f"| `{k}` | {c} | {100 * c / max(loop_samples, 1):.1f} % |\n")
    w("\n## Event loops: the app's own methods by inclusive samples (what the app's code calls, libraries included)\n\n"
      "| method | samples | share |\n|---|---|---|\n")
    for k, c in [(k, c) for k, c in incl_m.most_common() if k.startswith("org.floodready.")][:40]:
        w(f"| `{k}` | {c} | {100 * c / max(loop_samples, 1):.1f} % |\n")
    w("\n## Event loops: JSON encoding and parsing by caller (first app frame below a Jackson frame)\n\n"
      "| caller | samples |\n|---|---|\n")
    for k, c in json_callers.most_common(15):
        w(f"| `{k}` | {c} |\n")
if collapsed_out:
    with open(collapsed_out, "w") as f:
        for s, c in stacks.most_common(400):
            f.write(f"{s} {c}\n")
