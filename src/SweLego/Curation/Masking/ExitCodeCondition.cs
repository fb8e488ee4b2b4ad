using System.Globalization;

namespace SweLego.Curation.Masking;

/// <summary>
/// The exit codes a rule accepts: any of <c>zero</c>, <c>nonzero</c> (a known code other than 0), <c>missing</c>
/// (no exit-code line: an imported observation, a command still running) and exact numbers.
/// </summary>
public sealed record ExitCodeCondition(bool Zero, bool Nonzero, bool Missing, IReadOnlyList<int> Codes)
{
    public const string ZeroWord = "zero";
    public const string NonzeroWord = "nonzero";
    public const string MissingWord = "missing";

    public bool Holds(int? exitCode) => exitCode switch
    {
        null => Missing,
        0 => Zero || Codes.Contains(0),
        int code => Nonzero || Codes.Contains(code),
    };

    /// <summary>The condition as its YAML list items, in a stable order.</summary>
    public IEnumerable<string> Items()
    {
        if (Zero) yield return ZeroWord;
        if (Nonzero) yield return NonzeroWord;
        if (Missing) yield return MissingWord;
        foreach (int code in Codes) yield return code.ToString(CultureInfo.InvariantCulture);
    }
}
