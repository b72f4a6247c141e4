"""Figures every benchmark reports the same way: median, fastest, spread of the samples of each side, the ratio of
medians and of the fastest runs, the median of the run-by-run ratios, and the machine's load average while the samples were taken (the machine is
shared, so a ratio means little without it).
    import stats; stats.summary(samples); stats.load_average(); stats.markdown_table(rows)"""
import os, statistics


def load_average():
    """The 1-minute load average (the number of runnable processes), or None where /proc is missing."""
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except OSError:
        return None


def summary(samples):
    ordered = sorted(samples)
    return {
        "runs": len(ordered),
        "median": statistics.median(ordered),
        "fastest": ordered[0],
        "slowest": ordered[-1],
        # Spread as the interquartile range (robust to one disturbed run) and as the full range.
        "iqr": (statistics.quantiles(ordered, n=4)[2] - statistics.quantiles(ordered, n=4)[0]) if len(ordered) >= 4 else ordered[-1] - ordered[0],
        "range": ordered[-1] - ordered[0],
    }


def ratios(ours, plain):
    o, p = summary(ours), summary(plain)
    return o["median"] / p["median"], o["fastest"] / p["fastest"]


def paired(ours, plain):
    """The median of the run-by-run ratios (each run of ours against the other side's run next to it in the
    alternation) and their quartiles. A change in the machine's speed during the run moves both runs of a pair,
    so it cancels here, where it moves the two medians apart."""
    pairs = sorted(o / p for o, p in zip(ours, plain))
    low, high = (statistics.quantiles(pairs, n=4)[0], statistics.quantiles(pairs, n=4)[2]) if len(pairs) >= 4 else (pairs[0], pairs[-1])
    return statistics.median(pairs), low, high


def paired_text(ours, plain):
    median, low, high = paired(ours, plain)
    return f"run by run {median:.3f} (quartiles {low:.3f} to {high:.3f})"


def load_line(loads):
    loads = [l for l in loads if l is not None]
    if not loads:
        return "load average not available"
    return f"load average during the run {min(loads):.1f} to {max(loads):.1f} (median {statistics.median(loads):.1f}) on {os.cpu_count()} cores"


def row(name, samples, unit="s", digits=3):
    s = summary(samples)
    return (f"| {name} | {s['median']:.{digits}f} | {s['fastest']:.{digits}f} | {s['iqr']:.{digits}f} / {s['range']:.{digits}f} | "
            + " ".join(f"{x:.2f}" for x in samples) + " |")


def table_header(unit="s"):
    return (f"| | median ({unit}) | fastest ({unit}) | spread: IQR / range ({unit}) | runs ({unit}, in order) |\n"
            "|---|---:|---:|---:|---|")
