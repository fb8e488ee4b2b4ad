using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace SweLego.Tokenization;

/// <summary>
/// Unicode NFC through the system's ICU (libicuuc), called directly: SweLego runs with
/// <c>InvariantGlobalization</c>, where .NET's <c>string.Normalize</c> leaves non-ASCII text unchanged, and the
/// tokenizer must compose exactly as Hugging Face's NFC normalizer does (e + U+0301 → é is a different token).
/// Text below U+0300 (ASCII, Latin-1, most code) is NFC already and never reaches ICU. Loaded on first use; a machine
/// without ICU gets one error saying what to install.
/// </summary>
internal static unsafe partial class IcuNfc
{
    private static readonly Lazy<Api> Loaded = new(Load);

    /// <summary>Whether <paramref name="text"/> may not be NFC (a character at or above U+0300 occurs).</summary>
    public static bool MayNeedWork(ReadOnlySpan<char> text) => text.IndexOfAnyExceptInRange('\0', '\u02FF') >= 0;

    /// <summary><paramref name="text"/> in NFC (the same string when it already is).</summary>
    public static string Normalize(string text)
    {
        var api = Loaded.Value;
        int error = 0;
        fixed (char* source = text)
        {
            int normalized = api.SpanQuickCheckYes(api.Nfc, source, text.Length, &error);
            Check(error, "unorm2_spanQuickCheckYes");
            if (normalized == text.Length) return text;
            int capacity = text.Length * 3 + 16; // NFC never grows text by more than 3×
            char[] buffer = new char[capacity];
            fixed (char* destination = buffer)
            {
                int length = api.Normalize(api.Nfc, source, text.Length, destination, capacity, &error);
                Check(error, "unorm2_normalize");
                return new string(buffer, 0, length);
            }
        }
    }

    private static void Check(int error, string function)
    {
        if (error > 0) throw new InvalidOperationException($"ICU {function} failed with UErrorCode {error}.");
    }

    private sealed class Api
    {
        public nint Nfc;
        public delegate* unmanaged<nint, char*, int, int*, int> SpanQuickCheckYes;
        public delegate* unmanaged<nint, char*, int, char*, int, int*, int> Normalize;
    }

    private static Api Load()
    {
        string[] folders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/usr/local/lib"];
        var library = folders.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "libicuuc.so.*"))
            .Select(path => (Path: path, Match: VersionedName().Match(Path.GetFileName(path))))
            .Where(l => l.Match.Success)
            .OrderByDescending(l => int.Parse(l.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        if (library.Path is null)
            throw new InvalidOperationException($"The tokenizer's NFC normalizer needs ICU (libicuuc.so.*), found in none of {string.Join(", ", folders)}: install it (Debian: apt-get install libicu72).");
        nint handle = NativeLibrary.Load(library.Path);
        string suffix = "_" + library.Match.Groups[1].Value;
        nint Export(string name) =>
            NativeLibrary.TryGetExport(handle, name + suffix, out nint address) || NativeLibrary.TryGetExport(handle, name, out address) ? address
                : throw new InvalidOperationException($"{library.Path} has no {name}{suffix}.");
        var getNfc = (delegate* unmanaged<int*, nint>)Export("unorm2_getNFCInstance");
        int error = 0;
        var api = new Api
        {
            Nfc = getNfc(&error),
            SpanQuickCheckYes = (delegate* unmanaged<nint, char*, int, int*, int>)Export("unorm2_spanQuickCheckYes"),
            Normalize = (delegate* unmanaged<nint, char*, int, char*, int, int*, int>)Export("unorm2_normalize"),
        };
        Check(error, "unorm2_getNFCInstance");
        return api;
    }

    [GeneratedRegex(@"^libicuuc\.so\.(\d+)$")]
    private static partial Regex VersionedName();
}
