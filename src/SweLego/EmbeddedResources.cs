using System.Reflection;
using System.Text;

namespace SweLego;

/// <summary>Files embedded in this assembly (shell scripts, pytest plugins, prompt templates), by logical name.</summary>
internal static class EmbeddedResources
{
    public static byte[] ReadBytes(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing from {assembly.GetName().Name}.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public static string ReadText(string name) => Encoding.UTF8.GetString(ReadBytes(name));
}
