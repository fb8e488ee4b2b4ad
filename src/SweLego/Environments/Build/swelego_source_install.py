"""swelego's source install: makes a project importable from its checkout without building it.

Run by the environment's own python inside the sandbox, after `pip install -e .` failed because
the build backend or a build requirement (or a new enough version of one) is not installed:
    python swelego_source_install.py PLAN.json WORKDIR PIP_LOG (offline|online) STATUS.json
PLAN.json is the spec's SourceInstall (snake_case JSON). The fallback is taken when no index is
reachable (offline, or pip's log shows the index could not be reached) and the project needs no
compiler; otherwise this exits 3 with one line saying why. It writes only into the venv:
a .pth file with the project's import roots, an import hook for renamed packages and generated
version modules, a minimal .dist-info (so importlib.metadata finds the distribution), console
scripts, and STATUS.json saying what was done.
"""
import json
import os
import re
import sys
import sysconfig

UNREACHABLE = re.compile(
    r"Failed to establish a new connection|Network is unreachable|Temporary failure in name resolution"
    r"|No matching distribution found|Could not find a version that satisfies"
)
# pip failed because the build backend, a build requirement or a new enough version of one is not
# installed: the only failures a source install may stand in for.
BACKEND_MISSING = re.compile(
    r"BackendUnavailable|No module named '[^']+'|configuration error:|must be valid exactly by one definition"
    r"|No matching distribution found|Could not find a version that satisfies|Could not find suitable distribution"
    r"|Download error|build_editable|invalid pyproject\.toml config"
)
CAUSES = [
    re.compile(r"BackendUnavailable: Cannot import '[^']+'"),
    re.compile(r"ModuleNotFoundError: No module named '[^']+'"),
    re.compile(r"No matching distribution found for [^\s]+"),
    re.compile(r"configuration error: [^\n]*"),
    re.compile(r"invalid pyproject\.toml config[^\n]*"),
]
GENERIC = ("error: subprocess-exited-with-error", "error: metadata-generation-failed")
EXCEPTION = re.compile(r"^[A-Z]\w*(?:Error|Exception): .+")

HOOK = '''\
# Written by swelego's source install: serves packages whose folder is named differently and
# version modules a build backend would have generated. Consulted after every other finder.
import importlib.machinery, importlib.util, os, sys

_PACKAGES = %r
_MODULES = %r


class _SwelegoSourceFinder:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name in _MODULES:
            return importlib.util.spec_from_file_location(name, _MODULES[name])
        folder = _PACKAGES.get(name)
        if folder is None:
            return None
        init = os.path.join(folder, "__init__.py")
        if os.path.exists(init):
            return importlib.util.spec_from_file_location(name, init, submodule_search_locations=[folder])
        spec = importlib.machinery.ModuleSpec(name, None, is_package=True)
        spec.submodule_search_locations = [folder]
        return spec


sys.meta_path.append(_SwelegoSourceFinder)
'''


def cause(log):
    """The line of pip's output that says what went wrong."""
    for pattern in CAUSES:
        match = pattern.search(log)
        if match:
            return match.group(0).strip()
    lines = [line.strip(" \t│╰─>×") for line in log.splitlines()]
    exceptions = [line for line in lines if EXCEPTION.match(line)]
    if exceptions:
        return exceptions[-1]
    errors = [line for line in lines if line.lower().startswith("error:") and line not in GENERIC]
    if errors:
        return errors[-1]
    lines = [line for line in lines if line]
    return lines[-1] if lines else "pip printed nothing"


def canonical(name):
    return re.sub(r"[-_.]+", "_", name)


def main(plan_path, workdir, pip_log, mode, status_path):
    with open(plan_path, encoding="utf-8") as f:
        plan = json.load(f)
    try:
        with open(pip_log, encoding="utf-8", errors="replace") as f:
            log = f.read()
    except OSError:
        log = ""
    why = cause(log)
    if mode != "offline" and not UNREACHABLE.search(log):
        print(f"swelego: pip could not install the project: {why}")
        return 3
    if plan.get("needs_compiler"):
        print(f"swelego: pip could not build the project offline ({why}), and a source install is not possible: "
              f"it needs a compiler ({plan['needs_compiler']})")
        return 3
    if not BACKEND_MISSING.search(log):
        print(f"swelego: pip could not install the project: {why} (not a missing build backend, so no source install)")
        return 3

    site = sysconfig.get_paths()["purelib"]
    roots = [os.path.normpath(os.path.join(workdir, entry)) for entry in plan.get("path_entries", [])]
    packages = {name: os.path.normpath(os.path.join(workdir, folder)) for name, folder in plan.get("packages", {}).items()}
    generated_root = os.path.join(site, "_swelego_generated")
    modules = {}
    for module, content in plan.get("generated_modules", {}).items():
        target = os.path.join(generated_root, *module.split(".")) + ".py"
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(content)
        modules[module] = target

    written = []
    pth_lines = list(roots)
    if packages or modules:
        hook = os.path.join(site, "_swelego_source_hook.py")
        with open(hook, "w", encoding="utf-8") as f:
            f.write(HOOK % (packages, modules))
        written.append(hook)
        pth_lines.append("import _swelego_source_hook")
    pth = os.path.join(site, "_swelego_source.pth")
    with open(pth, "w", encoding="utf-8") as f:
        f.write("\n".join(pth_lines) + "\n")
    written.append(pth)

    name, version = plan["distribution"], plan.get("version") or "0+unknown"
    info = os.path.join(site, f"{canonical(name)}-{canonical(version)}.dist-info")
    os.makedirs(info, exist_ok=True)
    files = {
        "METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        "INSTALLER": "swelego-source\n",
        "direct_url.json": json.dumps({"url": "file://" + workdir, "dir_info": {"editable": True}}) + "\n",
    }
    scripts = plan.get("scripts", {})
    if scripts:
        files["entry_points.txt"] = "[console_scripts]\n" + "".join(f"{k} = {v}\n" for k, v in scripts.items())
    for file, content in files.items():
        with open(os.path.join(info, file), "w", encoding="utf-8") as f:
            f.write(content)
    with open(os.path.join(info, "RECORD"), "w", encoding="utf-8") as f:
        for file in list(files) + ["RECORD"]:
            f.write(os.path.relpath(os.path.join(info, file), site) + ",,\n")

    bindir = os.path.dirname(sys.executable)
    for script, target in scripts.items():
        module, _, function = target.partition(":")
        function = function.split("[")[0].strip()
        path = os.path.join(bindir, script)
        with open(path, "w", encoding="utf-8") as f:
            f.write(f"#!{sys.executable}\nimport sys\nfrom {module.strip()} import {function.split('.')[0]}\n"
                    f"sys.exit({function}())\n")
        os.chmod(path, 0o755)

    status = {
        "method": "source",
        "reason": why,
        "path_entries": roots,
        "packages": packages,
        "generated_modules": sorted(modules),
    }
    with open(status_path, "w", encoding="utf-8") as f:
        json.dump(status, f)
    where = ", ".join(roots + [f"{k} from {v}" for k, v in packages.items()])
    print(f"swelego: pip could not build the project ({why}); installed it from source instead: {where} on sys.path")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))
