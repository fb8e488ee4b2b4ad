using System.CommandLine;
using System.Text;
using System.Text.Json;
using SweLego.Tokenization;

namespace SweLego.Cli.Commands;

/// <summary>
/// <c>swelego tokenize FILE...</c>: token counts (and ids) of files with the trainer's tokenizer
/// (<c>add_special_tokens=False</c>). A file that cannot be read is named and the others are still counted; the
/// exit code is then 1.
/// </summary>
internal static class TokenizeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Text files (read as UTF-8).", Arity = ArgumentArity.OneOrMore };
        var tokenizer = Tokenizer();
        var ids = new Option<bool>("--ids") { Description = "Also print each file's token ids." };
        var json = new Option<bool>("--json") { Description = "One JSON document: tokenizer, files [{path, tokens, ids?, error?}], total." };
        var command = new Command("tokenize",
            "Count the tokens of files with a Hugging Face tokenizer.json (default: the Qwen3 tokenizer scripts/setup.sh installs), " +
            "exactly as the trainer tokenizes text with add_special_tokens=False (<|im_start|> and the other added tokens in the text are single tokens). " +
            "Prints one line per file and a total; exits 1 when a file could not be read.\n\n" +
            "Examples:\n  swelego tokenize trajectory.txt\n  swelego tokenize --tokenizer tokenizer.json a.txt b.txt --ids --json");
        command.Arguments.Add(files);
        foreach (var option in (Option[])[tokenizer, ids, json]) command.Options.Add(option);
        command.SetAction((parse, cancellationToken) =>
        {
            var encoder = HuggingFaceTokenizer.Load(TokenizerFiles.Resolve(parse.GetValue(tokenizer)));
            bool withIds = parse.GetValue(ids);
            var results = new List<FileTokens>();
            foreach (string path in parse.GetValue(files)!)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(Tokenize(encoder, path, withIds));
            }
            long total = results.Sum(r => (long)(r.Tokens ?? 0));
            if (parse.GetValue(json)) WriteJson(encoder, results, total);
            else WriteText(encoder, results, total);
            return Task.FromResult(results.Any(r => r.Error is not null) ? CliApp.Failure : 0);
        });
        return command;
    }

    /// <summary><c>--tokenizer FILE</c>, shared with <c>bench tokenize</c>.</summary>
    public static Option<string?> Tokenizer() => new("--tokenizer")
    {
        Description = $"A Hugging Face tokenizer.json (default: ${TokenizerFiles.EnvironmentVariable}, else the Qwen3 tokenizer scripts/setup.sh installs in {TokenizerFiles.NpmFolder}).",
        HelpName = "FILE",
    };

    private sealed record FileTokens(string Path, int? Tokens, IReadOnlyList<int>? Ids, string? Error);

    private static FileTokens Tokenize(HuggingFaceTokenizer encoder, string path, bool withIds)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileTokens(path, null, null, e.Message);
        }
        if (!withIds) return new FileTokens(path, encoder.Count(text), null, null);
        var ids = encoder.Encode(text);
        return new FileTokens(path, ids.Count, ids, null);
    }

    private static void WriteText(HuggingFaceTokenizer encoder, List<FileTokens> results, long total)
    {
        var output = Console.Out;
        foreach (var result in results)
        {
            if (result.Error is not null)
            {
                Console.Error.WriteLine($"error: {result.Path}: {result.Error}");
                continue;
            }
            output.WriteLine($"{result.Tokens,10}  {result.Path}");
            if (result.Ids is not null) output.WriteLine(string.Join(' ', result.Ids));
        }
        int failed = results.Count(r => r.Error is not null);
        output.WriteLine($"{total,10}  total ({results.Count - failed} files{(failed > 0 ? $", {failed} unreadable" : "")}; {encoder.Name})");
    }

    private static void WriteJson(HuggingFaceTokenizer encoder, List<FileTokens> results, long total)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("tokenizer", encoder.Path);
            writer.WriteStartArray("files");
            foreach (var result in results)
            {
                writer.WriteStartObject();
                writer.WriteString("path", result.Path);
                if (result.Tokens is { } tokens) writer.WriteNumber("tokens", tokens);
                if (result.Ids is not null)
                {
                    writer.WriteStartArray("ids");
                    foreach (int id in result.Ids) writer.WriteNumberValue(id);
                    writer.WriteEndArray();
                }
                if (result.Error is not null) writer.WriteString("error", result.Error);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteNumber("total", total);
            writer.WriteEndObject();
        }
        Console.Out.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
