using System.Globalization;
using SweLego.Runs;
using SweLego.Tests.CrashWriter;

// Usage: SweLego.Tests.CrashWriter RUN_DIR N
// Writes records with keys 0..N-1 to RUN_DIR/crash/records.jsonl, skipping keys already
// there, exactly like a resumable stage. The test kills it at random points and restarts it.
// Or: SweLego.Tests.CrashWriter docker-session (see DockerSessionOwner),
// or: SweLego.Tests.CrashWriter stage RUN_DIR N (see CrashStage).
if (args is [DockerSessionOwner.Mode])
{
    return await DockerSessionOwner.RunAsync();
}

if (args is [CrashStage.Mode, var stageRun, var stageCount] && int.TryParse(stageCount, NumberStyles.None, CultureInfo.InvariantCulture, out var items))
{
    return await CrashStage.RunAsync(stageRun, items);
}

if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
{
    await Console.Error.WriteLineAsync("usage: SweLego.Tests.CrashWriter RUN_DIR N");
    return 2;
}

var run = RunFolder.OpenOrCreate(args[0]);
var done = run.ReadDoneKeys<CrashRecord>(CrashRecord.Stage, CrashRecord.FileName, r => r.Key);
run.StartStage(CrashRecord.Stage);
using (var writer = run.OpenJsonlWriter<CrashRecord>(CrashRecord.Stage, CrashRecord.FileName))
{
    for (var i = 0; i < count; i++)
    {
        var record = CrashRecord.For(i);
        if (done.Contains(record.Key))
        {
            continue;
        }

        writer.Append(record);
        done.Add(record.Key);
        // Manifest updates interleave with appends so kills also land in the middle of those.
        if (done.Count % 250 == 0)
        {
            run.UpdateStage(CrashRecord.Stage, s => s.WithCount("records", done.Count));
        }
    }
}

run.UpdateStage(CrashRecord.Stage, s => s.WithCount("records", done.Count));
run.CompleteStage(CrashRecord.Stage);
return 0;
