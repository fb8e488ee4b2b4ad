"""Reads a JSON list of source texts on stdin; prints a JSON list of [accepted, message]."""
import ast
import json
import sys
import warnings

warnings.simplefilter("ignore")
verdicts = []
for source in json.load(sys.stdin):
    try:
        ast.parse(source.encode("utf-8", "surrogateescape"))
        verdicts.append([True, ""])
    except BaseException as error:  # SyntaxError, ValueError (null bytes), RecursionError
        verdicts.append([False, "%s: %s" % (type(error).__name__, getattr(error, "msg", error))])
json.dump(verdicts, sys.stdout)
