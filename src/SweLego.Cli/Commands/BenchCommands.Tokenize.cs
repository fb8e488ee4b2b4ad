using System.CommandLine;
using Spectre.Console;
using SweLego.Benchmarking;
using SweLego.Runs;
using SweLego.Samples;
using SweLego.Tokenization;

namespace SweLego.Cli.Commands;

internal static partial class BenchCommands
{
    /// <summary>The throughput ratio to the reference that the tokenizer aims at (issue 13).</summary>
    private const double TokenizeTarget = 5;

    private static Command CreateTokenize()
    {
        var tokenizer = TokenizeCommand.Tokenizer();
        var megabytes = NumericOptions.Whole("--mb", "N", "Size of the generated corpus in MB (UTF-8).", 1, 2000, 20);
        var run = CommonOptions.Run();
        var command = new Command("tokenize",
            "Tokenizer throughput on a generated corpus (this checkout's sources, trajectory turns, prose, CJK, emoji, non-BMP letters, " +
            "whitespace and digit runs, in ~100 KB documents): SweLego's tokenizer on one thread and on every core, against Hugging Face's " +
            "Rust tokenizer (npm tokenizers under node, timed inside node: one encode call per document, then one encodeBatch) in the same run. " +
            $"Checks that every id is equal and prints MB/s and the ratios (target ≥ {TokenizeTarget:0}×). Writes bench/tokenize.json; exits 1 when ids differ.\n\n" +
            "Example:\n  swelego bench tokenize --mb 20 --run runs/bench");
        foreach (var option in (Option[])[tokenizer, megabytes, run]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var encoder = HuggingFaceTokenizer.Load(TokenizerFiles.Resolve(parse.GetValue(tokenizer)));
            string root = Path.GetDirectoryName(SampleRepository.FindSamplesDirectory())!;
            var documents = TokenizerCorpus.Build(root, parse.GetValue(megabytes) * 1_000_000L);
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            folder.StartStage(Stage);
            var report = await folder.GuardStageAsync(Stage, () => TokenizerBenchmark.RunAsync(encoder, documents,
                new Progress<string>(p => AnsiConsole.MarkupLineInterpolated($"[grey]{p}…[/]")), cancellationToken));
            string output = folder.StagePath(Stage, "tokenize.json");
            AtomicFile.WriteJson(output, report, RunJson.IndentedOptions);
            folder.UpdateStage(Stage, s => s.WithOutput(folder.RelativePath(output)));
            folder.CompleteStage(Stage);

            var table = new Table().AddColumns("tokenizer", "MB/s", "ratio");
            table.AddRow("Hugging Face tokenizers, encode per document (baseline)", $"{report.ReferenceSingleMegabytesPerSecond:F1}", "1.00×");
            table.AddRow("SweLego, 1 thread", $"{report.SingleThreadedMegabytesPerSecond:F1}", $"{report.SingleThreadedRatio:F2}×");
            table.AddRow("Hugging Face tokenizers, encodeBatch (baseline)", $"{report.ReferenceBatchMegabytesPerSecond:F1}", "1.00×");
            table.AddRow($"SweLego, {report.Threads} threads", $"{report.ParallelMegabytesPerSecond:F1}", $"{report.ParallelRatio:F2}×");
            AnsiConsole.MarkupLineInterpolated($"{report.Documents} documents, {report.Bytes / 1e6:F1} MB, {report.Tokens:N0} tokens ({report.Tokenizer}):");
            AnsiConsole.Write(table);
            string verdict = report.SingleThreadedRatio >= TokenizeTarget ? "[green]ok[/]" : "[yellow]below[/]";
            AnsiConsole.MarkupLine($"Single-thread ratio {report.SingleThreadedRatio:F2}× (target ≥ {TokenizeTarget:0}×) {verdict}.");
            if (report.Mismatch is null) AnsiConsole.MarkupLine("Ids: [green]identical[/] to the reference.");
            else AnsiConsole.MarkupLineInterpolated($"[red]Ids differ from the reference: {report.Mismatch}[/]");
            AnsiConsole.MarkupLineInterpolated($"Results: [link]{output}[/]");
            return report.Mismatch is null ? 0 : CliApp.Failure;
        });
        return command;
    }
}
