using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SweLego.Sandboxes.Docker;
using Docker.DotNet.Models;

namespace SweLego.Sandboxes.Bwrap;

/// <summary>
/// The bwrap sandbox's own root file system — the same content the docker backend's base image
/// has, so both run the same interpreter and libraries — kept unpacked in a cache folder by
/// content id and shared read-only by every session. Sources, in order: a folder or tarball
/// the user names; the Docker base image (unpacked once per image id); the last one prepared
/// in the cache (<c>swelego sandbox rootfs</c>, which can also debootstrap one without a daemon).
/// </summary>
public static class RootFileSystems
{
    /// <summary>Environment variable naming a root file system folder or tarball.</summary>
    public const string EnvironmentVariable = "SWELEGO_ROOTFS";

    /// <summary>Debian packages of the base image (scripts/setup.sh builds the Docker base image with the same).</summary>
    public const string Packages = "python3,python3-pytest,python3-venv,python3-pip,python3-setuptools,git,procps,patch";

    private const string DefaultFile = "default";
    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Resolved = new();

    /// <summary><c>$XDG_CACHE_HOME/swelego/rootfs</c> or <c>~/.cache/swelego/rootfs</c>.</summary>
    public static string DefaultCache =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "swelego", "rootfs");

    /// <summary>The folder to use as / (resolved once per process and option set).</summary>
    public static Task<string> ResolveAsync(BwrapOptions options, CancellationToken cancellationToken = default)
    {
        string? named = options.RootFs ?? (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } e ? e : null);
        string key = $"{named}\n{options.RootFsCache}\n{options.DockerEndpoint}";
        var lazy = Resolved.GetOrAdd(key, _ => new Lazy<Task<string>>(() => ResolveOnceAsync(named, options, CancellationToken.None)));
        if (lazy.Value.IsFaulted || lazy.Value.IsCanceled) Resolved.TryRemove(key, out _);
        return lazy.Value.WaitAsync(cancellationToken);
    }

    private static async Task<string> ResolveOnceAsync(string? named, BwrapOptions options, CancellationToken cancellationToken)
    {
        if (named is not null) return await FromPathAsync(named, options.RootFsCache, cancellationToken);
        if (await TryFromImageAsync(DockerBackendOptions.BaseImage, options.RootFsCache, options.DockerEndpoint, cancellationToken) is { } fromImage)
            return fromImage;
        if (ReadDefault(options.RootFsCache) is { } last) return last;
        throw new SandboxException(
            $"No root file system for the bwrap sandbox: the Docker base image {DockerBackendOptions.BaseImage} is not reachable and {options.RootFsCache} holds none. " +
            "Prepare one with 'swelego sandbox rootfs --debootstrap' (needs debootstrap and a Debian mirror, no daemon) or scripts/setup.sh in a SweLego checkout (Docker), " +
            $"or name a folder or tarball with --rootfs / ${EnvironmentVariable}.");
    }

    /// <summary>A folder is used in place; a tarball is unpacked once into the cache under its SHA-256.</summary>
    public static async Task<string> FromPathAsync(string path, string cache, CancellationToken cancellationToken = default)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return Check(full, path);
        if (!File.Exists(full))
            throw new SandboxException($"Root file system '{path}' does not exist; name a folder or a tarball (.tar, .tar.gz) of a Linux root file system.");
        string id;
        await using (var stream = File.OpenRead(full)) id = "tar-" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken))[..24];
        return Check(await PrepareAsync(cache, id, dir => RunAsync("tar", ["-x", "-f", full, "-C", dir, "--numeric-owner"], null, cancellationToken), cancellationToken), path);
    }

    /// <summary>The image's content, unpacked once per image id; null when the daemon or the image is not there.</summary>
    public static async Task<string?> TryFromImageAsync(string image, string cache, string? endpoint, CancellationToken cancellationToken = default)
    {
        using var client = DockerEndpoint.CreateClient(endpoint);
        ImageInspectResponse info;
        try
        {
            using var quick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quick.CancelAfter(TimeSpan.FromSeconds(5));
            info = await client.Images.InspectImageAsync(image, quick.Token);
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e) || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        // scripts/setup.sh's ready check looks for this folder name (SetupScriptTests).
        string id = "image-" + info.ID.Replace("sha256:", "", StringComparison.Ordinal)[..24];
        return Check(await PrepareAsync(cache, id, async dir =>
        {
            string container = (await client.Containers.CreateContainerAsync(
                new CreateContainerParameters { Image = image, Cmd = ["/bin/true"], Entrypoint = [], HostConfig = new HostConfig { NetworkMode = "none" } },
                cancellationToken)).ID;
            try
            {
                await using var tar = (await client.Containers.GetArchiveFromContainerAsync(
                    container, new ContainerPathStatParameters { Path = "/" }, statOnly: false, cancellationToken)).Stream!;
                await RunAsync("tar", ["-x", "-f", "-", "-C", dir, "--numeric-owner"], tar, cancellationToken);
            }
            finally
            {
                await client.Containers.RemoveContainerAsync(container, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None);
            }
        }, cancellationToken), image);
    }

    /// <summary>
    /// Builds one with debootstrap (Debian bookworm minbase + <see cref="Packages"/>) from
    /// <paramref name="mirror"/> (default: the machine's apt source), without a daemon.
    /// </summary>
    public static Task<string> DebootstrapAsync(string cache, string? mirror, CancellationToken cancellationToken = default)
    {
        if (!File.Exists("/usr/sbin/debootstrap")) throw new SandboxException("debootstrap is not installed (apt-get install debootstrap).");
        mirror ??= AptMirror();
        string id = "debootstrap-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"bookworm {Packages}")))[..16];
        return PrepareAsync(cache, id, dir => RunAsync("/usr/sbin/debootstrap", ["--variant=minbase", $"--include={Packages}", "bookworm", dir, mirror], null, cancellationToken), cancellationToken);
    }

    // Unpacks into a private folder and renames it into place, so a crash or a concurrent
    // process never sees half a file system; records it as the cache's default.
    private static async Task<string> PrepareAsync(string cache, string id, Func<string, Task> fill, CancellationToken cancellationToken)
    {
        string target = Path.Combine(cache, id);
        if (!Directory.Exists(target))
        {
            Directory.CreateDirectory(cache);
            string partial = Path.Combine(cache, $".{id}.{Environment.ProcessId}.{Guid.NewGuid():N}");
            Directory.CreateDirectory(partial);
            try
            {
                await fill(partial);
                try { Directory.Move(partial, target); }
                catch (IOException) when (Directory.Exists(target)) { /* another process finished first */ }
            }
            finally
            {
                if (Directory.Exists(partial)) await RunAsync("rm", ["-rf", "--one-file-system", partial], null, CancellationToken.None);
            }
        }

        Runs.AtomicFile.WriteAllText(Path.Combine(cache, DefaultFile), id + "\n");
        return target;
    }

    private static string? ReadDefault(string cache)
    {
        string file = Path.Combine(cache, DefaultFile);
        if (!File.Exists(file)) return null;
        string dir = Path.Combine(cache, File.ReadAllText(file).Trim());
        return Directory.Exists(dir) ? dir : null;
    }

    private static string Check(string dir, string source)
    {
        foreach (string needed in (string[])["usr/bin/bash", "usr/bin/env", "etc/passwd"])
        {
            if (!File.Exists(Path.Combine(dir, needed)))
                throw new SandboxException($"Root file system '{source}' ({dir}) has no /{needed}; it must be a Linux root file system with bash (e.g. made by 'swelego sandbox rootfs --debootstrap').");
        }

        return dir;
    }

    private static string AptMirror()
    {
        foreach (string file in (string[])["/etc/apt/sources.list", .. Directory.Exists("/etc/apt/sources.list.d") ? Directory.GetFiles("/etc/apt/sources.list.d") : []])
        {
            if (!File.Exists(file)) continue;
            foreach (string line in File.ReadLines(file))
            {
                var match = System.Text.RegularExpressions.Regex.Match(line, @"^(?:URIs:|deb)\s+(https?://\S+debian/?)(?:\s|$)");
                if (match.Success && !line.Contains("security", StringComparison.Ordinal)) return match.Groups[1].Value;
            }
        }

        return "http://deb.debian.org/debian";
    }

    private static async Task RunAsync(string program, string[] arguments, Stream? input, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardInput = input is not null, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new SandboxException($"{program} did not start.");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        if (input is not null)
        {
            await input.CopyToAsync(process.StandardInput.BaseStream, cancellationToken);
            process.StandardInput.Close();
        }

        try { await process.WaitForExitAsync(cancellationToken); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            string[] lines = ((await stderr) + (await stdout)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string tail = string.Join(" | ", lines[Math.Max(0, lines.Length - 5)..]);
            throw new SandboxException($"Preparing the root file system: {program} exited with {process.ExitCode}: {tail}");
        }
    }
}
