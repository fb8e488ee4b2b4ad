"""ast.parse throughput baseline for `swelego bench parser`.

Reads file paths from stdin (one per line), loads every file into memory, then times
ast.parse over all of them ITERATIONS times (argv[1], default 1) and prints one JSON object:
{"files": N, "bytes": B, "seconds": fastest pass, "version": "3.11.7"}.
Files ast.parse rejects still count: their time is part of the work.
"""
import ast
import json
import platform
import sys
import time
import warnings


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    warnings.simplefilter("ignore")
    sources = []
    for line in sys.stdin:
        path = line.rstrip("\n")
        if path:
            with open(path, "rb") as handle:
                sources.append(handle.read())
    best = float("inf")
    for _ in range(iterations):
        started = time.perf_counter()
        for source in sources:
            try:
                ast.parse(source)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                pass
        best = min(best, time.perf_counter() - started)
    print(json.dumps({"files": len(sources), "bytes": sum(len(s) for s in sources),
                      "seconds": best, "version": platform.python_version()}))


if __name__ == "__main__":
    main()
