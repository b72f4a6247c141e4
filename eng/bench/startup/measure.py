#!/usr/bin/env python3
"""Starts a web process again and again and measures, per start, the time from process start to the first 200
answer on a path, and the resident memory (VmRSS) right after that answer. Prints medians as JSON.
    measure.py NAME RUNS PATH -- dotnet app.dll"""
import json, os, signal, socket, statistics, subprocess, sys, time, urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def once(command, path):
    port = free_port()
    env = dict(os.environ, PORT=str(port), ASPNETCORE_HTTP_PORTS=str(port))
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None:
                    raise SystemExit(f"{command} exited with {process.returncode} before answering")
                time.sleep(0.002)
        elapsed = time.perf_counter() - start
        with open(f"/proc/{process.pid}/status") as status:
            rss_kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        return elapsed, rss_kb / 1024
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def main():
    name, runs, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    command = sys.argv[sys.argv.index("--") + 1:]
    once(command, path)  # warm the disk cache; not counted
    samples = [once(command, path) for _ in range(runs)]
    print(json.dumps({
        "name": name,
        "runs": runs,
        "startup_ms": round(statistics.median(s[0] for s in samples) * 1000, 1),
        "rss_mb": round(statistics.median(s[1] for s in samples), 1),
    }))


main()
