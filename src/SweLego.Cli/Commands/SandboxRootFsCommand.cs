using System.CommandLine;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Sandboxes.Docker;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego sandbox rootfs</c>: prepare the bwrap sandbox's root file system and print where it is.</summary>
internal static class SandboxRootFsCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "A folder or tarball (.tar, .tar.gz) holding a Linux root file system with bash and python3.", HelpName = "PATH" };
        var image = new Option<string?>("--image") { Description = $"Unpack this Docker image's content (default when neither --from nor --debootstrap is given: {DockerBackendOptions.BaseImage}).", HelpName = "IMAGE" };
        var debootstrap = new Option<bool>("--debootstrap") { Description = $"Build Debian bookworm minbase with {RootFileSystems.Packages} by debootstrap: needs no Docker daemon, only debootstrap and a Debian mirror (1-2 minutes)." };
        var mirror = new Option<string?>("--mirror") { Description = "Debian mirror for --debootstrap (default: this machine's apt source).", HelpName = "URL" };
        var cache = new Option<string?>("--cache") { Description = $"Cache folder (default: {RootFileSystems.DefaultCache}).", HelpName = "DIR" };
        var dockerHost = CommonOptions.DockerHost();
        var command = new Command("rootfs",
            "Prepare the root file system the bwrap sandbox runs on (never the host's own /) and make it the default; prints its folder. " +
            "Sessions find it by themselves: $SWELEGO_ROOTFS, else the Docker base image's content, else the last one prepared here.\n\n" +
            "Examples:\n" +
            "  swelego sandbox rootfs                     # unpack the Docker base image once\n" +
            "  swelego sandbox rootfs --debootstrap       # no Docker: build it with debootstrap\n" +
            "  swelego sandbox rootfs --from rootfs.tar.gz");
        foreach (var option in (Option[])[from, image, debootstrap, mirror, cache, dockerHost]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string? path = parse.GetValue(from);
            string? imageName = parse.GetValue(image);
            bool build = parse.GetValue(debootstrap);
            if ((path is not null ? 1 : 0) + (imageName is not null ? 1 : 0) + (build ? 1 : 0) > 1)
                throw new UsageException("Choose one source: --from PATH, --image IMAGE or --debootstrap.");
            string cacheDir = Path.GetFullPath(parse.GetValue(cache) ?? RootFileSystems.DefaultCache);
            Console.Error.WriteLine("Preparing the sandbox root file system (the first time takes a while)...");
            string folder = path is not null ? await RootFileSystems.FromPathAsync(path, cacheDir, cancellationToken)
                : build ? await RootFileSystems.DebootstrapAsync(cacheDir, parse.GetValue(mirror), cancellationToken)
                : await RootFileSystems.TryFromImageAsync(imageName ?? DockerBackendOptions.BaseImage, cacheDir, parse.GetValue(dockerHost), cancellationToken)
                  ?? throw new SandboxException(
                      $"Docker image {imageName ?? DockerBackendOptions.BaseImage} is not reachable; build it with scripts/setup.sh, or use --debootstrap or --from PATH.");
            Console.Out.WriteLine(folder);
            return 0;
        });
        return command;
    }
}
