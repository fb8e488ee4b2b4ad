using SweLego.Python;
using SweLego.Python.Syntax;

namespace SweLego.Environments.Inference;

/// <summary>
/// Reads a <c>setup.py</c> without running it: finds the <c>setup(...)</c> (or
/// <c>setuptools.setup(...)</c>) call and evaluates the keyword values that are literals,
/// lists/tuples of literals, dicts of them, <c>+</c> concatenations, or names assigned such a
/// value at module level. Running a repository's setup.py on the host would execute its code.
/// </summary>
public static class SetupPyReader
{
    /// <summary>Reads the file; a syntax error or a missing setup() call is an <see cref="EnvironmentInferenceException"/> naming the file and line.</summary>
    public static SetupPyMetadata Read(string path)
    {
        var module = PythonSource.ParseFile(path);
        if (module.HasErrors)
        {
            var d = module.Diagnostics[0];
            throw new EnvironmentInferenceException($"{path}:{d.Line}:{d.Column}: cannot read setup.py statically: {d.Message}");
        }

        var names = ModuleAssignments(module.Root);
        var call = module.Root.DescendantNodes().OfType<CallExpressionSyntax>().FirstOrDefault(IsSetupCall)
            ?? throw new EnvironmentInferenceException($"{path}: no setup(...) call found.");

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var unresolved = new List<string>();
        var compiled = new List<string>();
        string? findWhere = null;
        foreach (var argument in call.Arguments.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DictionaryUnpacked) unresolved.Add("**" + argument.Value.Text);
            if (argument.ArgumentKind != ArgumentKind.Keyword || argument.NameToken is not { } name) continue;
            if (CompiledKeywords.Contains(name.Text) && Evaluate(argument.Value, names, depth: 0) is not List<object?> { Count: 0 })
                compiled.Add($"setup.py:{argument.StartLocation.Line}: {name.Text}");
            if (name.Text == "packages" && FindPackagesWhere(argument.Value, names) is { } where)
            {
                findWhere = where;
                continue;
            }

            object? value = Evaluate(argument.Value, names, depth: 0);
            if (value is null) unresolved.Add(name.Text);
            else values[name.Text] = value;
        }

        return new SetupPyMetadata
        {
            Name = values.GetValueOrDefault("name") as string,
            PythonRequires = values.GetValueOrDefault("python_requires") as string,
            InstallRequires = Strings(values.GetValueOrDefault("install_requires")),
            SetupRequires = Strings(values.GetValueOrDefault("setup_requires")),
            TestsRequire = Strings(values.GetValueOrDefault("tests_require")),
            ExtrasRequire = values.GetValueOrDefault("extras_require") is Dictionary<string, object?> extras
                ? extras.ToDictionary(kv => kv.Key, kv => Strings(kv.Value))
                : new Dictionary<string, IReadOnlyList<string>>(),
            Version = values.GetValueOrDefault("version") as string,
            PackageDir = values.GetValueOrDefault("package_dir") is Dictionary<string, object?> dirs
                ? dirs.Where(kv => kv.Value is string).ToDictionary(kv => kv.Key, kv => (string)kv.Value!)
                : new Dictionary<string, string>(),
            Packages = Strings(values.GetValueOrDefault("packages")),
            FindWhere = findWhere,
            PyModules = Strings(values.GetValueOrDefault("py_modules")),
            ConsoleScripts = values.GetValueOrDefault("entry_points") is Dictionary<string, object?> entryPoints
                ? Strings(entryPoints.GetValueOrDefault("console_scripts"))
                : [],
            CompiledParts = compiled,
            Unresolved = unresolved,
        };
    }

    /// <summary>
    /// The folder searched by <c>packages=find_packages(...)</c> / <c>find_namespace_packages(...)</c>
    /// (first positional or <c>where=</c>; "." without one); null when the value is not such a call.
    /// </summary>
    private static string? FindPackagesWhere(ExpressionSyntax value, Dictionary<string, ExpressionSyntax> names)
    {
        if (value is not CallExpressionSyntax call) return null;
        string function = call.Function switch
        {
            NameExpressionSyntax name => name.Identifier,
            AttributeExpressionSyntax attribute => attribute.Name,
            _ => "",
        };
        if (function is not ("find_packages" or "find_namespace_packages")) return null;
        foreach (var argument in call.Arguments.Arguments)
        {
            bool isWhere = argument.ArgumentKind == ArgumentKind.Positional
                || (argument.ArgumentKind == ArgumentKind.Keyword && argument.NameToken?.Text == "where");
            if (isWhere) return Evaluate(argument.Value, names, depth: 0) as string ?? ".";
        }

        return ".";
    }

    /// <summary>setup() keywords that build compiled code.</summary>
    private static readonly string[] CompiledKeywords = ["ext_modules", "cffi_modules", "rust_extensions", "libraries"];

    private static bool IsSetupCall(CallExpressionSyntax call) => call.Function switch
    {
        NameExpressionSyntax { Identifier: "setup" } => true,
        AttributeExpressionSyntax { Name: "setup" } attribute => attribute.Value.Text.Trim() is "setuptools" or "distutils.core",
        _ => false,
    };

    // Module-level `NAME = expression`, the usual way setup.py files build their lists.
    private static Dictionary<string, ExpressionSyntax> ModuleAssignments(ModuleSyntax root)
    {
        var names = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
        foreach (var line in root.Statements.OfType<SimpleStatementLineSyntax>())
        {
            foreach (var assignment in line.Statements.OfType<AssignmentStatementSyntax>())
            {
                foreach (var target in assignment.Targets.OfType<NameExpressionSyntax>()) names[target.Identifier] = assignment.Value;
            }
        }

        return names;
    }

    // A string, a List<object?> or a Dictionary<string, object?>; null when not statically known.
    private static object? Evaluate(ExpressionSyntax expression, Dictionary<string, ExpressionSyntax> names, int depth)
    {
        if (depth > 20) return null;
        switch (expression)
        {
            case StringLiteralSyntax { IsBytes: false, HasFormatting: false } text:
                return text.Value;
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression, names, depth + 1);
            case ListExpressionSyntax list:
                return EvaluateAll(list.Elements, names, depth);
            case TupleExpressionSyntax tuple:
                return EvaluateAll(tuple.Elements, names, depth);
            case DictExpressionSyntax dict:
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in dict.Entries)
                {
                    if (entry.Key is null || Evaluate(entry.Key, names, depth + 1) is not string key) return null;
                    object? value = Evaluate(entry.Value, names, depth + 1);
                    if (value is null) return null;
                    result[key] = value;
                }

                return result;
            case NameExpressionSyntax name when names.TryGetValue(name.Identifier, out var assigned):
                return Evaluate(assigned, names, depth + 1);
            case BinaryExpressionSyntax { Operator: TokenKind.Plus } sum:
                return (Evaluate(sum.Left, names, depth + 1), Evaluate(sum.Right, names, depth + 1)) switch
                {
                    (List<object?> left, List<object?> right) => left.Concat(right).ToList(),
                    (string left, string right) => left + right,
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static List<object?>? EvaluateAll(IReadOnlyList<ExpressionSyntax> elements, Dictionary<string, ExpressionSyntax> names, int depth)
    {
        var values = new List<object?>(elements.Count);
        foreach (var element in elements)
        {
            object? value = Evaluate(element, names, depth + 1);
            if (value is null) return null;
            values.Add(value);
        }

        return values;
    }

    private static IReadOnlyList<string> Strings(object? value) => value switch
    {
        string single => [single],
        List<object?> list => [.. list.OfType<string>()],
        _ => [],
    };
}
