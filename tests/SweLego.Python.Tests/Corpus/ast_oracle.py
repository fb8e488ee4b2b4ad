"""CPython oracle for the SweLego.Python corpus tests.

Walks ROOT (like os.walk, symlinked folders not followed), keeps every .py file whose index
modulo SHARDS equals SHARD, and prints one JSON object per file: whether ast.parse accepts the
file's bytes and, if so, every FunctionDef/AsyncFunctionDef/ClassDef as
[kind, qualname, lineno, col_offset, end_lineno, end_col_offset]. Qualified names follow
__qualname__: Class.method, func.<locals>.inner.

usage: python3 ast_oracle.py ROOT SHARD SHARDS
"""
import ast
import json
import os
import sys
import warnings

DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def collect(node, prefix, out):
    stack = [(node, prefix)]
    while stack:
        current, qual = stack.pop()
        children = list(ast.iter_child_nodes(current))
        for child in reversed(children):
            if isinstance(child, DEFINITIONS):
                name = qual + child.name
                out.append([type(child).__name__, name, child.lineno, child.col_offset,
                            child.end_lineno, child.end_col_offset])
                suffix = "." if isinstance(child, ast.ClassDef) else ".<locals>."
                stack.append((child, name + suffix))
            else:
                stack.append((child, qual))


def files(root):
    for directory, subdirectories, names in os.walk(root):
        subdirectories.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                yield os.path.join(directory, name)


def main():
    root, shard, shards = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(20000)
    out = sys.stdout
    for index, path in enumerate(files(root)):
        if index % shards != shard:
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            out.write(json.dumps({"path": path, "ok": False, "error": "read: %s" % error}) + "\n")
            continue
        try:
            tree = ast.parse(data)
        except BaseException as error:  # SyntaxError, ValueError (null bytes), RecursionError...
            out.write(json.dumps({"path": path, "ok": False, "error": "%s: %s" % (type(error).__name__, error)}) + "\n")
            continue
        definitions = []
        collect(tree, "", definitions)
        definitions.sort(key=lambda d: (d[2], d[3]))
        out.write(json.dumps({"path": path, "ok": True, "defs": definitions}) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
