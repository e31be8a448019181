#!/usr/bin/env python3
"""Turns bench/load.sh's wrk RESULT lines into a Markdown table, prints it, and (with --docs) writes it into
docs/benchmarks.md between the load-results markers, so a re-run on a quiet machine updates the record."""
import argparse
import datetime
import os
import platform
import re
import subprocess

BEGIN = "<!-- load-results:begin (written by bench/load.sh: re-run it, do not edit by hand) -->"
END = "<!-- load-results:end -->"
SCENARIOS = {
    "store": "store an assessment: `POST /api/v1/patients/{id}/assessments`",
    "page": "patient page: `GET /patients/{id}` (signed-in clinician)",
    "floor": "floor: `POST /benchmark/floor/...` (insert only)",
}
DATABASES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
TARGET_RATIO = 0.5
TARGET_P99_MS = 50


def parse(path):
    rows = []
    with open(path, encoding="utf-8") as file:
        for line in file:
            db, scenario, *pairs = line.split()
            values = {k: float(v) for k, v in (pair.split("=", 1) for pair in pairs)}
            values["rps"] = values["requests"] / (values["duration_us"] / 1e6)
            values["errors"] = sum(values[k] for k in ("connect", "read", "write", "timeout"))
            values["cpu_us"] = values["app_ticks"] / values["hz"] * 1e6 / values["requests"] if values["requests"] else 0
            ticks = values.get("db_ticks", -1)
            values["db_cpu_us"] = ticks / values["hz"] * 1e6 / values["requests"] if ticks >= 0 and values["requests"] else None
            rows.append((db, scenario, values))
    return rows


def db_cpu(db, v):
    if db == "sqlite":
        return "(in the app)"
    if v["db_cpu_us"] is not None:
        return f"{v['db_cpu_us'] / 1000:.2f} ms"
    return "not measured"


def ms(us):
    return f"{us / 1000:.1f} ms"


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as file:
        for line in file:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as file:
        mem_kib = int(re.search(r"MemTotal:\s+(\d+)", file.read()).group(1))
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {os.cpu_count()} cores, {mem_kib / 1024 / 1024:.0f} GiB, Linux {platform.release()}, .NET SDK {dotnet}"


def commit():
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip()
    return head + (" (with uncommitted changes)" if dirty else "")


def table(rows, args):
    floors = {db: v["rps"] for db, scenario, v in rows if scenario == "floor"}
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Measured {now} at commit {commit()} with `{args.command}`: wrk, {args.connections} connections, "
        f"{args.threads} threads, {args.seconds} s per scenario after {args.warmup} s of warm-up of each, against `kneespine serve` "
        f"(Release, environment `Benchmark`, `DOTNET_GCgen0size={args.gc_gen0size}`, ADR-062) on 127.0.0.1. "
        f"PostgreSQL: {args.postgres}.",
        "",
        f"Machine: {machine()}. Load average (1, 5, 15 min) before the run: {args.load_before}; after: {args.load_after} "
        "(wrk and the app share these cores; with other work on the machine the numbers are lower than a quiet machine's).",
        "",
        "| database | scenario | requests/s | p50 | p99 | errors | non-2xx | vs floor | target | app CPU per request | database CPU per request | load (1 min) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    paced = [(db, scenario, v) for db, scenario, v in rows if v.get("pace_ms", 0) > 0]
    for db, scenario, v in rows:
        if v.get("pace_ms", 0) > 0:
            continue
        ratio = v["rps"] / floors[db] if floors.get(db) else None
        if scenario == "floor":
            target = "(the floor)"
        elif ratio is None:
            target = "no floor measured"
        else:
            met = ratio >= TARGET_RATIO and v["p99_us"] < TARGET_P99_MS * 1000 and v["errors"] + v["non2xx"] == 0
            target = "**met**" if met else "**not met**"
        lines.append(
            f"| {DATABASES.get(db, db)} | {SCENARIOS.get(scenario, scenario)} | {v['rps']:,.0f} | {ms(v['p50_us'])} | "
            f"{ms(v['p99_us'])} | {v['errors']:,.0f} | {v['non2xx']:,.0f} | "
            f"{'' if ratio is None else f'{ratio:.2f}x'} | {target} | {v['cpu_us'] / 1000:.2f} ms | {db_cpu(db, v)} | {v['loadavg']:.2f} |")
    lines += ["", f"Target: at least {TARGET_RATIO:.0%} of the floor's requests per second and p99 under "
              f"{TARGET_P99_MS} ms at {args.connections} connections, with no errors. \"App CPU per request\" is the "
              "`kneespine` process's CPU time during the run divided by its requests (for SQLite that includes the "
              "database, which runs inside the app); \"database CPU per request\" the same for the throwaway PostgreSQL "
              "cluster's processes."]
    if paced:
        lines += [
            "",
            f"Paced: the same {args.connections} connections, each waiting a random time (exponential, like independent clients) between requests so that together they ask "
            "for half the floor's measured requests per second (the throughput target; the wait is calibrated by a 5 s run "
            "first); the latency clients see at that load. By Little's law the flat-out runs above cannot show it: there, "
            "p50 is about connections / throughput.",
            "",
            "| database | scenario | target requests/s | requests/s | p50 | p99 | errors | non-2xx | p99 under "
            f"{TARGET_P99_MS} ms | app CPU per request |",
            "|---|---|---:|---:|---:|---:|---:|---:|---|---:|",
        ]
        for db, scenario, v in paced:
            under = v["p99_us"] < TARGET_P99_MS * 1000 and v["errors"] + v["non2xx"] == 0
            base = scenario.removesuffix("-paced")
            lines.append(
                f"| {DATABASES.get(db, db)} | {SCENARIOS.get(base, base)} | {v['target_rps']:,.0f} | {v['rps']:,.0f} | "
                f"{ms(v['p50_us'])} | {ms(v['p99_us'])} | {v['errors']:,.0f} | {v['non2xx']:,.0f} | "
                f"{'yes' if under else '**no**'} | {v['cpu_us'] / 1000:.2f} ms |")
    return "\n".join(lines)


def write_docs(path, block):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    replacement = f"{BEGIN}\n{block}\n{END}"
    if BEGIN in text and END in text:
        start, end = text.index(BEGIN), text.index(END) + len(END)
        text = text[:start] + replacement + text[end:]
    else:
        text = text.rstrip("\n") + "\n\n## Load (issue 5)\n\n" + replacement + "\n"
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--seconds", required=True)
    parser.add_argument("--warmup", required=True)
    parser.add_argument("--gc-gen0size", required=True)
    parser.add_argument("--connections", required=True)
    parser.add_argument("--threads", required=True)
    parser.add_argument("--load-before", required=True)
    parser.add_argument("--load-after", required=True)
    parser.add_argument("--postgres", required=True)
    parser.add_argument("--command", required=True)
    parser.add_argument("--docs")
    args = parser.parse_args()
    block = table(parse(args.results), args)
    print(block)
    if args.docs:
        write_docs(args.docs, block)
        print(f"\n(written into {args.docs})")


if __name__ == "__main__":
    main()
