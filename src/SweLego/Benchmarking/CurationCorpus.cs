using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Agent.Protocol;
using SweLego.Agent.Trajectories;
using SweLego.Evaluation;
using SweLego.Rollouts;
using SweLego.Runs;

namespace SweLego.Benchmarking;

/// <summary>
/// A generated run of realistic size for the curation benchmark: per trajectory 30–100 turns of text-protocol calls
/// (shell commands, editor views and edits, think, finish), observations cut from real Python source (CPython's standard
/// library when present, else this repository's files) with lengths spread as agents see them (40% under 400 characters,
/// 45% up to 3,000, 15% up to 12,000), some failing commands and tracebacks for the masking rules; plus the rollout
/// records, evaluation verdicts (60% resolved, the rest unresolved, half of those touching the gold patch's files) and an
/// instances file with the gold patches. Seeded: the same arguments give the same run.
/// </summary>
public static class CurationCorpus
{
    public const string InstancesFile = "bench-instances.jsonl";

    /// <summary>Writes <paramref name="count"/> trajectories into <paramref name="run"/>; returns the bytes of trajectory files written.</summary>
    public static long Generate(RunFolder run, int count, int seed, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        string text = LoadText();
        var store = new TrajectoryStore(run, RolloutStage.Stage);
        var rollouts = new RolloutRecord[count];
        var verdicts = new EvaluationRecord[count];
        var instances = new string[count];
        long bytes = 0;
        int done = 0;
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            // Not HashCode.Combine: it is randomized per process, and the run must be the same for the same seed.
            var random = new Random(unchecked(seed * 1_000_003 + i));
            string id = $"bench__repo{i % 300}-{i}";
            var trajectory = Trajectory(id, random, text);
            string path = store.PathOf(id, "0");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(trajectory, RunJson.Options);
            File.WriteAllBytes(path, json);
            Interlocked.Add(ref bytes, json.Length);
            double roll = random.NextDouble();
            bool resolved = roll < 0.6, semi = !resolved && roll < 0.8;
            string gold = Patch($"src/module{i % 7}.py");
            rollouts[i] = new RolloutRecord
            {
                InstanceId = id, RolloutId = "0", ModelNameOrPath = "bench-teacher", Status = RolloutStatus.Finished,
                ModelPatch = resolved || semi ? gold : Patch("src/other.py"), Turns = trajectory.Turns, Trajectory = run.RelativePath(path),
            };
            verdicts[i] = new EvaluationRecord
            {
                Key = EvaluationKeys.Key(id, "0"), InstanceId = id, RolloutId = "0", Repo = trajectory.Repo, Source = i % 2 == 0 ? "real" : "synthetic",
                ModelNameOrPath = "bench-teacher", Verdict = resolved ? EvaluationVerdict.Resolved : EvaluationVerdict.Unresolved, Harness = "5.0.2",
            };
            instances[i] = JsonSerializer.Serialize(new JsonObject
            {
                ["instance_id"] = id, ["repo"] = trajectory.Repo, ["base_commit"] = "0000000", ["patch"] = gold, ["test_patch"] = "",
                ["problem_statement"] = "bench", ["FAIL_TO_PASS"] = "[\"tests/test_a.py::test_a\"]", ["PASS_TO_PASS"] = "[]", ["version"] = "1.0",
            });
            if (Interlocked.Increment(ref done) % 500 == 0) progress?.Report(done);
        });

        var fast = new JsonlWriterOptions { FlushToDiskEachRecord = false };
        using (var writer = run.OpenJsonlWriter<RolloutRecord>(RolloutStage.Stage, RolloutStage.RolloutsFile, fast))
            foreach (var record in rollouts) writer.Append(record);
        using (var writer = run.OpenJsonlWriter<EvaluationRecord>(EvaluationStage.Stage, EvaluationStage.ResultsFile, fast))
            foreach (var record in verdicts) writer.Append(record);
        File.WriteAllLines(Path.Combine(run.DirectoryPath, InstancesFile), instances);
        return bytes;
    }

    private static Trajectory Trajectory(string id, Random random, string text)
    {
        int turns = random.Next(30, 101);
        var messages = new List<TrajectoryMessage> { new("system", Slice(random, text, 6_000)), new("user", Slice(random, text, 2_500)) };
        var steps = new List<TrajectoryStep>(turns);
        for (int turn = 1; turn <= turns; turn++)
        {
            string reasoning = Slice(random, text, random.Next(80, 1_200));
            var (name, arguments, observation) = turn == turns ? ("finish", new JsonObject { ["message"] = "Done." }, "") : Action(random, text);
            string call = TextToolProtocol.Render(new AgentCall(name, (JsonObject)arguments.DeepClone()));
            messages.Add(new("assistant", reasoning + "\n\n" + call));
            if (turn < turns) messages.Add(new("user", $"EXECUTION RESULT of [{name}]:\n{observation}"));
            steps.Add(new TrajectoryStep
            {
                Index = turn, RequestMessages = messages.Count - 1, Reply = new StepReply(call, [], "stop", null, 0.5, 1),
                Reasoning = reasoning, Call = new StepCall(name, arguments), Observation = observation,
            });
        }

        return new Trajectory
        {
            InstanceId = id, RolloutId = "0", Repo = $"bench/{id.Split('-')[0]}", Model = "bench-teacher", Protocol = "text",
            Tools = ["execute_bash", "think", "finish", "str_replace_editor"], BaseCommit = "0000000",
            Settings = new TrajectorySettings(100, 0, null, null, null, null), Status = RolloutStatus.Finished,
            StartedAt = DateTimeOffset.UnixEpoch, EndedAt = DateTimeOffset.UnixEpoch, Messages = messages, Steps = steps, Patch = "",
        };
    }

    private static (string Name, JsonObject Arguments, string Observation) Action(Random random, string text)
    {
        double kind = random.NextDouble();
        string output = Slice(random, text, ObservationLength(random));
        if (kind < 0.55)
        {
            string command = Commands[random.Next(Commands.Length)];
            int exit = random.NextDouble() < 0.2 ? 1 : 0;
            string body = exit == 1 && random.NextDouble() < 0.5
                ? output + "\nTraceback (most recent call last):\n  File \"/testbed/src/module.py\", line 12, in f\nValueError: bad value"
                : output;
            return ("execute_bash", new JsonObject { ["command"] = command },
                $"{body}\n[The command completed with exit code {exit}.]\n[Current working directory: /testbed]\n[Python interpreter: /opt/venv/bin/python]\n[Command finished with exit code {exit}]");
        }

        if (kind < 0.85)
        {
            var numbered = new StringBuilder("Here's the result of running `cat -n` on /testbed/src/module.py:\n");
            int line = 1;
            foreach (string row in output.Split('\n')) numbered.Append(CultureInfo.InvariantCulture, $"{line++,6}\t{row}\n");
            return ("str_replace_editor", new JsonObject { ["command"] = "view", ["path"] = "/testbed/src/module.py" }, numbered.ToString());
        }

        if (kind < 0.95)
        {
            return ("str_replace_editor", new JsonObject { ["command"] = "str_replace", ["path"] = "/testbed/src/module.py", ["old_str"] = Slice(random, text, 200), ["new_str"] = Slice(random, text, 240) },
                random.NextDouble() < 0.15 ? "ERROR:\nNo replacement was performed, old_str did not appear verbatim in /testbed/src/module.py." : "The file /testbed/src/module.py has been edited. " + Slice(random, text, 600));
        }

        return ("think", new JsonObject { ["thought"] = Slice(random, text, 500) }, "Your thought has been logged.");
    }

    private static int ObservationLength(Random random)
    {
        double roll = random.NextDouble();
        return roll < 0.4 ? random.Next(50, 400) : roll < 0.85 ? random.Next(400, 3_000) : random.Next(3_000, 12_000);
    }

    private static string Slice(Random random, string text, int length)
    {
        length = Math.Min(length, text.Length);
        return text.Substring(random.Next(0, text.Length - length), length);
    }

    private static string Patch(string file) =>
        $"diff --git a/{file} b/{file}\n--- a/{file}\n+++ b/{file}\n@@ -1,1 +1,1 @@\n-x = 1\n+x = 2\n";

    private static readonly string[] Commands =
    [
        "cd /testbed && grep -rn \"def \" src | head -50", "python -m pytest tests/test_core.py -x -q", "python reproduce_issue.py",
        "cat src/module.py", "ls -la src", "git diff", "python -c 'import mod; print(mod.f(1))'", "find . -name '*.py' | head",
    ];

    private static readonly string[] PythonSources = ["/root/.pyenv/versions/3.11.7/lib/python3.11", "/usr/lib/python3.11"];

    // About 8 MB of real Python: CPython's standard library when this machine has it, else this repository's sources.
    private static string LoadText()
    {
        string[] roots = [.. PythonSources.Where(Directory.Exists)];
        var files = roots.Length > 0
            ? Directory.EnumerateFiles(roots[0], "*.py", SearchOption.AllDirectories)
            : Directory.EnumerateFiles(AppContext.BaseDirectory, "*.*", SearchOption.AllDirectories);
        var text = new StringBuilder();
        foreach (string file in files.Order(StringComparer.Ordinal))
        {
            if (text.Length > 8_000_000) break;
            try { text.Append(File.ReadAllText(file)); }
            catch (IOException) { /* unreadable file: skip */ }
        }

        if (text.Length < 100_000) throw new InvalidOperationException("No Python sources found to build the benchmark's trajectories from.");
        return text.ToString();
    }
}
