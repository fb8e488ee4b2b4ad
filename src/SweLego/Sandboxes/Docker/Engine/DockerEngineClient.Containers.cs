using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Sandboxes.Docker.Engine;

public sealed partial class DockerEngineClient
{
    /// <summary>Creates (does not start) a container and returns its id.</summary>
    public async Task<string> CreateContainerAsync(ContainerSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Image);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.NetworkMode);

        var path = spec.Name is null ? "/containers/create" : "/containers/create?name=" + Escape(spec.Name);
        using var response = await SendAsync(HttpMethod.Post, path, Json(ToCreateBody(spec)), cancellationToken);
        using var doc = await ReadJsonAsync(response, cancellationToken);
        return doc.RootElement.String("Id")
            ?? throw DockerEngineException.Protocol("POST /containers/create", "the daemon returned no container id");
    }

    public async Task StartContainerAsync(string containerId, CancellationToken cancellationToken = default)
    {
        // 304 means it was already running, which is what the caller wanted.
        using var response = await SendAsync(
            HttpMethod.Post, $"/containers/{Escape(containerId)}/start", null, cancellationToken, alsoSuccess: HttpStatusCode.NotModified);
    }

    /// <summary>SIGTERM, then SIGKILL after <paramref name="grace"/> (default 10 s). Already stopped is fine.</summary>
    public async Task StopContainerAsync(string containerId, TimeSpan? grace = null, CancellationToken cancellationToken = default)
    {
        var seconds = (int)Math.Ceiling((grace ?? TimeSpan.FromSeconds(10)).TotalSeconds);
        using var response = await SendAsync(
            HttpMethod.Post,
            $"/containers/{Escape(containerId)}/stop?t={seconds.ToString(CultureInfo.InvariantCulture)}",
            null,
            cancellationToken,
            alsoSuccess: HttpStatusCode.NotModified);
    }

    /// <summary>Sends a signal (default SIGKILL) to the container's init process; 409 if it is not running.</summary>
    public async Task KillContainerAsync(string containerId, string signal = "KILL", CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(
            HttpMethod.Post, $"/containers/{Escape(containerId)}/kill?signal={Escape(signal)}", null, cancellationToken);
    }

    /// <summary>
    /// Removes a container. <paramref name="removeVolumes"/> removes its anonymous volumes only;
    /// named volumes survive and need <see cref="RemoveVolumeAsync"/>.
    /// </summary>
    public async Task RemoveContainerAsync(
        string containerId, bool force = true, bool removeVolumes = true, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(
            HttpMethod.Delete,
            $"/containers/{Escape(containerId)}?force={Flag(force)}&v={Flag(removeVolumes)}",
            null,
            cancellationToken);
    }

    public async Task<ContainerInfo> InspectContainerAsync(string containerId, CancellationToken cancellationToken = default)
    {
        using var doc = await GetJsonAsync($"/containers/{Escape(containerId)}/json", cancellationToken);
        var root = doc.RootElement;
        var state = root.Child("State");
        var config = root.Child("Config");
        var host = root.Child("HostConfig");
        var mounts = new List<ContainerMount>();
        if (root.Child("Mounts").ValueKind == JsonValueKind.Array)
        {
            foreach (var mount in root.Child("Mounts").EnumerateArray())
            {
                mounts.Add(new ContainerMount(
                    mount.String("Type") ?? "",
                    mount.String("Name"),
                    mount.String("Source") ?? "",
                    mount.String("Destination") ?? "",
                    mount.Bool("RW")));
            }
        }

        return new ContainerInfo
        {
            Id = root.String("Id") ?? containerId,
            Name = (root.String("Name") ?? "").TrimStart('/'),
            Image = config.String("Image") ?? root.String("Image") ?? "",
            Labels = config.StringMap("Labels"),
            WorkingDir = config.String("WorkingDir"),
            Status = state.String("Status") ?? "",
            Running = state.Bool("Running"),
            ExitCode = (int)(state.Int64("ExitCode") ?? 0),
            OomKilled = state.Bool("OOMKilled"),
            Pid = (int)(state.Int64("Pid") ?? 0),
            Error = string.IsNullOrEmpty(state.String("Error")) ? null : state.String("Error"),
            NetworkMode = host.String("NetworkMode") ?? "",
            MemoryBytes = host.Int64("Memory") ?? 0,
            MemorySwapBytes = host.Int64("MemorySwap") ?? 0,
            PidsLimit = host.Int64("PidsLimit"),
            ReadonlyRootfs = host.Bool("ReadonlyRootfs"),
            SecurityOpt = host.StringList("SecurityOpt"),
            Mounts = mounts,
        };
    }

    /// <summary>
    /// All containers (running or not) carrying a label; <paramref name="labelFilter"/> is "key" or
    /// "key=value". Used to find sessions leaked by a crashed process.
    /// </summary>
    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(string labelFilter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(labelFilter);
        using var doc = await GetJsonAsync($"/containers/json?all=true&filters={LabelFilter(labelFilter)}", cancellationToken);
        var list = new List<ContainerSummary>();
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            list.Add(new ContainerSummary(
                item.String("Id") ?? "",
                item.StringList("Names").Select(name => name.TrimStart('/')).ToList(),
                item.String("Image") ?? "",
                item.String("State") ?? "",
                item.StringMap("Labels")));
        }

        return list;
    }

    /// <summary>Names of the volumes carrying a label ("key" or "key=value").</summary>
    public async Task<IReadOnlyList<string>> ListVolumesAsync(string labelFilter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(labelFilter);
        using var doc = await GetJsonAsync($"/volumes?filters={LabelFilter(labelFilter)}", cancellationToken);
        var names = new List<string>();
        var volumes = doc.RootElement.Child("Volumes");
        if (volumes.ValueKind == JsonValueKind.Array)
        {
            foreach (var volume in volumes.EnumerateArray())
            {
                names.Add(volume.String("Name") ?? "");
            }
        }

        return names;
    }

    /// <summary>Removes a named volume; 409 while a container (even a stopped one) still uses it.</summary>
    public async Task RemoveVolumeAsync(string name, bool force = false, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(
            HttpMethod.Delete, $"/volumes/{Escape(name)}?force={Flag(force)}", null, cancellationToken);
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string LabelFilter(string label) =>
        Escape(new JsonObject { ["label"] = new JsonArray(label) }.ToJsonString());

    private static JsonObject ToCreateBody(ContainerSpec spec)
    {
        var host = new JsonObject
        {
            ["NetworkMode"] = spec.NetworkMode,
            ["ReadonlyRootfs"] = spec.ReadonlyRootfs,
            ["AutoRemove"] = false,
            ["Init"] = spec.Init,
        };
        if (spec.MemoryBytes is { } memory)
        {
            host["Memory"] = memory;
            host["MemorySwap"] = memory;
        }

        if (spec.PidsLimit is { } pids)
        {
            host["PidsLimit"] = pids;
        }

        if (spec.NoNewPrivileges)
        {
            host["SecurityOpt"] = new JsonArray("no-new-privileges");
        }

        if (spec.Tmpfs is { Count: > 0 })
        {
            host["Tmpfs"] = DockerJson.ToObject(spec.Tmpfs);
        }

        var mounts = new JsonArray();
        // Mounts (unlike Binds) fail when the host directory is missing instead of creating it as root.
        foreach (var (hostDir, containerDir) in spec.Binds ?? new Dictionary<string, string>())
        {
            mounts.Add(new JsonObject { ["Type"] = "bind", ["Source"] = hostDir, ["Target"] = containerDir, ["ReadOnly"] = false });
        }

        foreach (var (hostDir, containerDir) in spec.ReadOnlyBinds ?? new Dictionary<string, string>())
        {
            mounts.Add(new JsonObject { ["Type"] = "bind", ["Source"] = hostDir, ["Target"] = containerDir, ["ReadOnly"] = true });
        }

        foreach (var (volume, containerPath) in spec.Volumes ?? new Dictionary<string, string>())
        {
            var volumeOptions = new JsonObject { ["NoCopy"] = false };
            if (spec.Labels is { Count: > 0 })
            {
                volumeOptions["Labels"] = DockerJson.ToObject(spec.Labels);
            }

            mounts.Add(new JsonObject
            {
                ["Type"] = "volume",
                ["Source"] = volume,
                ["Target"] = containerPath,
                ["ReadOnly"] = false,
                ["VolumeOptions"] = volumeOptions,
            });
        }

        if (mounts.Count > 0)
        {
            host["Mounts"] = mounts;
        }

        var body = new JsonObject
        {
            ["Image"] = spec.Image,
            ["AttachStdin"] = false,
            ["AttachStdout"] = false,
            ["AttachStderr"] = false,
            ["Tty"] = false,
            ["OpenStdin"] = false,
            ["HostConfig"] = host,
        };
        if (spec.Cmd is not null)
        {
            body["Cmd"] = DockerJson.ToArray(spec.Cmd);
        }

        if (spec.Entrypoint is not null)
        {
            body["Entrypoint"] = DockerJson.ToArray(spec.Entrypoint);
        }

        if (spec.Env is { Count: > 0 })
        {
            body["Env"] = DockerJson.ToEnvArray(spec.Env);
        }

        if (spec.WorkingDir is not null)
        {
            body["WorkingDir"] = spec.WorkingDir;
        }

        if (spec.User is not null)
        {
            body["User"] = spec.User;
        }

        if (spec.Labels is { Count: > 0 })
        {
            body["Labels"] = DockerJson.ToObject(spec.Labels);
        }

        return body;
    }
}
