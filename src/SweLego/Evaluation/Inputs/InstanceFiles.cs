using System.Text.Json.Nodes;

namespace SweLego.Evaluation.Inputs;

/// <summary>
/// Reads the instances <c>swelego eval</c> grades against: our JSONL of <see cref="SweLego.Tasks.TaskInstance"/>,
/// SWE-bench JSON (an array) or JSONL, and Parquet — a file or a Hugging Face dataset folder (every
/// <c>*.parquet</c> under it in name order, or one <see cref="InstanceReadOptions.Split"/>). A bad row
/// (malformed, without FAIL_TO_PASS, a repeated instance id) is one <see cref="InputProblem"/>;
/// the others are read. Only a file that cannot be read at all throws <see cref="InputFileException"/>.
/// </summary>
public static class InstanceFiles
{
    public static Task<InstanceSet> ReadAsync(string path, CancellationToken cancellationToken) =>
        ReadAsync(path, new InstanceReadOptions(), cancellationToken);

    public static async Task<InstanceSet> ReadAsync(string path, InstanceReadOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var collector = new Collector(options.DatasetName ?? DatasetName(path));
        if (Directory.Exists(path))
        {
            var files = ParquetFiles(path, options.Split);
            if (files.Count == 0)
            {
                throw new InputFileException(path, options.Split is null
                    ? "the folder holds no *.parquet file"
                    : $"the folder holds no *.parquet file of split '{options.Split}'");
            }

            foreach (string file in files) await collector.AddParquetAsync(file, cancellationToken);
            return collector.ToSet(InputFormat.Parquet, files);
        }

        if (!File.Exists(path)) throw new InputFileException(path, "no such file or folder");
        if (IsParquet(path))
        {
            await collector.AddParquetAsync(path, cancellationToken);
            return collector.ToSet(InputFormat.Parquet, [path]);
        }

        var (format, items) = JsonInputFile.Open(path, allowDictionary: false, fingerprints: false);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Error is not null) collector.Skip(new InputProblem(item.Origin, InputProblemKind.Malformed, null, item.Error));
            else collector.Add(item.Value, item.Origin);
        }

        return collector.ToSet(format, [path]);
    }

    private static List<string> ParquetFiles(string folder, string? split)
    {
        return Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories)
            .Where(file => split is null || InSplit(Path.GetRelativePath(folder, file), split))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool InSplit(string relative, string split)
    {
        string name = Path.GetFileName(relative);
        return name.StartsWith(split + "-", StringComparison.Ordinal)
            || name == split + ".parquet"
            || (Path.GetDirectoryName(relative) ?? "").Split(Path.DirectorySeparatorChar).Contains(split, StringComparer.Ordinal);
    }

    internal static bool IsParquet(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8);
    }

    /// <summary>The dataset's folder name: the folder itself, the parent of a <c>data/</c> folder, else the file's name.</summary>
    private static string DatasetName(string path)
    {
        string full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        if (Directory.Exists(full)) return Path.GetFileName(full);
        var folder = Path.GetDirectoryName(full);
        return folder is not null && Path.GetFileName(folder) == "data" && Path.GetDirectoryName(folder) is { } dataset
            ? Path.GetFileName(dataset)
            : Path.GetFileNameWithoutExtension(full);
    }

    /// <summary>Instances in read order; the first row of an id wins and later ones are problems.</summary>
    private sealed class Collector(string dataset)
    {
        private readonly List<EvaluationInstance> instances = [];
        private readonly List<InputProblem> problems = [];
        private readonly Dictionary<string, InputOrigin> seen = new(StringComparer.Ordinal);

        public async Task AddParquetAsync(string file, CancellationToken cancellationToken)
        {
            await foreach (var (origin, row) in ParquetRows.ReadAsync(file, cancellationToken)) Add(row, origin);
        }

        public void Add(JsonNode? row, InputOrigin origin)
        {
            var (instance, problem) = InstanceRows.Read(row, origin, dataset);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else if (seen.TryGetValue(instance!.InstanceId, out var first))
            {
                problems.Add(new InputProblem(origin, InputProblemKind.Duplicate, instance.InstanceId, $"duplicate instance id (first read at {first}); skipped"));
            }
            else
            {
                seen.Add(instance.InstanceId, origin);
                instances.Add(instance);
            }
        }

        public void Skip(InputProblem problem) => problems.Add(problem);

        public InstanceSet ToSet(InputFormat format, IReadOnlyList<string> files) => new(instances, problems, format, files);
    }
}
