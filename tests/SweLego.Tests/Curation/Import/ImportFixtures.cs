using System.Text.Json.Nodes;
using SweLego.Agent.Trajectories;
using SweLego.Curation.Import;
using SweLego.Rollouts;
using SweLego.Runs;

namespace SweLego.Tests.Curation.Import;

/// <summary>
/// Fixtures written in each tool's documented shape (field names and nesting from the tools' docs and source; the content is
/// ours): one small task (fix <c>add</c> in <c>calc.py</c>) told with several turns, a view, an edit, a failing test run and a
/// submission. Also helpers to read what the import wrote.
/// </summary>
internal static class ImportFixtures
{
    public const string Patch = "diff --git a/calc.py b/calc.py\n--- a/calc.py\n+++ b/calc.py\n@@ -1,2 +1,2 @@\n def add(a, b):\n-    return a - b\n+    return a + b\n";
    public const string Instruction = "<uploaded_files>\n/testbed\n</uploaded_files>\nFix add() in calc.py: add(2, 3) returns -1.";
    public const string FailingTests = "F\n=== FAILURES ===\nAssertionError: assert -1 == 5\n1 failed in 0.02s";

    public static void WriteLines(string path, params string[] lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));
    }

    public static void WriteJson(string path, JsonNode node)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, node.ToJsonString());
    }

    public static IReadOnlyList<ImportedRecord> Imported(RunFolder run) =>
        JsonlReader.Read<ImportedRecord>(run.StagePath(TrajectoryImport.Stage, TrajectoryImport.ImportedFile)).ToList();

    public static IReadOnlyList<ImportSkip> Skipped(RunFolder run) =>
        JsonlReader.Read<ImportSkip>(run.StagePath(TrajectoryImport.Stage, TrajectoryImport.SkippedFile)).ToList();

    public static Trajectory Load(RunFolder run, ImportedRecord record) =>
        TrajectoryStore.Read(Path.Combine(run.DirectoryPath, record.Trajectory)) ?? throw new InvalidOperationException($"no trajectory at {record.Trajectory}");

    /// <summary>System, instruction, then assistant/user alternating; every step's request is the messages before its reply.</summary>
    public static void AssertShape(Trajectory trajectory)
    {
        Assert.Equal("system", trajectory.Messages[0].Role);
        Assert.Equal("user", trajectory.Messages[1].Role);
        for (int i = 2; i < trajectory.Messages.Count; i++) Assert.Equal(i % 2 == 0 ? "assistant" : "user", trajectory.Messages[i].Role);
        foreach (var step in trajectory.Steps)
        {
            Assert.Equal("assistant", trajectory.Messages[step.RequestMessages].Role);
            Assert.Equal(step.Reply.Text, trajectory.Messages[step.RequestMessages].Content);
        }
        Assert.Equal(trajectory.Steps.Count, trajectory.Messages.Count(m => m.Role == "assistant"));
    }

    public static IEnumerable<string?> CallNames(Trajectory trajectory) => trajectory.Steps.Select(s => s.Call?.Name);

    public static string Argument(TrajectoryStep step, string name) => step.Call!.Arguments[name]!.ToString();
}
