#!/usr/bin/env python3
"""Starts web processes again and again, the sides alternating, and measures per start the time from process
start to the first 200 answer on a path, the CPU time the process had used by then (every thread's, from
/proc/PID/task/*/schedstat: what a loaded machine inflates least) and the resident memory (VmRSS) right after
that answer. Prints, per
side, every sample, the median, the fastest and the spread, and the load average during the run, as JSON.
    measure.py RUNS NAME PATH [VAR=VALUE ...] -- command ... [++ NAME PATH [VAR=VALUE ...] -- command ...]"""
import json, os, signal, socket, statistics, subprocess, sys, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import stats  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def once(side):
    port = free_port()
    env = dict(os.environ, PORT=str(port), ASPNETCORE_HTTP_PORTS=str(port), **side["env"])
    start = time.perf_counter()
    process = subprocess.Popen(side["command"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{side['path']}", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                if process.poll() is not None:
                    raise SystemExit(f"{side['command']} exited with {process.returncode} before answering")
                time.sleep(0.002)
        elapsed = time.perf_counter() - start
        cpu_ns = 0
        for thread in os.listdir(f"/proc/{process.pid}/task"):
            try:
                with open(f"/proc/{process.pid}/task/{thread}/schedstat") as schedstat:
                    cpu_ns += int(schedstat.read().split()[0])
            except OSError:
                pass  # a thread that ended meanwhile
        with open(f"/proc/{process.pid}/status") as status:
            rss_kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        return elapsed * 1000, rss_kb / 1024, cpu_ns / 1e6
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def parse(arguments):
    sides, current = [], []
    for argument in arguments + ["++"]:
        if argument == "++":
            split = current.index("--")
            head, command = current[:split], current[split + 1:]
            sides.append({"name": head[0], "path": head[1], "env": dict(a.split("=", 1) for a in head[2:]), "command": command})
            current = []
        else:
            current.append(argument)
    return sides


def main():
    runs, sides = int(sys.argv[1]), parse(sys.argv[2:])
    for side in sides:
        once(side)  # warm the disk cache; not counted
    samples = {side["name"]: [] for side in sides}
    loads = []
    for run in range(runs):
        loads.append(stats.load_average())
        order = sides if run % 2 == 0 else list(reversed(sides))
        for side in order:
            samples[side["name"]].append(once(side))
    loads.append(stats.load_average())
    result = {"runs": runs, "loads": loads, "sides": {}}
    for name, values in samples.items():
        times, memory, cpu = [v[0] for v in values], [v[1] for v in values], [v[2] for v in values]
        result["sides"][name] = {"startup_ms": [round(t, 1) for t in times], "rss_mb": [round(m, 1) for m in memory],
                                 "cpu_ms": [round(c, 1) for c in cpu],
                                 "startup": stats.summary(times), "memory": stats.summary(memory), "cpu": stats.summary(cpu)}
    print(json.dumps(result))


main()
