namespace SweLego.Tasks.Harness.Specs;

/// <summary>
/// What the harness runs at evaluation time for one repository version (from its
/// MAP_REPO_VERSION_TO_SPECS, 4.0.4; 5.0.2 ships no such table, its instances carry a finished
/// eval_script and log_parser, built the same way).
/// </summary>
/// <param name="LogParser">Our parser name (the harness's repository parser resolved to its base: `parse_log_astropy` is `pytest_v2`).</param>
/// <param name="TestCommand">The command the test directives are appended to (`pytest -rA`, Django's runtests.py, Sympy's bin/test with PYTHONWARNINGS, Sphinx via tox).</param>
/// <param name="EvalCommands">Run before the tests (Django's locale exports).</param>
/// <param name="Install">The install line the eval script repeats before the tests; null when the harness has none.</param>
/// <param name="Python">The Python version of the harness's environment, for information.</param>
public sealed record SweBenchSpec(
    string Repository,
    string Version,
    string LogParser,
    string TestCommand,
    IReadOnlyList<string> EvalCommands,
    string? Install,
    string Python);
