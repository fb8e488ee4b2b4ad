using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Agent.Tools;

/// <summary>One bwrap session over a temp workspace, shared by a test class; each test works in its own folder.</summary>
public sealed class EditorSessionFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _workspace = new("swelego-editor-");

    public ISandboxSession Session { get; private set; } = null!;

    /// <summary>The host side of the workspace.</summary>
    public string HostWorkspace => _workspace.Path;

    public async Task InitializeAsync() => Session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _workspace.Path });

    public async Task DisposeAsync() => await Session.DisposeAsync();

    public void Dispose() => _workspace.Dispose();
}
