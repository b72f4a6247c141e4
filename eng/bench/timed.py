#!/usr/bin/env python3
"""Runs a command and prints its wall-clock seconds and the CPU seconds (user + system) of it and every process
it waited for, as "WALL CPU". CPU time is what a shared machine's load inflates least, so the benchmarks report
it beside the wall-clock time. Output of the command goes to LOG.
    timed.py LOG -- command args..."""
import os, resource, subprocess, sys, time

log, command = sys.argv[1], sys.argv[sys.argv.index("--") + 1:]
before = resource.getrusage(resource.RUSAGE_CHILDREN)
start = time.perf_counter()
with open(log, "w") as out:
    code = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT).returncode
wall = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_CHILDREN)
if code != 0:
    sys.stderr.write(open(log).read()[-4000:])
    sys.exit(code)
print(f"{wall:.3f} {after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime:.3f}")
