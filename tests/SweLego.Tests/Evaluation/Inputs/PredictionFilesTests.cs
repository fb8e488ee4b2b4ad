using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Evaluation.Inputs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Evaluation.Inputs;

public sealed class PredictionFilesTests : IDisposable
{
    private const string CrlfPatch = "diff --git a/w.py b/w.py\r\n--- a/w.py\r\n+++ b/w.py\r\n@@ -1,2 +1,2 @@\r\n-x = 1\r\n+x = 2\r\n y = 3\r\n";

    private const string BinaryPatch =
        "diff --git a/logo.png b/logo.png\nnew file mode 100644\nindex 0000000000000000000000000000000000000000..4c1e2f0d2b1a3c5e7f9a0b1c2d3e4f5a6b7c8d9e\n"
        + "GIT binary patch\nliteral 14\nVcmZ?wbhEHbWMp7uVEB*d2LK%E0(t-d\n\nliteral 0\nHcmV?d00001\n\n";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Read_CrlfBinaryAndTenMegabytePatches_KeepsThemExactly()
    {
        var big = new StringBuilder("diff --git a/big.txt b/big.txt\n--- a/big.txt\n+++ b/big.txt\n@@ -0,0 +1,200000 @@\n");
        for (int i = 0; big.Length < 10 * 1024 * 1024; i++) big.Append("+line ").Append(i).Append(" \t\"quoted\" \\ ünïcode\r\n");
        string tenMegabytes = big.ToString();
        string file = temp.Combine("preds.jsonl");
        WriteJsonl(file,
            Prediction("a__a-1", CrlfPatch),
            Prediction("a__a-2", BinaryPatch),
            Prediction("a__a-3", tenMegabytes));

        var set = PredictionFiles.Read(file);

        Assert.Empty(set.Problems);
        Assert.Equal(InputFormat.Jsonl, set.Format);
        Assert.Equal([CrlfPatch, BinaryPatch, tenMegabytes], set.Predictions.Select(p => p.ModelPatch));
        Assert.Equal(Encoding.UTF8.GetBytes(tenMegabytes), Encoding.UTF8.GetBytes(set.Predictions[2].ModelPatch!));
        Assert.True(set.Predictions[2].ModelPatch!.Length > 10_000_000);
        Assert.Equal($"{file}:3", set.Predictions[2].Origin.ToString());
        Assert.All(set.Predictions, p => Assert.Equal("0", p.RolloutId));
        Assert.All(set.Predictions, p => Assert.Equal("model-x", p.ModelNameOrPath));
    }

    [Fact]
    public void Read_JsonList_ReadsEveryItemWithItsLine()
    {
        string file = temp.Combine("preds.json");
        File.WriteAllText(file, "[\n  {\"instance_id\": \"a__a-1\", \"model_patch\": \"\", \"model_name_or_path\": \"m\"},\n"
            + "  {\"instance_id\": \"a__a-2\",\n   \"model_patch\": null},\n  {\"instance_id\": \"a__a-3\", \"model_patch\": [\"x\"]}\n]\n");

        var set = PredictionFiles.Read(file);

        Assert.Equal(InputFormat.JsonArray, set.Format);
        Assert.Equal(["a__a-1", "a__a-2"], set.Predictions.Select(p => p.InstanceId));
        Assert.Equal("", set.Predictions[0].ModelPatch);
        Assert.Null(set.Predictions[1].ModelPatch);
        Assert.All(set.Predictions, p => Assert.True(p.IsEmpty));
        Assert.Equal($"{file}:3", set.Predictions[1].Origin.ToString());
        Assert.Equal($"{file}:5: a__a-3: model_patch is a list, not a string", Assert.Single(set.Problems).ToString());
        Assert.Equal(1, set.MalformedCount);
    }

    [Fact]
    public void Read_SbCliDictionary_KeysAreInstanceIdsAndEqualValuesAreNoDuplicates()
    {
        var entries = new JsonObject
        {
            ["a__a-1"] = new JsonObject { ["model_patch"] = CrlfPatch, ["model_name_or_path"] = "m" },
            ["a__a-2"] = new JsonObject { ["model_patch"] = "", ["model_name_or_path"] = "m" },
            ["a__a-3"] = new JsonObject { ["model_patch"] = "", ["model_name_or_path"] = "m" },
            ["a__a-4"] = new JsonObject { ["instance_id"] = "a__a-9", ["model_patch"] = "" },
        };
        string pretty = temp.Combine("pretty.json");
        string compact = temp.Combine("compact.json");
        File.WriteAllText(pretty, entries.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(compact, entries.ToJsonString());

        foreach (string file in new[] { pretty, compact })
        {
            var set = PredictionFiles.Read(file);

            Assert.Equal(InputFormat.JsonDictionary, set.Format);
            Assert.Equal(["a__a-1", "a__a-2", "a__a-3"], set.Predictions.Select(p => p.InstanceId));
            Assert.Equal(CrlfPatch, set.Predictions[0].ModelPatch);
            Assert.Equal(0, set.DuplicateCount);
            var problem = Assert.Single(set.Problems);
            Assert.Equal("a__a-4: keyed 'a__a-4' but its instance_id is 'a__a-9'", problem.ToString()[(problem.Origin.ToString().Length + 2)..]);
        }

        int keyLine = Array.FindIndex(File.ReadAllLines(pretty), l => l.Contains("\"a__a-2\"", StringComparison.Ordinal)) + 1;
        Assert.Equal(keyLine, PredictionFiles.Read(pretty).Predictions[1].Origin.Line);
        Assert.Equal(1, PredictionFiles.Read(compact).Predictions[1].Origin.Line);
    }

    [Fact]
    public void Read_RepeatedIdsRolloutsDuplicatesAndMalformedLines_KeepsRolloutsAndCountsTheRest()
    {
        string file = temp.Combine("rollouts.jsonl");
        File.WriteAllText(file, string.Join("\n",
            Line("a__a-1", "p1"),                                   // 1: rollout 0
            Line("a__a-1", "p2"),                                   // 2: rollout 1
            Line("a__a-1", "p1"),                                   // 3: identical to line 1
            Line("a__a-2", "q1", "\"rollout_id\": \"r-a\""),         // 4
            Line("a__a-2", "q2", "\"rollout_id\": 7"),               // 5: rollout "7"
            Line("a__a-2", "q3", "\"rollout_id\": \"r-a\""),         // 6: repeats line 4's rollout
            "{\"instance_id\": \"a__a-3\", \"model_patch\": ",       // 7: bad JSON
            "{\"model_patch\": \"x\"}",                              // 8: no instance_id
            "{\"instance_id\": \"a__a-3\", \"model_patch\": 12}",    // 9: not a string
            "",
            Line("a__a-3", "s1", "\"rollout_id\": 1.5"),             // 11: not an integer
            Line("a__a-1", "p3"),                                   // 12: rollout 2
            Line("a__a-4", "t1", "\"rollout_id\": 0"),               // 13: explicit "0"
            Line("a__a-4", "t2")) + "\n");                          // 14: numbered "0": repeats line 13

        var set = PredictionFiles.Read(file);

        Assert.Equal(
            [("a__a-1", "0", "p1"), ("a__a-1", "1", "p2"), ("a__a-2", "r-a", "q1"), ("a__a-2", "7", "q2"), ("a__a-1", "2", "p3"), ("a__a-4", "0", "t1")],
            set.Predictions.Select(p => (p.InstanceId, p.RolloutId, p.ModelPatch!)));
        Assert.Equal([false, false, true, true, false, true], set.Predictions.Select(p => p.RolloutIdGiven));
        Assert.Equal(
            [
                $"{file}:3: a__a-1: identical to {file}:1; skipped",
                $"{file}:6: a__a-2: rollout 'r-a' repeats {file}:4; skipped",
                $"{file}:7: not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed (column 41)",
                $"{file}:8: no instance_id",
                $"{file}:9: a__a-3: model_patch is a number, not a string",
                $"{file}:11: a__a-3: rollout_id is a number or empty, not a string or an integer",
                $"{file}:14: a__a-4: rollout '0' repeats {file}:13; skipped",
            ],
            set.Problems.Select(p => p.ToString()));
        Assert.Equal(3, set.DuplicateCount);
        Assert.Equal(4, set.MalformedCount);
    }

    [Fact]
    public async Task Create_PredictionsAgainstInstances_PairsInInstanceOrderAndListsUnknownIds()
    {
        string instancesFile = temp.Combine("instances.jsonl");
        File.WriteAllText(instancesFile, string.Join("\n", new[] { "b__b-1", "a__a-1", "c__c-1" }.Select(id =>
            $"{{\"instance_id\": \"{id}\", \"repo\": \"x/y\", \"FAIL_TO_PASS\": \"[]\", \"PASS_TO_PASS\": \"[]\"}}")));
        string predictionsFile = temp.Combine("preds.jsonl");
        File.WriteAllText(predictionsFile, string.Join("\n",
            Line("a__a-1", "1"), Line("z__z-9", "2"), Line("b__b-1", "3"), Line("a__a-1", "4"), Line("z__z-9", "5"), Line("y__y-1", "6")));

        var match = PredictionMatch.Create(await InstanceFiles.ReadAsync(instancesFile, CancellationToken.None), PredictionFiles.Read(predictionsFile));

        Assert.Equal([("b__b-1", "3"), ("a__a-1", "1"), ("a__a-1", "4")], match.Pairs.Select(p => (p.Instance.InstanceId, p.Prediction.ModelPatch!)));
        Assert.All(match.Pairs, p => Assert.Equal(p.Instance.InstanceId, p.Prediction.InstanceId));
        Assert.Equal(["z__z-9", "y__y-1"], match.UnknownInstanceIds);
        Assert.Equal(3, match.UnknownPredictionCount);
        Assert.Equal(["c__c-1"], match.InstancesWithoutPrediction.Select(i => i.InstanceId));
    }

    [Fact]
    public void Read_RepeatedPropertyNames_OneItemsProblemInEveryLayout()
    {
        string jsonl = temp.Combine("keys.jsonl");
        File.WriteAllText(jsonl, "{\"instance_id\": \"a\", \"instance_id\": \"b\", \"model_patch\": \"\"}\n" + Line("c", "x") + "\n");
        string list = temp.Combine("keys.json");
        File.WriteAllText(list, "[" + Line("c", "x") + ",\n{\"instance_id\": \"a\", \"model_patch\": \"\", \"model_patch\": \"y\"}]");
        string keyed = temp.Combine("keyed.json");
        File.WriteAllText(keyed, "{\n\"a\": {\"model_patch\": \"1\"},\n\"c\": {\"model_patch\": \"x\"},\n\"a\": {\"model_patch\": \"2\"}\n}\n");

        var fromLines = PredictionFiles.Read(jsonl);
        var fromList = PredictionFiles.Read(list);
        var fromKeys = PredictionFiles.Read(keyed);

        Assert.Equal($"{jsonl}:1: not valid JSON: Duplicate property 'instance_id' encountered during deserialization", Assert.Single(fromLines.Problems).ToString());
        Assert.Equal($"{list}:2: not valid JSON: Duplicate property 'model_patch' encountered during deserialization", Assert.Single(fromList.Problems).ToString());
        Assert.Equal($"{keyed}:4: a: key repeats {keyed}:2; skipped", Assert.Single(fromKeys.Problems).ToString());
        Assert.Equal(["c"], fromLines.Predictions.Select(p => p.InstanceId));
        Assert.Equal(["c"], fromList.Predictions.Select(p => p.InstanceId));
        Assert.Equal([("a", "1"), ("c", "x")], fromKeys.Predictions.Select(p => (p.InstanceId, p.ModelPatch!)));
    }

    [Fact]
    public void Read_MissingFile_ThrowsNamingIt()
    {
        string missing = temp.Combine("none.jsonl");
        Assert.Equal($"{missing}: no such file", Assert.Throws<InputFileException>(() => PredictionFiles.Read(missing)).Message);
    }

    private static JsonObject Prediction(string id, string patch) =>
        new() { ["instance_id"] = id, ["model_patch"] = patch, ["model_name_or_path"] = "model-x" };

    private static void WriteJsonl(string file, params JsonObject[] lines) =>
        File.WriteAllText(file, string.Join("\n", lines.Select(l => l.ToJsonString())) + "\n");

    private static string Line(string id, string patch, string? extra = null) =>
        $"{{\"instance_id\": \"{id}\", \"model_patch\": \"{patch}\"" + (extra is null ? "" : ", " + extra) + "}";
}
