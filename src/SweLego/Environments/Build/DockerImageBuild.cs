using System.Text;
using System.Text.Json;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace SweLego.Environments.Build;

/// <summary>
/// One image build through the Docker client, with its outcome as a value: a failing Dockerfile
/// step is an expected result (the daemon's message, its exit code, the build's output), not an
/// exception. Daemon failures (unreachable, refused) still throw the client's exceptions.
/// </summary>
internal static class DockerImageBuild
{
    // Enough to show why a build failed; the head of a long log is rarely the interesting part.
    private const int MaxLogChars = 256 * 1024;

    /// <summary>Outcome of a build; <see cref="Log"/> holds its output (the tail, when very long).</summary>
    public sealed record Result(bool Succeeded, string? ImageId, string? Error, int? ErrorCode, string Log);

    public static async Task<Result> RunAsync(DockerClient client, Stream context, ImageBuildParameters parameters, CancellationToken cancellationToken)
    {
        var messages = new Messages();
        await client.Images.BuildImageFromDockerfileAsync(parameters, context, authConfigs: null, headers: null, messages, cancellationToken);
        string log = messages.Log.ToString();
        return messages.Error is { } error
            ? new Result(false, null, (error.Message ?? "the build failed").Trim(), error.Code is { } code ? (int)code : null, log)
            : messages.ImageId is null
                ? new Result(false, null, "the build ended without producing an image", null, log)
                : new Result(true, messages.ImageId, null, null, log);
    }

    /// <summary>Collects the daemon's messages as they arrive (the client reports them in order, on its own task).</summary>
    private sealed class Messages : IProgress<JSONMessage>
    {
        public StringBuilder Log { get; } = new();

        public JSONError? Error { get; private set; }

        public string? ImageId { get; private set; }

        public void Report(JSONMessage value)
        {
            if (value.Error is { } error) Error ??= error;
            if (value.Aux?.ExtensionData?.TryGetValue("ID", out object? id) == true && id is JsonElement { ValueKind: JsonValueKind.String } text)
                ImageId = text.GetString();
            string? line = value.Stream ?? (value.Status is { } status ? status + "\n" : null);
            if (line is null) return;
            Log.Append(line);
            if (Log.Length > 2 * MaxLogChars) Log.Remove(0, Log.Length - MaxLogChars);
        }
    }
}
