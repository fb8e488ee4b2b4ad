using System.Net;
using System.Text;
using System.Text.Json;

namespace SweLego.Sandboxes.Docker.Engine;

public sealed partial class DockerEngineClient
{
    // Enough to show why a build failed; the head of a long log is rarely the interesting part.
    private const int MaxBuildLogChars = 256 * 1024;

    public async Task<bool> ImageExistsAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            await InspectImageAsync(name, cancellationToken);
            return true;
        }
        catch (DockerEngineException ex) when (ex.IsNotFound)
        {
            return false;
        }
    }

    public async Task<ImageInfo> InspectImageAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var doc = await GetJsonAsync($"/images/{Escape(name)}/json", cancellationToken);
        var root = doc.RootElement;
        var config = root.Child("Config");
        return new ImageInfo
        {
            Id = root.String("Id") ?? "",
            RepoTags = root.StringList("RepoTags"),
            WorkingDir = config.String("WorkingDir") ?? "",
            Env = config.StringList("Env"),
            Cmd = config.StringList("Cmd"),
            Entrypoint = config.StringList("Entrypoint"),
            User = string.IsNullOrEmpty(config.String("User")) ? null : config.String("User"),
            SizeBytes = root.Int64("Size") ?? 0,
            Labels = config.StringMap("Labels"),
            Created = root.Time("Created"),
            LastTagTime = root.Child("Metadata").Time("LastTagTime"),
        };
    }

    /// <summary>
    /// GET /images/json: every image, or those with a label (<paramref name="labelFilter"/> is "key" or
    /// "key=value"). Asks for shared sizes, which daemons report from API 1.42 on; on 1.41 they are -1
    /// (use <see cref="GetImageDiskUsageAsync"/> for them).
    /// </summary>
    public async Task<IReadOnlyList<ImageSummary>> ListImagesAsync(string? labelFilter = null, CancellationToken cancellationToken = default)
    {
        var path = "/images/json?shared-size=1" + (string.IsNullOrWhiteSpace(labelFilter) ? "" : "&filters=" + LabelFilter(labelFilter));
        using var doc = await GetJsonAsync(path, cancellationToken);
        return ReadImageSummaries(doc.RootElement);
    }

    /// <summary>
    /// The images of GET /system/df, where the daemon computes <see cref="ImageSummary.SharedSize"/> and
    /// <see cref="ImageSummary.Containers"/> on every API version. Costlier than a list: the daemon also
    /// sizes containers and volumes.
    /// </summary>
    public async Task<IReadOnlyList<ImageSummary>> GetImageDiskUsageAsync(CancellationToken cancellationToken = default)
    {
        using var doc = await GetJsonAsync("/system/df", cancellationToken);
        return ReadImageSummaries(doc.RootElement.Child("Images"));
    }

    /// <summary>
    /// Tags an image as repo:tag (POST /images/{name}/tag). Tagging with the name it already has is
    /// allowed and refreshes its Metadata.LastTagTime.
    /// </summary>
    public async Task TagImageAsync(string name, string repo, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(repo);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        using var response = await SendAsync(
            HttpMethod.Post, $"/images/{Escape(name)}/tag?repo={Escape(repo)}&tag={Escape(tag)}", null, cancellationToken);
    }

    /// <summary>
    /// Creates an image from a root file system tar (like `docker import`) and returns its id.
    /// The stream is read to the end but not disposed.
    /// </summary>
    public async Task<string> ImportImageAsync(Stream rootfsTar, string repo, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rootfsTar);
        ArgumentException.ThrowIfNullOrWhiteSpace(repo);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        const string operation = "POST /images/create";
        using var content = new BorrowedStreamContent(rootfsTar, "application/x-tar");
        using var response = await SendAsync(
            HttpMethod.Post,
            $"/images/create?fromSrc=-&repo={Escape(repo)}&tag={Escape(tag)}",
            content,
            cancellationToken,
            HttpCompletionOption.ResponseHeadersRead);
        string? imageId = null;
        await foreach (var message in ReadJsonMessagesAsync(response, cancellationToken))
        {
            var root = message.RootElement;
            if (root.String("error") is { } error)
            {
                throw DockerEngineException.FromResponse(HttpStatusCode.InternalServerError, operation, error);
            }

            // The import's last message is {"status":"sha256:..."}.
            if (root.String("status") is { } status && status.StartsWith("sha256:", StringComparison.Ordinal))
            {
                imageId = status.Trim();
            }
        }

        return imageId ?? throw DockerEngineException.Protocol(operation, "the daemon reported no image id");
    }

    /// <summary>Removes an image (a tag, or the image when it was the last tag); 409 while containers use it.</summary>
    public async Task RemoveImageAsync(string name, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        using var response = await SendAsync(
            HttpMethod.Delete, $"/images/{Escape(name)}?force={Flag(force)}", null, cancellationToken);
    }

    /// <summary>
    /// Builds an image from a tar build context (classic builder, Dockerfile at the context root).
    /// Builds default to host networking because the daemon runs without a bridge; containers
    /// never do. A failing step is reported in the result; an unreachable daemon or a rejected
    /// request throws. <paramref name="progress"/> receives the build output as it streams.
    /// </summary>
    public async Task<ImageBuildResult> BuildImageAsync(
        Stream contextTar,
        string tag,
        IReadOnlyDictionary<string, string>? buildArgs = null,
        string networkMode = "host",
        IProgress<string>? progress = null,
        string dockerfile = "Dockerfile",
        IReadOnlyDictionary<string, string>? labels = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contextTar);
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        ArgumentException.ThrowIfNullOrWhiteSpace(networkMode);
        var query = new StringBuilder($"/build?t={Escape(tag)}&networkmode={Escape(networkMode)}&rm=true&forcerm=true&dockerfile={Escape(dockerfile)}");
        if (labels is { Count: > 0 })
        {
            query.Append("&labels=").Append(Escape(DockerJson.ToObject(labels).ToJsonString()));
        }

        if (buildArgs is { Count: > 0 })
        {
            query.Append("&buildargs=").Append(Escape(DockerJson.ToObject(buildArgs).ToJsonString()));
        }

        using var content = new BorrowedStreamContent(contextTar, "application/x-tar");
        using var response = await SendAsync(
            HttpMethod.Post, query.ToString(), content, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        var log = new StringBuilder();
        string? imageId = null;
        await foreach (var message in ReadJsonMessagesAsync(response, cancellationToken))
        {
            var root = message.RootElement;
            if (root.String("error") is { } error)
            {
                var code = root.Child("errorDetail").Int64("code");
                return new ImageBuildResult(false, null, error.Trim(), code is null ? null : (int)code.Value, log.ToString());
            }

            if (root.Child("aux").String("ID") is { } id)
            {
                imageId = id;
            }

            var text = root.String("stream") ?? root.String("status");
            if (text is not null)
            {
                progress?.Report(text);
                log.Append(text);
                if (root.String("status") is not null)
                {
                    log.Append('\n');
                }

                if (log.Length > 2 * MaxBuildLogChars)
                {
                    log.Remove(0, log.Length - MaxBuildLogChars);
                }
            }
        }

        return imageId is null
            ? new ImageBuildResult(false, null, "the build ended without producing an image", null, log.ToString())
            : new ImageBuildResult(true, imageId, null, null, log.ToString());
    }

    private static List<ImageSummary> ReadImageSummaries(JsonElement array)
    {
        var list = new List<ImageSummary>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        foreach (var item in array.EnumerateArray())
        {
            list.Add(new ImageSummary(
                item.String("Id") ?? "",
                item.StringList("RepoTags").Where(tag => tag != "<none>:<none>").ToList(),
                item.StringMap("Labels"),
                DateTimeOffset.FromUnixTimeSeconds(item.Int64("Created") ?? 0),
                item.Int64("Size") ?? 0,
                item.Int64("SharedSize") ?? -1,
                (int)(item.Int64("Containers") ?? -1)));
        }

        return list;
    }

    /// <summary>The daemon streams progress as one JSON object per line.</summary>
    private static async IAsyncEnumerable<JsonDocument> ReadJsonMessagesAsync(
        HttpResponseMessage response, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                continue;
            }

            using (doc)
            {
                yield return doc;
            }
        }
    }
}
