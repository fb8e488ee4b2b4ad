using SweLego.Python.Semantics;

namespace SweLego.Python.Checking;

/// <summary>
/// <c>swelego python check PATH</c>: parses every <c>.py</c> file under a path (or the one file),
/// and reports syntax errors, round-trip mismatches and the definitions found.
/// </summary>
public static class PythonCheck
{
    public static PythonCheckReport Run(string path, PythonCheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new PythonCheckOptions();
        options.Validate();
        long started = options.TimeProvider.GetTimestamp();
        bool isDirectory = Directory.Exists(path);
        var files = isDirectory ? PythonFiles.Enumerate(path, options.ExcludedDirectories) : [path];
        var reports = new PythonFileReport[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken }, i =>
        {
            string display = isDirectory ? System.IO.Path.GetRelativePath(path, files[i]).Replace('\\', '/') : files[i];
            reports[i] = CheckFile(files[i], display, options.IncludeDefinitions);
        });

        var summary = new PythonCheckSummary(
            Files: reports.Length,
            Parsed: reports.Count(r => r.Parsed),
            SyntaxErrors: reports.Count(r => r.ReadError is null && r.Diagnostics.Count > 0),
            ReadErrors: reports.Count(r => r.ReadError is not null),
            RoundTripMismatches: reports.Count(r => r.ReadError is null && !r.RoundTrips),
            Functions: reports.Sum(r => r.Functions),
            Classes: reports.Sum(r => r.Classes),
            Bytes: reports.Sum(r => r.Bytes),
            ElapsedSeconds: options.TimeProvider.GetElapsedTime(started).TotalSeconds);
        return new PythonCheckReport(path, summary, reports);
    }

    private static PythonFileReport CheckFile(string file, string display, bool includeDefinitions)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PythonFileReport(display, 0, "", false, 0, 0, [], e.Message, null);
        }

        var module = PythonSource.Parse(bytes, display);
        bool roundTrips = module.ToBytes().AsSpan().SequenceEqual(bytes);
        var definitions = module.Definitions;
        return new PythonFileReport(
            display,
            bytes.Length,
            module.Text.EncodingName,
            roundTrips,
            module.Functions.Count,
            module.Classes.Count,
            module.Diagnostics,
            null,
            includeDefinitions ? [.. definitions.Select(ToReport)] : null);
    }

    private static PythonDefinitionReport ToReport(PythonDefinition definition) => new(
        definition.Kind.ToString(),
        definition.QualifiedName,
        definition.Range.StartLine,
        definition.Range.StartColumn,
        definition.Range.EndLine,
        definition.Range.EndColumn);
}
