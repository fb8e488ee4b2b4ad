using System.Diagnostics;
using System.Text.Json;
using SweLego.Runs;
using SweLego.Tests.CrashWriter;
using SweLego.Tests.TestSupport;
using Xunit.Abstractions;

namespace SweLego.Tests.Runs;

/// <summary>
/// SIGKILLs a real child process while it appends records (and updates the manifest), restarts
/// it several times, and checks the end result: every record exactly once, each one whole.
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
        var sizeAfter = ExpectedFileSizes();

        for (var kill = 0; kill < Kills; kill++)
        {
            // Spread the kills over what is left, so every restart has work to do and to lose.
            var before = CountCompleteLines(records);
            var target = before + Math.Max(1, (RecordCount - before) / (Kills - kill + 1));
            using var child = StartChild(runDirectory);
            var stderr = child.StandardError.ReadToEndAsync();
            bool exitedByItself;
            try
            {
                // Polling the size is cheap; records are written in key order, so size tells the count.
                WaitUntil(() => child.HasExited || FileSize(records) >= sizeAfter[target], $"{target} records written");
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

        using (var last = StartChild(runDirectory))
        {
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

    private static Process StartChild(string runDirectory)
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
        startInfo.ArgumentList.Add(runDirectory);
        startInfo.ArgumentList.Add(RecordCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
    private static long[] ExpectedFileSizes()
    {
        var sizes = new long[RecordCount + 1];
        for (var i = 0; i < RecordCount; i++)
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
