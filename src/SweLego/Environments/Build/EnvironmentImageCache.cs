using Docker.DotNet;
using Docker.DotNet.Models;
using SweLego.Sandboxes.Docker;

namespace SweLego.Environments.Build;

/// <summary>
/// Keeps the environment images (those labelled <see cref="LabelKey"/>, or whatever
/// <c>labelFilter</c> selects) within a disk budget by removing the least recently used first.
/// <para>
/// Size: layers shared between images are stored once, so an image counts only its unique bytes,
/// Size − SharedSize: what removing it frees. Every environment image is built FROM the base
/// image, whose ~400 MB are shared and so count for none of them. The daemon's image list reports
/// SharedSize from API 1.42 on; otherwise it is taken from GET /system/df (which computes it on
/// every version), and when even that cannot say, the whole Size counts. Layers shared only between
/// environment images count for none of them until all but one are gone, so the list is read again
/// after every removal.
/// </para>
/// <para>
/// Recency: Metadata.LastTagTime from image inspect, which the build's tag sets and
/// <see cref="DockerEnvironmentBuilder"/> refreshes (by re-tagging) whenever it reuses an image;
/// the creation time when the daemon recorded no tag time.
/// </para>
/// <para>
/// Never removed: images named in <c>keep</c> (by id, short id or tag) and images a container
/// uses (the daemon answers 409 to a removal without force; they are reported as
/// <see cref="ImagePruneOutcome.InUse"/>). An image another process removed meanwhile is skipped.
/// </para>
/// </summary>
public sealed class EnvironmentImageCache
{
    /// <summary>The label every environment image carries (its value is the spec hash).</summary>
    public const string LabelKey = "swelego.environment";

    private readonly DockerClient _client;
    private readonly string _labelFilter;
    private readonly Dictionary<string, DateTimeOffset> _lastUsed = new(StringComparer.Ordinal);

    /// <param name="client">The daemon's client; not disposed.</param>
    /// <param name="labelFilter">Which images the cache covers: "key" or "key=value".</param>
    public EnvironmentImageCache(DockerClient client, string labelFilter = LabelKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelFilter);
        _client = client;
        _labelFilter = labelFilter;
    }

    /// <summary>The covered images with their unique bytes, least recently used first.</summary>
    public async Task<IReadOnlyList<EnvironmentImage>> ListAsync(CancellationToken cancellationToken = default)
    {
        var images = await _client.Images.ListImagesAsync(
            new ImagesListParameters
            {
                SharedSize = true,
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [_labelFilter] = true } },
            },
            cancellationToken);
        IReadOnlyDictionary<string, ImageDiskUsage.Row>? usage = null;
        if (images.Any(image => image.SharedSize < 0 || image.Containers < 0))
        {
            // API 1.41 lists report neither; /system/df computes both on every version.
            usage = await ImageDiskUsage.ReadAsync(_client.Options.Endpoint, cancellationToken);
        }

        var list = new List<EnvironmentImage>(images.Count);
        foreach (var image in images)
        {
            var counted = usage?.GetValueOrDefault(image.ID);
            long? unique = image.SharedSize >= 0 ? Math.Max(0, image.Size - image.SharedSize) : counted?.UniqueSize;
            int containers = image.Containers >= 0 ? (int)image.Containers : counted?.Containers ?? -1;
            var lastUsed = await LastUsedAsync(image, cancellationToken);
            if (lastUsed is null)
            {
                continue; // removed since it was listed
            }

            var tags = (image.RepoTags ?? []).Where(tag => tag != "<none>:<none>").ToList();
            string specHash = image.Labels is { } imageLabels && imageLabels.TryGetValue(LabelKey, out string? hash) ? hash : "";
            list.Add(new EnvironmentImage(image.ID, tags, specHash, lastUsed.Value, image.Size, unique ?? image.Size, containers));
        }

        return [.. list.OrderBy(image => image.LastUsed).ThenBy(image => image.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// While the covered images' unique bytes exceed <paramref name="budgetBytes"/>, removes the least
    /// recently used one, sparing <paramref name="keep"/> (ids, short ids or tags) and images in use.
    /// A dry run removes nothing and reports what would go (images with containers, as GET /system/df
    /// counts them, as in use). Daemon failures other than 409 (in use)
    /// and 404 (already gone) throw the client's <see cref="DockerApiException"/>.
    /// </summary>
    public async Task<ImagePruneResult> PruneAsync(
        long budgetBytes, IReadOnlyCollection<string> keep, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        ArgumentNullException.ThrowIfNull(keep);
        var images = await ListAsync(cancellationToken);
        long before = images.Sum(image => image.Bytes);
        long total = before;
        var decided = new Dictionary<string, ImagePruneEntry>(StringComparer.Ordinal);
        foreach (var image in images.Where(image => IsKept(image, keep)))
        {
            decided[image.Id] = new ImagePruneEntry(image, ImagePruneOutcome.Protected);
        }

        var removed = new List<ImagePruneEntry>();
        while (total > budgetBytes && images.FirstOrDefault(image => !decided.ContainsKey(image.Id)) is { } candidate)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (dryRun && candidate.Containers > 0)
            {
                // The daemon would refuse (409); a dry run can only predict that from the container count.
                decided[candidate.Id] = new ImagePruneEntry(candidate, ImagePruneOutcome.InUse, $"used by {candidate.Containers} container(s)");
                continue;
            }

            if (dryRun)
            {
                decided[candidate.Id] = new ImagePruneEntry(candidate, ImagePruneOutcome.Removed);
                removed.Add(decided[candidate.Id]);
                total -= candidate.Bytes;
                continue;
            }

            try
            {
                await RemoveAsync(candidate, cancellationToken);
                decided[candidate.Id] = new ImagePruneEntry(candidate, ImagePruneOutcome.Removed);
                removed.Add(decided[candidate.Id]);
            }
            catch (DockerApiException e) when (DockerErrors.IsConflict(e))
            {
                decided[candidate.Id] = new ImagePruneEntry(candidate, ImagePruneOutcome.InUse, DockerErrors.DaemonMessage(e));
            }
            catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
            {
                // Another process removed it: it no longer counts, and the list below no longer has it.
            }

            // Shared sizes change as images go; count again.
            images = await ListAsync(cancellationToken);
            total = images.Sum(image => image.Bytes);
        }

        var entries = new List<ImagePruneEntry>(removed);
        foreach (var image in images)
        {
            if (!decided.TryGetValue(image.Id, out var entry))
            {
                entries.Add(new ImagePruneEntry(image, ImagePruneOutcome.Kept));
            }
            else if (entry.Outcome != ImagePruneOutcome.Removed)
            {
                entries.Add(entry with { Image = image });
            }
        }

        var ordered = entries.OrderBy(entry => entry.Image.LastUsed).ThenBy(entry => entry.Image.Id, StringComparer.Ordinal).ToList();
        return new ImagePruneResult(budgetBytes, dryRun, before, total, ordered);
    }

    private static bool IsKept(EnvironmentImage image, IReadOnlyCollection<string> keep) =>
        keep.Any(name =>
            string.Equals(name, image.Id, StringComparison.Ordinal)
            || string.Equals("sha256:" + name, image.Id, StringComparison.Ordinal)
            || (name.Length >= 12 && image.Id.StartsWith("sha256:" + name, StringComparison.Ordinal))
            || image.Tags.Contains(name, StringComparer.Ordinal));

    /// <summary>
    /// Removes the image by id (all its tags go with it), never by tag: a tag may have been moved to
    /// a newer image since the list was read. Without force, so the daemon refuses (409) while a
    /// container uses the image (or it is tagged in several repositories, or has child images).
    /// </summary>
    private async Task RemoveAsync(EnvironmentImage image, CancellationToken cancellationToken) =>
        await _client.Images.DeleteImageAsync(image.Id, new ImageDeleteParameters { Force = false }, cancellationToken);

    private async Task<DateTimeOffset?> LastUsedAsync(ImagesListResponse image, CancellationToken cancellationToken)
    {
        if (_lastUsed.TryGetValue(image.ID, out var known))
        {
            return known;
        }

        ImageInspectResponse info;
        try
        {
            info = await _client.Images.InspectImageAsync(image.ID, cancellationToken);
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e))
        {
            return null;
        }

        // The daemon reports "never tagged" as the zero time.
        var tagged = info.Metadata?.LastTagTime is { Year: > 1 } time ? time : (DateTime?)null;
        var created = info.Created is { Year: > 1 } made ? made : (DateTime?)null;
        var lastUsed = new DateTimeOffset(Utc(tagged ?? created ?? image.Created));
        _lastUsed[image.ID] = lastUsed;
        return lastUsed;
    }

    private static DateTime Utc(DateTime time) =>
        time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
