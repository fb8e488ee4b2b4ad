using System.Text.Json;
using Parquet;
using Parquet.Serialization;
using SweLego.Environments;
using SweLego.Evaluation.Inputs;
using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Evaluation.Inputs;

public sealed class InstanceFilesTests : IDisposable
{
    /// <summary>SWE-bench Verified's columns as the Hub's Parquet files have them, all strings, in this order.</summary>
    private static readonly string[] VerifiedColumns =
    [
        "repo", "instance_id", "base_commit", "patch", "test_patch", "problem_statement", "hints_text", "created_at",
        "version", "FAIL_TO_PASS", "PASS_TO_PASS", "environment_setup_commit", "difficulty",
    ];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task ReadAsync_VerifiedParquetFileAndFolder_ReadsEveryFieldAndNamesTheBadRow()
    {
        string folder = temp.Combine("SWE-bench_Verified");
        string file = Path.Combine(folder, "data", "test-00000-of-00001.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await ParquetSerializer.SerializeAsync(new[]
        {
            VerifiedDataset.Row("astropy__astropy-12907", "[\"astropy/modeling/tests/test_separable.py::test_separable[compound_model6-result6]\"]", "[]"),
            VerifiedDataset.Row("django__django-11099", "[\"test_unicode_validator (auth_tests.test_validators.UsernameValidatorsTests)\"]",
                "[\"test_help_text (auth_tests.test_validators.UserAttributeSimilarityValidatorTest)\", \"test_ascii (x.Y)\"]"),
            VerifiedDataset.Row("sympy__sympy-20590", null, "[]"),
        }, file);

        await using (var reader = await ParquetReader.CreateAsync(file))
        {
            Assert.Equal(VerifiedColumns, reader.Schema.DataFields.Select(f => f.Name));
            // Strings as pyarrow writes them: optional UTF-8 byte arrays.
            Assert.All(reader.Metadata!.Schema.Skip(1), column =>
            {
                Assert.Equal(Parquet.Meta.Type.BYTE_ARRAY, column.Type);
                Assert.Equal(Parquet.Meta.ConvertedType.UTF8, column.ConvertedType);
                Assert.Equal(Parquet.Meta.FieldRepetitionType.OPTIONAL, column.RepetitionType);
            });
        }

        foreach (string path in new[] { file, folder })
        {
            var set = await InstanceFiles.ReadAsync(path, CancellationToken.None);
            Assert.Equal(InputFormat.Parquet, set.Format);
            Assert.Equal([file], set.Files);
            Assert.Equal(["astropy__astropy-12907", "django__django-11099"], set.Instances.Select(i => i.InstanceId));
            var django = set.Find("django__django-11099")!;
            Assert.Equal("django/django", django.Repo);
            Assert.Equal("419a78300f7cd27611196e1e464d50fd0385ff27", django.BaseCommit);
            Assert.Equal("diff --git a/f.py b/f.py\r\n--- a/f.py\r\n+++ b/f.py\r\n@@ -1 +1 @@\r\n-a\r\n+b\r\n", django.Patch);
            Assert.Equal("diff --git a/tests/t.py b/tests/t.py\n", django.TestPatch);
            Assert.Equal("Username validator allows trailing newline — ünïcode", django.ProblemStatement);
            Assert.Equal("", django.HintsText);
            Assert.Equal("2019-03-20T03:46:18Z", django.CreatedAt);
            Assert.Equal("3.0", django.Version);
            Assert.Equal(["test_unicode_validator (auth_tests.test_validators.UsernameValidatorsTests)"], django.FailToPass);
            Assert.Equal(2, django.PassToPass.Count);
            Assert.Equal("e7fd69d051eaa67cb17f172a39b57253e9cb831a", django.EnvironmentSetupCommit);
            Assert.Null(django.ImageName);
            Assert.Null(django.Task);
            Assert.Equal("SWE-bench_Verified", django.Source);
            Assert.Equal($"{file}#1", django.Origin.ToString());
            Assert.Equal(["astropy/modeling/tests/test_separable.py::test_separable[compound_model6-result6]"], set.Instances[0].FailToPass);
            Assert.Empty(set.Instances[0].PassToPass);

            var problem = Assert.Single(set.Problems);
            Assert.Equal(InputProblemKind.MissingField, problem.Kind);
            Assert.Equal($"{file}#2: sympy__sympy-20590: no FAIL_TO_PASS", problem.ToString());
        }
    }

    [Fact]
    public async Task ReadAsync_ListColumnsAndImageName_ReadsListsAndTheImage()
    {
        // SWE-smith's shape: list columns and the image it is evaluated in.
        string file = temp.Combine("swesmith.parquet");
        await ParquetSerializer.SerializeAsync(new[]
        {
            new SmithRow
            {
                instance_id = "adrienverge__yamllint.8a2e9b18.lm_rewrite__abc",
                patch = "diff --git a/y.py b/y.py\n",
                FAIL_TO_PASS = ["tests/test_a.py::test_one", "tests/test_a.py::test_two[x y]"],
                PASS_TO_PASS = [],
                image_name = "jyangballin/swesmith.x86_64.adrienverge_1776_yamllint.8a2e9b18",
                repo = "swesmith/adrienverge__yamllint.8a2e9b18",
                problem_statement = "p",
            },
        }, file);

        var set = await InstanceFiles.ReadAsync(file, CancellationToken.None);

        Assert.Empty(set.Problems);
        var instance = Assert.Single(set.Instances);
        Assert.Equal(["tests/test_a.py::test_one", "tests/test_a.py::test_two[x y]"], instance.FailToPass);
        Assert.Empty(instance.PassToPass);
        Assert.Equal("jyangballin/swesmith.x86_64.adrienverge_1776_yamllint.8a2e9b18", instance.ImageName);
        Assert.Equal("", instance.BaseCommit);
        Assert.Equal("swesmith", instance.Source);
        Assert.Equal(instance.ImageName, EvaluationImages.Candidates(instance)[0]);
    }

    [Fact]
    public async Task ReadAsync_DatasetFolderWithSplits_ReadsEveryFileInNameOrderOrOneSplit()
    {
        string folder = temp.Combine("SWE-bench");
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        string train = Path.Combine(folder, "data", "train-00000-of-00001.parquet");
        string test0 = Path.Combine(folder, "data", "test-00000-of-00002.parquet");
        string test1 = Path.Combine(folder, "data", "test-00001-of-00002.parquet");
        await ParquetSerializer.SerializeAsync(new[] { VerifiedDataset.Row("a__a-1", "[]", "[]") }, train);
        await ParquetSerializer.SerializeAsync(new[] { VerifiedDataset.Row("b__b-1", "[]", "[]") }, test0);
        await ParquetSerializer.SerializeAsync(new[] { VerifiedDataset.Row("c__c-1", "[]", "[]"), VerifiedDataset.Row("b__b-1", "[\"t\"]", "[]") }, test1);

        var all = await InstanceFiles.ReadAsync(folder, CancellationToken.None);
        var test = await InstanceFiles.ReadAsync(folder, new InstanceReadOptions { Split = "test" }, CancellationToken.None);

        Assert.Equal([test0, test1, train], all.Files);
        Assert.Equal(["b__b-1", "c__c-1", "a__a-1"], all.Instances.Select(i => i.InstanceId));
        Assert.Equal([test0, test1], test.Files);
        Assert.Equal(["b__b-1", "c__c-1"], test.Instances.Select(i => i.InstanceId));
        var duplicate = Assert.Single(test.Problems);
        Assert.Equal(InputProblemKind.Duplicate, duplicate.Kind);
        Assert.Equal($"{test1}#1: b__b-1: duplicate instance id (first read at {test0}#0); skipped", duplicate.ToString());
        Assert.Empty(test.Find("b__b-1")!.FailToPass);
        var none = await Assert.ThrowsAsync<InputFileException>(() => InstanceFiles.ReadAsync(folder, new InstanceReadOptions { Split = "dev" }, CancellationToken.None));
        Assert.Equal($"{folder}: the folder holds no *.parquet file of split 'dev'", none.Message);
    }

    [Fact]
    public async Task ReadAsync_SweBenchJsonl_ListsAndStringsReadBadLinesNamedByLine()
    {
        string file = temp.Combine("instances.jsonl");
        File.WriteAllText(file, string.Join("\n",
            Row("a__a-1", "[\"t1\", \"t2\"]", "[]", extra: "\"difficulty\": \"<15 min fix\", \"meta\": {\"is_lite\": true}"),
            Row("a__a-2", "\"[\\\"t3\\\"]\"", "\"[\\\"t4\\\"]\"", extra: "\"version\": 0.12"),
            "{\"instance_id\": \"a__a-3\", \"repo\": \"a/a\"",
            "",
            Row("a__a-4", "null", "[]"),
            Row("a__a-5", "\"not json\"", "[]"),
            Row("a__a-6", "[1]", "[]"),
            Row("a__a-1", "[]", "[]"),
            "[1, 2]",
            "{\"repo\": \"a/a\", \"FAIL_TO_PASS\": [], \"PASS_TO_PASS\": []}",
            Row("a__a-7", "[]", "[]", extra: "\"patch\": 7")) + "\r\n");

        var set = await InstanceFiles.ReadAsync(file, CancellationToken.None);

        Assert.Equal(InputFormat.Jsonl, set.Format);
        Assert.Equal(["a__a-1", "a__a-2"], set.Instances.Select(i => i.InstanceId));
        Assert.Equal(["t1", "t2"], set.Instances[0].FailToPass);
        Assert.Equal(["t3"], set.Instances[1].FailToPass);
        Assert.Equal(["t4"], set.Instances[1].PassToPass);
        Assert.Equal("0.12", set.Instances[1].Version);
        Assert.Equal("instances", set.Instances[0].Source);
        Assert.Equal($"{file}:2", set.Instances[1].Origin.ToString());
        Assert.Equal(
            [
                $"{file}:3: not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed (column 40)",
                $"{file}:5: a__a-4: no FAIL_TO_PASS",
                $"{file}:6: a__a-5: FAIL_TO_PASS is a string but not a JSON-encoded list: 'not json' is an invalid JSON literal. Expected the literal 'null' (column 2)",
                $"{file}:7: a__a-6: FAIL_TO_PASS[0] is a number, not a test name",
                $"{file}:8: a__a-1: duplicate instance id (first read at {file}:1); skipped",
                $"{file}:9: expected a JSON object, found a list",
                $"{file}:10: no instance_id",
                $"{file}:11: a__a-7: patch is a number, not a string",
            ],
            set.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task ReadAsync_JsonArray_NamesEachItemByItsFirstLine()
    {
        string file = temp.Combine("SWE-bench_Lite.json");
        var rows = new[] { Row("a__a-1", "[\"t\"]", "[]"), Row("a__a-2", "[]", "[]"), Row("a__a-3", "[]", "null") };
        string pretty = JsonSerializer.Serialize(rows.Select(r => JsonDocument.Parse(r).RootElement), Indented);
        File.WriteAllText(file, pretty);
        var lines = pretty.Split('\n');
        int LineOf(string id) => Array.FindIndex(lines, l => l.Contains($"\"{id}\"", StringComparison.Ordinal)) + 1;

        var set = await InstanceFiles.ReadAsync(file, CancellationToken.None);

        Assert.Equal(InputFormat.JsonArray, set.Format);
        Assert.Equal(["a__a-1", "a__a-2"], set.Instances.Select(i => i.InstanceId));
        // Each object's opening brace is the line before its first field.
        Assert.Equal(LineOf("a__a-2") - 1, set.Instances[1].Origin.Line);
        Assert.Equal($"{file}:{LineOf("a__a-3") - 1}: a__a-3: no PASS_TO_PASS", Assert.Single(set.Problems).ToString());
        Assert.Equal("SWE-bench_Lite", set.Instances[0].Source);
    }

    [Fact]
    public async Task ReadAsync_OurJsonl_KeepsTheTaskAndMapsItsSource()
    {
        string file = temp.Combine("instances.jsonl");
        using (var writer = new JsonlWriter<TaskInstance>(file))
        {
            writer.Append(OurTask("tally__tally-3", "pr"));
            writer.Append(OurTask("tally__tally-syn-1", "synthetic"));
            writer.Append(OurTask("tally__tally-4", "commit"));
            writer.Append(OurTask("tally__tally-5", "copied"));
        }

        var set = await InstanceFiles.ReadAsync(file, CancellationToken.None);

        Assert.Equal(["real", "synthetic", "real"], set.Instances.Select(i => i.Source));
        var first = set.Instances[0];
        Assert.NotNull(first.Task);
        Assert.Equal("pr", first.Task.Source);
        Assert.Equal("env-1234", first.Version);
        Assert.Equal(["tests/test_x.py::test_a"], first.FailToPass);
        Assert.Equal("diff --git a/tally.py b/tally.py\r\n", first.Patch);
        Assert.Equal("docker", first.Task.Environment.Backend);
        Assert.Equal($"{file}:4: tally__tally-5: unknown source 'copied' (expected commit, pr or synthetic)", Assert.Single(set.Problems).ToString());

        File.AppendAllText(file, "{\"v\": 1, \"environment\": {}, \"instance_id\": \"tally__tally-6\"}\n");
        var broken = (await InstanceFiles.ReadAsync(file, CancellationToken.None)).Problems[^1];
        Assert.Equal(InputProblemKind.Malformed, broken.Kind);
        Assert.StartsWith($"{file}:5: tally__tally-6: not a valid SweLego task record (v 1): ", broken.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnreadableFiles_ThrowNamingThePath()
    {
        string missing = temp.Combine("nope.jsonl");
        Assert.Equal($"{missing}: no such file or folder",
            (await Assert.ThrowsAsync<InputFileException>(() => InstanceFiles.ReadAsync(missing, CancellationToken.None))).Message);

        string empty = temp.Combine("empty");
        Directory.CreateDirectory(empty);
        Assert.Equal($"{empty}: the folder holds no *.parquet file",
            (await Assert.ThrowsAsync<InputFileException>(() => InstanceFiles.ReadAsync(empty, CancellationToken.None))).Message);

        string array = temp.Combine("broken.json");
        File.WriteAllText(array, "[\n{\"instance_id\": \"a\"},\n{\"instance_id\": \n");
        Assert.StartsWith($"{array}: not valid JSON: ",
            (await Assert.ThrowsAsync<InputFileException>(() => InstanceFiles.ReadAsync(array, CancellationToken.None))).Message, StringComparison.Ordinal);

        string parquet = temp.Combine("cut.parquet");
        File.WriteAllBytes(parquet, [.. "PAR1"u8, .. new byte[64]]);
        Assert.StartsWith($"{parquet}: not a readable Parquet file: ",
            (await Assert.ThrowsAsync<InputFileException>(() => InstanceFiles.ReadAsync(parquet, CancellationToken.None))).Message, StringComparison.Ordinal);
    }

    private static string Row(string id, string failToPass, string passToPass, string? extra = null) =>
        $"{{\"instance_id\": \"{id}\", \"repo\": \"a/a\", \"base_commit\": \"abc\", \"FAIL_TO_PASS\": {failToPass}, \"PASS_TO_PASS\": {passToPass}"
        + (extra is null ? "" : ", " + extra) + "}";

    private static TaskInstance OurTask(string id, string source) => new()
    {
        Repo = "tally/tally",
        InstanceId = id,
        BaseCommit = "0123456789abcdef0123456789abcdef01234567",
        Patch = "diff --git a/tally.py b/tally.py\r\n",
        TestPatch = "diff --git a/tests/test_x.py b/tests/test_x.py\n",
        ProblemStatement = "count is off by one",
        CreatedAt = "2024-05-01T10:00:00Z",
        Version = "env-1234",
        FailToPass = ["tests/test_x.py::test_a"],
        PassToPass = ["tests/test_x.py::test_b"],
        EnvironmentSetupCommit = "0123456789abcdef0123456789abcdef01234567",
        Source = source,
        Environment = new TaskEnvironment("env-1234", "docker",
            new EnvironmentSpec { TestFramework = "pytest", TestCommand = "pytest -rA", LogParser = "pytest" },
            "swelego/env:1234", "/opt/swelego-env", "repository.git", "/testbed"),
        Timings = new TaskTimings(1, 2, 3, 4, 5),
    };

#pragma warning disable IDE1006, CA1707 // Property names are the Hub's column names.
    private sealed class SmithRow
    {
        public string? instance_id { get; set; }
        public string? patch { get; set; }
        public List<string>? FAIL_TO_PASS { get; set; }
        public List<string>? PASS_TO_PASS { get; set; }
        public string? image_name { get; set; }
        public string? repo { get; set; }
        public string? problem_statement { get; set; }
    }
#pragma warning restore IDE1006, CA1707
}
