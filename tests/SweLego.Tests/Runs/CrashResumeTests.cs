using System.Diagnostics;
using System.Text.Json;
using SweLego.Runs;
using SweLego.Tests.CrashWriter;
using SweLego.Tests.TestSupport;
using Xunit.Abstractions;

namespace SweLego.Tests.Runs;

/// <summary>
/// SIGKILLs a real child process while it appends records (and updates the manifest), or while it
/// runs a stage through the stage runner, restarts it several times, and checks the end result:
/// every record exactly once, each one whole (and for the stage, in item order).
/// </summary>
[Collection(nameof(CrashResumeTests))]
public sealed class CrashResumeTests(ITestOutputHelper output)
{
    // Large enough that a full run takes seconds, so the polls reliably catch the writer mid-run.
    private const int RecordCount = 12_000;
    private const int Kills = 6;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task JsonlWriter_ChildKilledRepeatedlyWhileWriting_ResumesWithNoPartialLostOrDuplicatedRecord()
    {
        using var temp = new TempDirectory();
        var runDirectory = temp.Combine("run");
        var records = Path.Combine(runDirectory, CrashRecord.Stage, CrashRecord.FileName);
        var killedMidRun = 0;
        var sizeAfter = ExpectedFileSizes(RecordCount);

        for (var kill = 0; kill < Kills; kill++)
        {
            // Spread the kills over what is left, so every restart has work to do and to lose.
            var before = CountCompleteLines(records);
            var target = before + Math.Max(1, (RecordCount - before) / (Kills - kill + 1));
            // Polling the size is cheap; records are written in key order, so size tells the count.
            await KillWhenAsync(() => FileSize(records) >= sizeAfter[target], $"{target} records written", runDirectory, Count(RecordCount));
            var after = CountCompleteLines(records);
            if (after < RecordCount)
            {
                killedMidRun++;
            }

            // A SIGKILL rarely lands inside the single write of a record, so also leave the torn
            // tail such a kill would: the next child has to ignore it when resuming and cut it off.
            var torn = kill % 2 == 1 ? AppendTornRecord(records, after) : 0;
            output.WriteLine($"kill {kill + 1}: {before} -> {after} lines, torn tail {TornBytes(records)} bytes (injected {torn})");
        }

        await RunToEndAsync(runDirectory, Count(RecordCount));

        // The kills must have interrupted real work, or this test proves nothing.
        Assert.True(killedMidRun >= Kills - 1, $"only {killedMidRun} of {Kills} kills landed before the writer finished");

        var bytes = await File.ReadAllBytesAsync(records);
        Assert.Equal((byte)'\n', bytes[^1]);
        var result = JsonlReader.ReadAll<CrashRecord>(records);
        Assert.Null(result.TornTail);
        Assert.Empty(result.SkippedLines);
        Assert.Equal(RecordCount, bytes.AsSpan().Count((byte)'\n'));
        Assert.Equal(RecordCount, result.Records.Count);
        Assert.Equal(RecordCount, result.Records.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(result.Records, r =>
        {
            Assert.Equal(CrashRecord.FormatVersion, r.V);
            Assert.Equal(CrashRecord.ExpectedPayload(r.Key), r.Payload);
        });
        var expectedKeys = Enumerable.Range(0, RecordCount).Select(i => CrashRecord.For(i).Key);
        Assert.True(result.Records.Select(r => r.Key).ToHashSet(StringComparer.Ordinal).SetEquals(expectedKeys));

        var stage = RunFolder.Open(runDirectory).ReadManifest().Stage(CrashRecord.Stage);
        Assert.Equal(StageStatus.Succeeded, stage.Status);
        Assert.Equal(Kills + 1, stage.Attempts);
        Assert.Equal(RecordCount, stage.Counts["records"]);
        Assert.Equal([$"{CrashRecord.Stage}/{CrashRecord.FileName}"], stage.Outputs);
    }

    [Fact]
    public async Task StageRunner_ChildKilledRepeatedlyWhileRunningAStage_ResumesInItemOrderWithNothingLostRepeatedOrTorn()
    {
        const int items = 3000, kills = 4;
        using var temp = new TempDirectory();
        var runDirectory = temp.Combine("run");
        var records = Path.Combine(runDirectory, CrashStage.Stage, CrashRecord.FileName);
        var sizeAfter = ExpectedFileSizes(items);
        var killedMidRun = 0;

        for (var kill = 0; kill < kills; kill++)
        {
            var before = CountCompleteLines(records);
            var target = before + Math.Max(1, (items - before) / (kills - kill + 1));
            // Results are recorded in item order, so the size tells how many are.
            await KillWhenAsync(() => FileSize(records) >= sizeAfter[target], $"{target} results recorded", CrashStage.Mode, runDirectory, Count(items));
            var after = CountCompleteLines(records);
            if (after < items) killedMidRun++;
            var torn = kill % 2 == 1 ? AppendTornRecord(records, after) : 0;
            output.WriteLine($"stage kill {kill + 1}: {before} -> {after} lines, torn tail {TornBytes(records)} bytes (injected {torn})");
        }

        await RunToEndAsync(CrashStage.Mode, runDirectory, Count(items));

        Assert.True(killedMidRun >= kills - 1, $"only {killedMidRun} of {kills} kills landed before the stage finished");
        var result = JsonlReader.ReadAll<CrashRecord>(records);
        Assert.Null(result.TornTail);
        Assert.Empty(result.SkippedLines);
        Assert.Equal(Enumerable.Range(0, items).Select(i => CrashRecord.For(i).Key), result.Records.Select(r => r.Key));
        Assert.All(result.Records, r => Assert.Equal(CrashRecord.ExpectedPayload(r.Key), r.Payload));
        var stage = RunFolder.Open(runDirectory).ReadManifest().Stage(CrashStage.Stage);
        Assert.Equal((StageStatus.Succeeded, kills + 1, items), (stage.Status, stage.Attempts, stage.Counts["kept"]));
        var summary = JsonSerializer.Deserialize<SweLego.Runs.Stages.StageRunSummary>(
            await File.ReadAllTextAsync(Path.Combine(runDirectory, CrashStage.Stage, SweLego.Runs.Stages.StageRunSummary.FileName)), RunJson.Options)!;
        Assert.Equal((SweLego.Runs.Stages.StageRunStatus.Completed, items, items), (summary.Status, summary.Total, summary.Skipped + summary.Processed));
    }

    private static string Count(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Starts the child and SIGKILLs it once <paramref name="reached"/> holds; a child that ended first must have succeeded.</summary>
    private static async Task KillWhenAsync(Func<bool> reached, string what, params string[] arguments)
    {
        using var child = StartChild(arguments);
        var stderr = child.StandardError.ReadToEndAsync();
        bool exitedByItself;
        try
        {
            WaitUntil(() => child.HasExited || reached(), what);
            exitedByItself = child.HasExited;
        }
        finally
        {
            child.Kill(); // SIGKILL on Linux; a no-op if the child already exited
        }

        await child.WaitForExitAsync().WaitAsync(Deadline);
        if (exitedByItself)
        {
            Assert.True(child.ExitCode == 0, $"crash writer failed (exit {child.ExitCode}): {await stderr}");
        }
    }

    /// <summary>Runs the child until it ends by itself, which it must do successfully.</summary>
    private static async Task RunToEndAsync(params string[] arguments)
    {
        using var last = StartChild(arguments);
        var stderr = last.StandardError.ReadToEndAsync();
        try
        {
            await last.WaitForExitAsync().WaitAsync(Deadline);
        }
        finally
        {
            last.Kill();
        }

        Assert.True(last.ExitCode == 0, $"crash writer failed (exit {last.ExitCode}): {await stderr}");
    }

    private static Process StartChild(params string[] arguments)
    {
        var writerDll = Path.Combine(AppContext.BaseDirectory, "SweLego.Tests.CrashWriter.dll");
        Assert.True(File.Exists(writerDll), $"crash writer not built next to the tests: {writerDll}");
        Assert.True(File.Exists(Path.ChangeExtension(writerDll, ".runtimeconfig.json")), "crash writer runtimeconfig.json missing");

        var startInfo = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = false,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(writerDll);
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        return Process.Start(startInfo) ?? throw new InvalidOperationException("could not start the crash writer");
    }

    /// <summary>The dotnet host running this test, so the child uses the same runtime.</summary>
    private static string DotnetHost()
    {
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
        {
            return fromCli;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    /// <summary>
    /// Polls on this thread rather than with awaits, so a busy test scheduler cannot delay the
    /// kill until the writer has finished.
    /// </summary>
    private static void WaitUntil(Func<bool> condition, string what) =>
        Assert.True(SpinWait.SpinUntil(condition, Deadline), $"timed out after {Deadline} waiting for: {what}");

    /// <summary>Element i is the size of the file once records 0..i-1 are written.</summary>
    private static long[] ExpectedFileSizes(int count)
    {
        var sizes = new long[count + 1];
        for (var i = 0; i < count; i++)
        {
            sizes[i + 1] = sizes[i] + JsonSerializer.SerializeToUtf8Bytes(CrashRecord.For(i), RunJson.Options).Length + 1;
        }

        return sizes;
    }

    private static long FileSize(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? info.Length : 0;
    }

    private static int CountCompleteLines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[64 * 1024];
            var lines = 0;
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            return lines;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }
    }

    private static int AppendTornRecord(string path, int nextIndex)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(CrashRecord.For(nextIndex), RunJson.Options);
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(line, 0, line.Length / 2);
        return line.Length / 2;
    }

    private static int TornBytes(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        var bytes = File.ReadAllBytes(path);
        return bytes.Length - (bytes.AsSpan().LastIndexOf((byte)'\n') + 1);
    }

}
