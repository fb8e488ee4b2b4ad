using System.Text.Json.Nodes;
using SweLego.Agent.Tools;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Tests.Sandboxes.Docker;

namespace SweLego.Tests.Agent.Tools;

/// <summary>
/// The editor on a real docker session: the workspace through the archive API, and the container's
/// <c>/tmp</c> (a tmpfs the archive API does not see) through the shell.
/// </summary>
[Collection(DockerTestGroup.Name)]
public sealed class StrReplaceEditorDockerTests
{
    [Fact]
    public async Task CreateViewReplace_InTmpAndInTheWorkspace()
    {
        await using var session = await new DockerBackend().StartAsync(new SandboxSpec { Image = DockerBackendOptions.BaseImage, Workdir = "/workspace" });
        var editor = new StrReplaceEditorTool(session);

        foreach (string path in new[] { "/tmp/reproduce.py", "/workspace/fix.py" })
        {
            Assert.Equal($"File created successfully at: {path}", await Run(editor, "create", path, ("file_text", "a = 1\r\nb = 2\r\n")));
            Assert.Equal($"Here's the result of running `cat -n` on {path}:\n     1\ta = 1\n     2\tb = 2\n     3\t\n", await Run(editor, "view", path));
            Assert.Equal(
                $"The file {path} has been edited. Here's the result of running `cat -n` on a snippet of {path}:\n     1\ta = 1\n     2\tb = 3\n     3\t\n" +
                "Review the changes and make sure they are as expected. Edit the file again if necessary.",
                await Run(editor, "str_replace", path, ("old_str", "b = 2"), ("new_str", "b = 3")));

            var bytes = await session.ExecAsync($"base64 -w0 {path}");
            Assert.Equal("a = 1\r\nb = 3\r\n"u8.ToArray(), Convert.FromBase64String(bytes.Output));
        }

        Assert.Contains("/tmp/reproduce.py", await Run(editor, "view", "/tmp"), StringComparison.Ordinal);
    }

    private static async Task<string> Run(StrReplaceEditorTool editor, string command, string path, params (string Name, JsonNode? Value)[] extra)
    {
        var arguments = new JsonObject { ["command"] = command, ["path"] = path };
        foreach (var (name, value) in extra) arguments[name] = value;
        return (await editor.RunAsync(arguments, CancellationToken.None)).Text;
    }
}
