using System.Text.RegularExpressions;

namespace SweLego.Environments.Inference;

/// <summary>
/// Infers an <see cref="EnvironmentSpec"/> from a repository's files, never running any of
/// them: pyproject.toml, setup.cfg, setup.py (read statically), requirements files,
/// pytest.ini / tox.ini, .python-version and CI workflows. A broken file is an
/// <see cref="EnvironmentInferenceException"/> naming it and the line.
/// </summary>
public static partial class EnvironmentInference
{
    private static readonly string[] TestExtras = ["test", "tests", "testing", "dev"];

    public static EnvironmentSpec Infer(string repository)
    {
        if (!Directory.Exists(repository)) throw new EnvironmentInferenceException($"{repository}: not a directory.");
        var found = new InferenceFacts(Path.GetFullPath(repository));
        PyprojectSource.Read(found);
        ReadSetupCfg(found);
        ReadSetupPy(found);
        ReadRequirementFiles(found);
        ReadPytestConfiguration(found);
        ReadCiWorkflows(found);

        string framework = Framework(found);
        var extras = TestExtras.Where(found.Extras.ContainsKey).ToList();
        var install = new List<string>();
        if (found.Installable) install.Add("python -m pip install -e ." + (extras.Count > 0 ? $"[{string.Join(',', extras)}]" : ""));
        install.AddRange(found.RequirementFiles.Select(f => $"python -m pip install -r {f}"));

        return new EnvironmentSpec
        {
            PythonVersion = PythonVersion(found),
            RequiresPython = found.RequiresPython,
            Requirements = [.. found.Requirements.Concat(extras.SelectMany(e => found.Extras[e])).Distinct(StringComparer.Ordinal)],
            InstallSteps = install,
            TestFramework = framework,
            TestCommand = framework switch
            {
                "django" => "./tests/runtests.py --verbosity 2 --settings=test_sqlite --parallel 1",
                "unittest" => "python -m unittest -v",
                _ => "pytest -rA",
            },
            LogParser = framework switch { "django" => SweLego.Tasks.Harness.DjangoStrictLogParser.ParserName, "unittest" => "unittest", _ => framework },
            SourceInstall = found.Installable ? SourceLayout.Plan(found) : null,
            Sources = [.. found.Sources],
            Notes = [.. found.Notes],
        };
    }

    /// <summary>
    /// <see cref="Infer"/> on a checkout the tool made (a slot or a throw-away clone): errors name the
    /// repository's files relative to its root (<c>pyproject.toml:3:5</c>), not the checkout's internal path.
    /// </summary>
    public static EnvironmentSpec InferCheckout(string checkout)
    {
        try
        {
            return Infer(checkout);
        }
        catch (EnvironmentInferenceException e)
        {
            string root = Path.GetFullPath(checkout).TrimEnd('/') + "/";
            throw new EnvironmentInferenceException(e.Message.Replace(root, "", StringComparison.Ordinal), e);
        }
    }

    private static void ReadSetupCfg(InferenceFacts found)
    {
        if (found.Read("setup.cfg") is not { } path) return;
        var ini = IniFile.Read(path);
        found.Installable |= ini.Get("metadata", "name") is not null || ini.GetSection("options").Count > 0;
        found.RequiresPython ??= ini.Get("options", "python_requires");
        found.Requirements.AddRange(ini.GetList("options", "install_requires"));
        found.Requirements.AddRange(ini.GetList("options", "tests_require"));
        foreach (var (extra, value) in ini.GetSection("options.extras_require")) found.AddExtra(extra, IniFile.SplitList(value));
        found.PytestConfigured |= ini.Sections.Contains("tool:pytest");

        var layout = found.Layout;
        layout.Name ??= ini.Get("metadata", "name");
        if (ini.Get("metadata", "version") is { } version)
        {
            if (version.StartsWith("attr:", StringComparison.Ordinal)) layout.VersionAttribute ??= version["attr:".Length..].Trim();
            else if (!version.StartsWith("file:", StringComparison.Ordinal)) layout.Version ??= version;
        }
        foreach (string mapping in ini.GetList("options", "package_dir"))
        {
            int equals = mapping.IndexOf('=');
            if (equals >= 0) layout.PackageDir.TryAdd(mapping[..equals].Trim(), mapping[(equals + 1)..].Trim());
        }

        string? packages = ini.Get("options", "packages");
        if (packages is "find:" or "find_namespace:") layout.FindWhere.Add(ini.Get("options.packages.find", "where") ?? ".");
        else layout.Packages.AddRange(IniFile.SplitList(packages?.Replace(',', '\n')));
        layout.PyModules.AddRange(IniFile.SplitList(ini.Get("options", "py_modules")?.Replace(',', '\n')));
        AddConsoleScripts(layout, ini.GetList("options.entry_points", "console_scripts"));
    }

    private static void AddConsoleScripts(LayoutFacts layout, IEnumerable<string> entries)
    {
        foreach (string entry in entries)
        {
            int equals = entry.IndexOf('=');
            if (equals > 0) layout.Scripts.TryAdd(entry[..equals].Trim(), entry[(equals + 1)..].Trim());
        }
    }


    private static void ReadSetupPy(InferenceFacts found)
    {
        if (found.Read("setup.py") is not { } path) return;
        found.Installable = true;
        var metadata = SetupPyReader.Read(path);
        found.RequiresPython ??= metadata.PythonRequires;
        found.Requirements.AddRange(metadata.InstallRequires);
        found.Requirements.AddRange(metadata.TestsRequire);
        foreach (var (extra, requirements) in metadata.ExtrasRequire) found.AddExtra(extra, requirements);
        var layout = found.Layout;
        layout.Name ??= metadata.Name;
        layout.Version ??= metadata.Version;
        foreach (var (package, folder) in metadata.PackageDir) layout.PackageDir.TryAdd(package, folder);
        if (metadata.FindWhere is { } where) layout.FindWhere.Add(where);
        layout.Packages.AddRange(metadata.Packages);
        layout.PyModules.AddRange(metadata.PyModules);
        AddConsoleScripts(layout, metadata.ConsoleScripts);
        layout.SetupPyCompiledParts.AddRange(metadata.CompiledParts);
        if (metadata.Unresolved.Count > 0)
            found.Notes.Add($"setup.py: not read without running it: {string.Join(", ", metadata.Unresolved)}.");
    }

    private static void ReadRequirementFiles(InferenceFacts found)
    {
        var candidates = Directory.EnumerateFiles(found.Root, "requirements*.txt")
            .Concat(Directory.Exists(Path.Combine(found.Root, "requirements"))
                ? Directory.EnumerateFiles(Path.Combine(found.Root, "requirements"), "*.txt")
                : [])
            .Select(f => Path.GetRelativePath(found.Root, f))
            .Where(f => !f.Contains("doc", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (string file in candidates)
        {
            var content = RequirementsFile.Read(found.Read(file)!);
            found.RequirementFiles.Add(file);
            found.Requirements.AddRange(content.Requirements);
            foreach (string included in content.Files.Skip(1)) found.Sources.Add(Path.GetRelativePath(found.Root, included));
        }
    }

    private static void ReadPytestConfiguration(InferenceFacts found)
    {
        if (found.Read("pytest.ini") is not null) found.PytestConfigured = true;
        if (found.Read("tox.ini") is { } tox && IniFile.Read(tox).Sections.Contains("pytest")) found.PytestConfigured = true;
        if (File.Exists(Path.Combine(found.Root, "conftest.py")) || File.Exists(Path.Combine(found.Root, "tests", "conftest.py"))) found.PytestConfigured = true;
    }

    private static void ReadCiWorkflows(InferenceFacts found)
    {
        string workflows = Path.Combine(found.Root, ".github", "workflows");
        if (!Directory.Exists(workflows)) return;
        foreach (string file in Directory.EnumerateFiles(workflows).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(found.Root, file);
            foreach (Match match in TestInvocation().Matches(File.ReadAllText(found.Read(relative)!)))
            {
                string command = match.Groups["command"].Value.Trim();
                found.Notes.Add($"{relative} runs tests with: {command}");
                if (command.Contains("pytest", StringComparison.Ordinal)) found.PytestConfigured = true;
            }
        }
    }

    private static string Framework(InferenceFacts found)
    {
        if (File.Exists(Path.Combine(found.Root, "tests", "runtests.py")) && Directory.Exists(Path.Combine(found.Root, "django"))) return "django";
        bool pytestRequired = found.Requirements.Concat(found.Extras.Values.SelectMany(v => v)).Any(r => RequirementName(r) == "pytest");
        if (found.PytestConfigured || pytestRequired) return "pytest";
        if (TestsUsePytest(found.Root) is { } file)
        {
            found.Notes.Add($"pytest inferred from {file} (it imports pytest or defines module-level test functions), not from the configuration.");
            return "pytest";
        }

        if (UndiscoverableByUnittest(found.Root) is { } folder)
        {
            found.Notes.Add($"pytest chosen: unittest's discovery would find no test in {folder} (no __init__.py on the way), and pytest runs unittest-style tests too.");
            return "pytest";
        }

        return "unittest";
    }

    /// <summary>
    /// The folder of the first test module (<c>test*.py</c>, unittest's pattern) when none of them can be
    /// discovered by <c>python -m unittest</c>, which only descends into packages; null when one can, or there are none.
    /// </summary>
    private static string? UndiscoverableByUnittest(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden };
        string? first = null;
        foreach (string module in Directory.EnumerateFiles(root, "test*.py", options).Take(MaxTestModulesScanned))
        {
            string? folder = Path.GetDirectoryName(module);
            bool discoverable = true;
            for (; folder is not null && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
                discoverable &= File.Exists(Path.Combine(folder, "__init__.py"));
            if (discoverable) return null;
            first ??= Path.GetRelativePath(root, Path.GetDirectoryName(module)!);
        }

        return first;
    }

    /// <summary>
    /// The first test module (test_*.py, *_test.py; at most <see cref="MaxTestModulesScanned"/> looked at)
    /// that imports pytest or has a module-level <c>def test_</c>, which unittest would not run.
    /// </summary>
    private static string? TestsUsePytest(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden };
        var modules = Directory.EnumerateFiles(root, "*.py", options)
            .Where(f => Path.GetFileName(f) is var name && (name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal)))
            .Take(MaxTestModulesScanned);
        foreach (string module in modules)
        {
            if (PytestStyle().IsMatch(File.ReadAllText(module))) return Path.GetRelativePath(root, module);
        }

        return null;
    }

    private const int MaxTestModulesScanned = 200;

    [GeneratedRegex(@"^(?:import pytest|from pytest import|(?:async )?def test_)", RegexOptions.Multiline)]
    private static partial Regex PytestStyle();

    private static string? PythonVersion(InferenceFacts found)
    {
        if (found.Read(".python-version") is { } file)
        {
            string first = File.ReadLines(file).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) ?? "";
            if (VersionNumber().Match(first) is { Success: true } version) return version.Value;
            found.Notes.Add($".python-version: '{first}' is not a version number; ignored.");
        }

        return found.RequiresPython is { } requires && LowerBound().Match(requires) is { Success: true } bound ? bound.Groups["version"].Value : null;
    }

    internal static string RequirementName(string requirement) =>
        RequirementNamePattern().Match(requirement) is { Success: true } m ? m.Value.ToLowerInvariant().Replace('_', '-') : requirement;

    [GeneratedRegex(@"^\s*(?:-\s*)?run:\s*(?<command>[^\n]*(?:pytest|tox|unittest|runtests\.py)[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex TestInvocation();

    [GeneratedRegex(@"^\d+\.\d+")]
    private static partial Regex VersionNumber();

    [GeneratedRegex(@">=\s*(?<version>\d+\.\d+)")]
    private static partial Regex LowerBound();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*")]
    private static partial Regex RequirementNamePattern();
}
