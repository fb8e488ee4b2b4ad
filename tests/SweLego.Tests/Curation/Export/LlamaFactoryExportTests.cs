using System.Diagnostics;
using System.Text.Json;
using SweLego.Curation;
using SweLego.Curation.Export;
using SweLego.Tests.TestSupport;
using YamlDotNet.Serialization;

namespace SweLego.Tests.Curation.Export;

/// <summary>The llamafactory export: data bytes, dataset_info.json, the stage YAMLs against the trainer's own keys, train.sh.</summary>
public sealed class LlamaFactoryExportTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-export-lf-");

    private async Task<(ExportSummary Summary, string Out)> ExportAsync(IEnumerable<SftRecord> records, LlamaFactoryRecipe? recipe = null, string? model = null)
    {
        var run = ExportRuns.Create(_temp.Combine("run"), records);
        string output = _temp.Combine("out");
        var summary = await DatasetExport.RunAsync(run, new ExportOptions
        {
            Format = ExportFormat.LlamaFactory,
            OutputDirectory = output,
            Recipe = recipe ?? LlamaFactoryRecipe.Qwen3_8B,
            Model = model,
        }, null, CancellationToken.None);
        return (summary, output);
    }

    [Fact]
    public async Task Export_SmallSet_WritesExactRecordsPerBinAndDatasetInfo()
    {
        var special = ExportRuns.Record("acme__tally-9", "easy", true) with
        {
            Messages =
            [
                new SftMessage(SftMessage.System, "Use <tools> \"carefully\"\n"),
                new SftMessage(SftMessage.User, "Fix é — 🐛\ttab") { TurnMask = true },
                new SftMessage(SftMessage.Assistant, "a\\b") { TurnMask = true },
            ],
        };

        var (summary, output) = await ExportAsync([special, .. ExportRuns.Sample()]);

        // Code stays readable (no \u003C for '<'); characters outside the BMP are escaped as surrogate pairs (still the same JSON string);
        // the user message's stray turn_mask is not written.
        Assert.Equal(
            "{\"instance_id\":\"acme__tally-9\",\"messages\":[{\"role\":\"system\",\"content\":\"Use <tools> \\\"carefully\\\"\\n\"}," +
            "{\"role\":\"user\",\"content\":\"Fix é — \\uD83D\\uDC1B\\ttab\"},{\"role\":\"assistant\",\"content\":\"a\\\\b\",\"turn_mask\":true}]}\n" +
            "{\"instance_id\":\"acme__tally-1\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a software agent.\"}," +
            "{\"role\":\"user\",\"content\":\"Fix the bug in acme__tally-1.\"},{\"role\":\"assistant\",\"content\":\"action 1\",\"turn_mask\":false}]}\n" +
            "{\"instance_id\":\"acme__tally-2\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a software agent.\"}," +
            "{\"role\":\"user\",\"content\":\"Fix the bug in acme__tally-2.\"},{\"role\":\"assistant\",\"content\":\"action 1\",\"turn_mask\":true}," +
            "{\"role\":\"user\",\"content\":\"observation 1\"},{\"role\":\"assistant\",\"content\":\"action 2\",\"turn_mask\":false}]}\n",
            File.ReadAllText(Path.Combine(output, "data", "swelego_easy.jsonl")));
        Assert.Equal([("data/swelego_easy.jsonl", 3), ("data/swelego_medium.jsonl", 2), ("data/swelego_hard.jsonl", 1)],
            summary.Files.Where(f => f.Records is not null).Select(f => (f.Path, f.Records!.Value)));
        static string Entry(string bin) => $$"""
              "swelego_{{bin}}": {
                "file_name": "data/swelego_{{bin}}.jsonl",
                "formatting": "sharegpt",
                "columns": {
                  "messages": "messages"
                },
                "tags": {
                  "role_tag": "role",
                  "content_tag": "content",
                  "user_tag": "user",
                  "assistant_tag": "assistant",
                  "system_tag": "system"
                }
              }
            """;
        Assert.Equal("{\n" + string.Join(",\n", new[] { "easy", "medium", "hard" }.Select(Entry)).ReplaceLineEndings("\n") + "\n}\n",
            File.ReadAllText(Path.Combine(output, "dataset_info.json")));
    }

    /// <summary>
    /// An independent reading of the written files the way the SWE-Lego fork's loader reads them (converter.py's sharegpt
    /// alignment through dataset_info.json's tags, supervised.py's turn_mask list): nothing skipped, masks = turns.
    /// </summary>
    [Fact]
    public async Task Export_WrittenFiles_PassTheTrainersLoaderRulesInPython()
    {
        var (_, output) = await ExportAsync(ExportRuns.Sample());
        const string Loader = """
            import json, os, sys
            out = sys.argv[1]
            info = json.load(open(os.path.join(out, "dataset_info.json")))
            for name, attr in info.items():
                tags = attr["tags"]
                for line in open(os.path.join(out, attr["file_name"]), encoding="utf-8"):
                    messages = json.loads(line)[attr["columns"]["messages"]]
                    if messages and messages[0][tags["role_tag"]] == tags["system_tag"]:
                        messages = messages[1:]
                    accept = ((tags["user_tag"],), (tags["assistant_tag"],))
                    for i, m in enumerate(messages):
                        assert m[tags["role_tag"]] in accept[i % 2], ("role", name, i)
                    assert len(messages) % 2 == 0 and messages, ("count", name)
                    masks = [messages[i].get("turn_mask", False) for i in range(1, len(messages), 2)]
                    assert all(type(m) is bool for m in masks), ("bool", name)
                    assert len(masks) == len(messages) // 2, ("masks", name)
                    assert all("turn_mask" not in messages[i] for i in range(0, len(messages), 2)), ("user flag", name)
                    print(name, len(masks), sum(masks))
            """;

        var (exit, stdout) = await Python(Loader, output);

        Assert.True(exit == 0, stdout);
        Assert.Equal("swelego_easy 1 0\nswelego_easy 2 1\nswelego_medium 3 1\nswelego_medium 4 0\nswelego_hard 5 2\n", stdout);
    }

    [Fact]
    public async Task Export_StageYamls_NameOnlyKeysLlamaFactoryKnowsAndCarryTheRecipe()
    {
        var (summary, output) = await ExportAsync(ExportRuns.Sample(), LlamaFactoryRecipe.Qwen3_32B);
        var known = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Curation", "Export", "Fixtures", "llamafactory-train-keys.txt"))
            .Where(l => l.Length > 0 && l[0] is not ('#' or '[')).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("turn_mask", known);
        var yaml = new DeserializerBuilder().Build();

        Assert.Equal(3, summary.Stages.Count);
        foreach (var stage in summary.Stages)
        {
            var keys = yaml.Deserialize<Dictionary<string, object?>>(File.ReadAllText(Path.Combine(output, stage.Config)));
            var unknown = keys.Keys.Where(k => !known.Contains(k)).ToList();
            Assert.True(unknown.Count == 0, $"{stage.Config}: unknown keys {string.Join(", ", unknown)}");
        }

        // PyYAML (what LLaMA-Factory loads the file with) must see numbers as numbers and booleans as booleans.
        var (exit, stdout) = await Python("""
            import json, sys, yaml
            config = yaml.safe_load(open(sys.argv[1]))
            print(json.dumps({k: [type(v).__name__, v] for k, v in config.items()}, sort_keys=True))
            """, Path.Combine(output, "stage1_easy.yaml"));
        Assert.True(exit == 0, stdout);
        var values = JsonDocument.Parse(stdout).RootElement;
        void Is(string key, string type, string json)
        {
            Assert.Equal(type, values.GetProperty(key)[0].GetString());
            Assert.Equal(json, values.GetProperty(key)[1].GetRawText());
        }

        Is("model_name_or_path", "str", "\"Qwen/Qwen3-32B\"");
        Is("stage", "str", "\"sft\"");
        Is("finetuning_type", "str", "\"full\"");
        Is("deepspeed", "str", JsonSerializer.Serialize(Path.Combine(output, "ds_z3_config.json")));
        Is("dataset", "str", "\"swelego_easy\"");
        Is("dataset_dir", "str", JsonSerializer.Serialize(output));
        Is("template", "str", "\"qwen3_nothink\"");
        Is("cutoff_len", "int", "131072");
        Is("rope_scaling", "str", "\"yarn\"");
        Is("turn_mask", "bool", "true");
        Is("per_device_train_batch_size", "int", "1");
        Is("gradient_accumulation_steps", "int", "8");
        Is("learning_rate", "float", "5e-05");
        Is("num_train_epochs", "float", "4.0");
        Is("lr_scheduler_type", "str", "\"cosine\"");
        Is("warmup_ratio", "float", "0.1");
        Is("weight_decay", "float", "0.01");
        Is("max_grad_norm", "float", "1.0");
        Is("bf16", "bool", "true");
        Is("save_strategy", "str", "\"epoch\"");
        Is("resume_from_checkpoint", "NoneType", "null");
        var deepspeed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "ds_z3_config.json"))).RootElement;
        Assert.Equal(3, deepspeed.GetProperty("zero_optimization").GetProperty("stage").GetInt32());
    }

    [Fact]
    public async Task Export_Stages_AreCumulativeAndEachStartsFromThePreviousOutput()
    {
        // No medium records: that bin gets no file and no stage; hard still trains on everything before it.
        var records = ExportRuns.Sample().Where(r => r.Bin != "medium");

        var (summary, output) = await ExportAsync(records, model: "/models/base");

        Assert.Equal(["stage1_easy.yaml", "stage2_hard.yaml"], summary.Stages.Select(s => s.Config));
        Assert.Equal(["swelego_easy"], summary.Stages[0].Datasets);
        Assert.Equal(["swelego_easy", "swelego_hard"], summary.Stages[1].Datasets);
        Assert.Equal("/models/base", summary.Stages[0].Model);
        Assert.Equal(summary.Stages[0].OutputDir, summary.Stages[1].Model);
        Assert.Equal(Path.Combine(output, "saves", "swelego-8b-stage1_easy"), summary.Stages[0].OutputDir);
        string second = File.ReadAllText(Path.Combine(output, "stage2_hard.yaml"));
        Assert.Contains($"model_name_or_path: {summary.Stages[0].OutputDir}\n", second, StringComparison.Ordinal);
        Assert.Contains("dataset: swelego_easy,swelego_hard\n", second, StringComparison.Ordinal);
        Assert.Contains($"output_dir: {summary.Stages[1].OutputDir}\n", second, StringComparison.Ordinal);
        Assert.Contains("learning_rate: 0.0001\n", second, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "data", "swelego_medium.jsonl")));
    }

    [Fact]
    public async Task TrainScript_RunsTheStagesInOrderAndResumesAfterTheLastFinishedOne()
    {
        var (summary, output) = await ExportAsync(ExportRuns.Sample());
        string script = Path.Combine(output, "train.sh");
        string text = File.ReadAllText(script);
        Assert.StartsWith("#!/usr/bin/env bash\n", text, StringComparison.Ordinal);
        Assert.Contains("FORCE_TORCHRUN=1 NNODES=2 NODE_RANK=0 MASTER_ADDR=10.0.0.1 MASTER_PORT=29500 bash train.sh", text, StringComparison.Ordinal);
        Assert.Contains("set -euo pipefail\n", text, StringComparison.Ordinal);
        Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0);
        Assert.Equal((0, ""), await Bash(["-n", script], null));

        // A stand-in llamafactory-cli: logs its arguments and FORCE_TORCHRUN, creates the YAML's output_dir.
        string bin = Directory.CreateDirectory(_temp.Combine("bin")).FullName;
        string log = _temp.Combine("calls.log");
        File.WriteAllText(Path.Combine(bin, "llamafactory-cli"),
            $"#!/bin/bash\necho \"$1 $2 torchrun=$FORCE_TORCHRUN\" >> '{log}'\nmkdir -p \"$(sed -n 's/^output_dir: //p' \"$2\")\"\n");
        File.SetUnixFileMode(Path.Combine(bin, "llamafactory-cli"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal(0, (await Bash([script], bin)).Exit);
        Assert.Equal("train stage1_easy.yaml torchrun=1\ntrain stage2_medium.yaml torchrun=1\ntrain stage3_hard.yaml torchrun=1\n", File.ReadAllText(log));

        // Everything finished: a re-run trains nothing. Stage 2's marker gone: only stage 2 trains again.
        Assert.Equal(0, (await Bash([script], bin)).Exit);
        File.Delete(Path.Combine(summary.Stages[1].OutputDir, ".swelego-stage-complete"));
        var (exit, stdout) = await Bash([script], bin);
        Assert.Equal(0, exit);
        Assert.Contains("stage1_easy.yaml: already trained", stdout, StringComparison.Ordinal);
        Assert.Equal("train stage1_easy.yaml torchrun=1\ntrain stage2_medium.yaml torchrun=1\ntrain stage3_hard.yaml torchrun=1\ntrain stage2_medium.yaml torchrun=1\n", File.ReadAllText(log));
    }

    private static Task<(int Exit, string Output)> Python(string code, string argument) =>
        Run("/usr/bin/python3", ["-c", code, argument], null);

    private static Task<(int Exit, string Output)> Bash(string[] arguments, string? path) => Run("bash", arguments, path);

    private static async Task<(int Exit, string Output)> Run(string program, string[] arguments, string? prependPath)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        if (prependPath is not null) info.Environment["PATH"] = prependPath + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose() => _temp.Dispose();
}
