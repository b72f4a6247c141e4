"""Writes a benchmark's generated table into docs/benchmarks.md between its markers,
<!-- bench:NAME --> and <!-- /bench:NAME -->, leaving the hand-written analysis around it alone."""
import re


def replace(path, name, text):
    doc = open(path).read()
    begin, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    if begin not in doc:
        raise SystemExit(f"{path} has no {begin} marker: add the pair where the table belongs")
    doc = re.sub(re.escape(begin) + ".*?" + re.escape(end), lambda _: f"{begin}\n{text.strip()}\n{end}", doc, flags=re.S)
    open(path, "w").write(doc)
