"""Load test of the web app: requests/s and latency for Coming up and a season page.

Starts `uvicorn seasoncast.web.app:create_app` on a free loopback port against a store
with the bundled data (a temporary SQLite one unless SEASONCAST_DATABASE_URL is set),
waits until the day's model is fitted and the pages are warm, then drives each path with
`wrk` when it is installed (`apt-get install -y wrk`), else with a small asyncio/httpx
load generator, and prints the figures.

    .venv/bin/python benchmarks/web_load.py [--duration 15] [--connections 16]
        [--workers 1] [--paths / /season/all-of-us-are-dead/2] [--json]

Targets (issue 7): >= 200 requests/s and p95 <= 100 ms on a 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

DEFAULT_PATHS = ["/", "/season/all-of-us-are-dead/2"]
TARGET_RPS, TARGET_P95_MS = 200.0, 100.0

WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %d %f %f %f %f\\n",
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_store(workdir: Path) -> str:
    url = os.environ.get("SEASONCAST_DATABASE_URL")
    if url:
        return url
    from seasoncast import api
    from seasoncast.store import Store

    url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    store = Store.open(url)
    api.init_store(store)
    store.engine.dispose()
    return url


def start_server(url: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "SEASONCAST_DATABASE_URL": url}
    env.pop("SEASONCAST_TOKEN", None)
    cmd = [sys.executable, "-m", "uvicorn", "seasoncast.web.app:create_app", "--factory",
           "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
           "--no-access-log", "--log-level", "warning"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with code {proc.returncode}")
        try:
            r = httpx.get(base + "/healthz", timeout=2)
            if r.status_code == 200 and r.json().get("ready"):
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("server did not become ready")


def run_wrk(url: str, duration: int, connections: int, threads: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT)
        script = fh.name
    try:
        out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s",
                              "--timeout", "5s", "-s", script, url],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script)
    m = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)", out)
    if not m:
        raise SystemExit(f"could not read wrk's output:\n{out}")
    n, dur_us, bad_status, sock_err = (int(m[i]) for i in range(1, 5))
    p50, p95, p99, pmax = (float(m[i]) for i in range(5, 9))
    return {"tool": "wrk", "requests": n, "seconds": dur_us / 1e6,
            "rps": n / (dur_us / 1e6), "p50_ms": p50, "p95_ms": p95, "p99_ms": p99,
            "max_ms": pmax, "errors": bad_status + sock_err}


async def _httpx_load(url: str, duration: int, connections: int) -> dict:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        async def worker():
            nonlocal errors
            while time.perf_counter() < stop:
                t0 = time.perf_counter()
                try:
                    r = await client.get(url)
                    if r.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append((time.perf_counter() - t0) * 1000)
        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(connections)))
        elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(q: float) -> float:
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))]

    return {"tool": "httpx", "requests": len(latencies), "seconds": elapsed,
            "rps": len(latencies) / elapsed, "p50_ms": pct(0.50), "p95_ms": pct(0.95),
            "p99_ms": pct(0.99), "max_ms": latencies[-1], "errors": errors}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=int, default=15, help="seconds per path")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2, help="wrk threads")
    ap.add_argument("--workers", type=int, default=1, help="uvicorn workers")
    ap.add_argument("--paths", nargs="+", default=DEFAULT_PATHS)
    ap.add_argument("--tool", choices=["auto", "wrk", "httpx"], default="auto")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    tool = args.tool
    if tool == "auto":
        tool = "wrk" if shutil.which("wrk") else "httpx"

    with tempfile.TemporaryDirectory(prefix="seasoncast-bench-") as tmp:
        t0 = time.monotonic()
        url = prepare_store(Path(tmp))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = start_server(url, port, args.workers)
        try:
            wait_ready(base, proc)
            startup = time.monotonic() - t0
            for path in args.paths:  # warm: first renders are not what we measure
                for _ in range(args.workers * 4):
                    r = httpx.get(base + path, timeout=60, follow_redirects=True)
                    r.raise_for_status()
            results = {}
            for path in args.paths:
                if tool == "wrk":
                    res = run_wrk(base + path, args.duration, args.connections, args.threads)
                else:
                    res = asyncio.run(_httpx_load(base + path, args.duration,
                                                  args.connections))
                res["ok"] = res["rps"] >= TARGET_RPS and res["p95_ms"] <= TARGET_P95_MS \
                    and res["errors"] == 0
                results[path] = res
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()

    summary = {"cpus": os.cpu_count(), "workers": args.workers,
               "connections": args.connections, "duration_s": args.duration,
               "startup_s": round(startup, 1), "tool": tool,
               "targets": {"rps": TARGET_RPS, "p95_ms": TARGET_P95_MS}, "results": results}
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(f"{os.cpu_count()} CPUs, {args.workers} worker(s), {args.connections} connections, "
          f"{args.duration} s per path, load by {tool}; server ready in {startup:.1f} s")
    print(f"{'path':40} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'errors':>7}  target")
    for path, r in results.items():
        print(f"{path:40} {r['rps']:8.0f} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
              f"{r['p99_ms']:8.1f} {r['errors']:7d}  {'met' if r['ok'] else 'MISSED'}")


if __name__ == "__main__":
    main()
