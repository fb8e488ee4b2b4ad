using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SweLego.Tokenization;

/// <summary>
/// Hugging Face's own Rust tokenizer (npm <c>tokenizers</c>, installed by scripts/setup.sh into
/// <see cref="TokenizerFiles.NpmFolder"/>) run by node over documents: the reference our ids must equal, and the
/// baseline of <c>swelego bench tokenize</c>. One node process for all documents; they go through files in a
/// temporary folder (UTF-8) and the ids come back as one binary file.
/// </summary>
public static class ReferenceTokenizer
{
    private const string ScriptName = "reference_tokenizer.js";

    /// <summary>Encodes every document with <c>add_special_tokens=False</c>; with <paramref name="timed"/> also measures it (see <see cref="ReferenceRun"/>).</summary>
    public static async Task<ReferenceRun> RunAsync(string tokenizerPath, IReadOnlyList<string> documents, bool timed = false,
        CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Path.Combine(TokenizerFiles.ReferenceModule, "package.json")))
        {
            throw new InvalidOperationException(
                $"The reference tokenizer (npm {TokenizerFiles.ReferencePackage}) is not installed in {TokenizerFiles.ReferenceModule}: run scripts/setup.sh.");
        }
        var folder = Directory.CreateTempSubdirectory("swelego-tokenizer-reference-");
        try
        {
            string script = Path.Combine(folder.FullName, ScriptName);
            await File.WriteAllBytesAsync(script, EmbeddedResources.ReadBytes($"SweLego.Tokenization.{ScriptName}"), cancellationToken);
            var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
            for (int i = 0; i < documents.Count; i++)
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"{i}.txt"), documents[i], utf8, cancellationToken);

            string stdout = await RunNodeAsync(script, tokenizerPath, folder.FullName, documents.Count, timed ? "bench" : "ids", cancellationToken);
            var ids = ReadIds(Path.Combine(folder.FullName, "ids.bin"), documents.Count);
            using var json = JsonDocument.Parse(stdout);
            var root = json.RootElement;
            return new ReferenceRun(ids,
                root.TryGetProperty("singleMs", out var single) ? single.GetDouble() : null,
                root.TryGetProperty("batchMs", out var batch) ? batch.GetDouble() : null);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> RunNodeAsync(string script, string tokenizerPath, string folder, int count, string mode, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in (string[])[script, TokenizerFiles.ReferenceModule, tokenizerPath, folder, count.ToString(System.Globalization.CultureInfo.InvariantCulture), mode])
            start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot start node for the reference tokenizer ({e.Message}): install Node.js (scripts/setup.sh checks it).", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"The reference tokenizer (node {Path.GetFileName(script)}) exited with {process.ExitCode}: {(await error).Trim()}");
            return await output;
        }
    }

    private static int[][] ReadIds(string path, int count)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var all = new int[count][];
        int offset = 0;
        for (int i = 0; i < count; i++)
        {
            int length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
            offset += 4;
            var ids = new int[length];
            for (int j = 0; j < length; j++, offset += 4) ids[j] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset));
            all[i] = ids;
        }
        return all;
    }
}
