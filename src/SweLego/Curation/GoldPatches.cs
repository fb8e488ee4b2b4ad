using SweLego.Evaluation.Inputs;
using SweLego.Runs;
using SweLego.Tasks.Harness;
using SweLego.Tasks.Real;
using SweLego.Tasks.Synthetic;

namespace SweLego.Curation;

/// <summary>
/// The files each instance's gold patch touches (for semi-resolved recycling), its repository and source, from
/// the instance files given with <c>--instances</c>, the ones the run's evaluation read, and the run's own mined
/// instances. An instance found in several files keeps its first reading.
/// </summary>
public sealed class GoldPatches
{
    private readonly Dictionary<string, GoldPatch> byInstance;

    private GoldPatches(Dictionary<string, GoldPatch> byInstance, IReadOnlyList<string> files, IReadOnlyList<string> problems) =>
        (this.byInstance, Files, Problems) = (byInstance, files, problems);

    /// <summary>The instance files read.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Files that could not be read and bad rows, one line each (reported, never fatal).</summary>
    public IReadOnlyList<string> Problems { get; }

    public GoldPatch? Find(string instanceId) => byInstance.GetValueOrDefault(instanceId);

    public static async Task<GoldPatches> ReadAsync(RunFolder run, IReadOnlyList<string> explicitFiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var candidates = new List<string>(explicitFiles);
        if (EvaluationInputsFiles(run) is { } evaluated) candidates.AddRange(evaluated);
        candidates.Add(run.StagePath(RealTaskMiner.Stage, RealTaskMiner.InstancesFile));
        candidates.Add(run.StagePath(SyntheticTaskMiner.Stage, SyntheticTaskMiner.InstancesFile));

        var map = new Dictionary<string, GoldPatch>(StringComparer.Ordinal);
        var read = new List<string>();
        var problems = new List<string>();
        foreach (string file in candidates.Distinct(StringComparer.Ordinal))
        {
            bool given = explicitFiles.Contains(file);
            if (!given && !File.Exists(file)) continue;
            try
            {
                var set = await InstanceFiles.ReadAsync(file, cancellationToken);
                read.Add(file);
                problems.AddRange(set.Problems.Select(p => p.ToString()));
                foreach (var instance in set.Instances)
                    map.TryAdd(instance.InstanceId, new GoldPatch(instance.Repo, instance.Source, PatchPaths.Targets(instance.Patch)));
            }
            catch (Exception e) when (e is InputFileException or IOException or UnauthorizedAccessException)
            {
                if (given) throw new ArgumentException($"--instances {file}: {e.Message}", e);
                problems.Add($"{file}: {e.Message}");
            }
        }

        return new GoldPatches(map, read, problems);
    }

    private static IReadOnlyList<string>? EvaluationInputsFiles(RunFolder run)
    {
        string path = run.StagePath(Evaluation.EvaluationStage.Stage, Evaluation.EvaluationStage.InputsFile);
        if (!File.Exists(path)) return null;
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<Evaluation.EvaluationInputsReport>(File.ReadAllBytes(path), RunJson.Options)?.InstancesFiles;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>An instance's repository, source and the files its gold patch touches (null when the patch names a quoted path).</summary>
public sealed record GoldPatch(string Repo, string Source, IReadOnlySet<string>? Files);
