using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Tasks.Git;

namespace SweLego.Samples;

/// <summary>
/// The sample library "tally" (samples/README.md): its git history is created on demand by
/// samples/make-history.sh, found above the running binary or the current folder. Commits are
/// named by the tag their message starts with (<c>[fix-median] …</c>).
/// </summary>
public static class SampleRepository
{
    public static string FindSamplesDirectory()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "samples", "make-history.sh"))) return Path.Combine(directory.FullName, "samples");
            }
        }

        throw new InvalidOperationException("The samples folder (samples/make-history.sh) was not found above the swelego binary or the current folder; run swelego from its checkout.");
    }

    /// <summary>Creates the sample's repository with its history in <paramref name="destination"/> (missing or empty).</summary>
    public static async Task<string> CreateHistoryAsync(string destination, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/bin/bash", [Path.Combine(FindSamplesDirectory(), "make-history.sh"), destination])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"make-history.sh {destination} failed (exit {process.ExitCode}): {(await error).Trim()} {(await output).Trim()}");
        return Path.GetFullPath(destination);
    }

    /// <summary>Tag (without brackets) → commit id, oldest first, for every commit of the sample's history.</summary>
    public static async Task<IReadOnlyList<(string Tag, string Commit)>> CommitsByTagAsync(string repository, CancellationToken cancellationToken)
    {
        var log = await new GitCommand(repository).RunAsync(["log", "--reverse", "--format=%H %s", "HEAD"], cancellationToken);
        var commits = new List<(string, string)>();
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string sha = line[..line.IndexOf(' ', StringComparison.Ordinal)];
            string subject = line[(sha.Length + 1)..];
            int close = subject.IndexOf(']', StringComparison.Ordinal);
            if (!subject.StartsWith('[') || close < 0) throw new InvalidOperationException($"commit {sha} of {repository} has no [tag]: {subject}");
            commits.Add((subject[1..close], sha));
        }

        return commits;
    }

    /// <summary>
    /// Writes samples/tally-prs.jsonl to <paramref name="destination"/> with each <c>merge_commit</c> tag
    /// (e.g. <c>"[fix-median]"</c>) replaced by <paramref name="repository"/>'s commit id; returns the path.
    /// </summary>
    public static async Task<string> WritePrsFileAsync(string repository, string destination, CancellationToken cancellationToken)
    {
        var commits = (await CommitsByTagAsync(repository, cancellationToken)).ToDictionary(c => c.Tag, c => c.Commit, StringComparer.Ordinal);
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var lines = new StringBuilder();
        foreach (var line in File.ReadLines(Path.Combine(FindSamplesDirectory(), "tally-prs.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            var record = JsonNode.Parse(line)!.AsObject();
            string tag = record["merge_commit"]!.GetValue<string>().Trim('[', ']');
            record["merge_commit"] = commits.TryGetValue(tag, out var sha) ? sha : throw new InvalidOperationException($"tally-prs.jsonl names [{tag}], which {repository} lacks.");
            lines.Append(record.ToJsonString(options)).Append('\n');
        }

        await File.WriteAllTextAsync(destination, lines.ToString(), cancellationToken);
        return destination;
    }
}
