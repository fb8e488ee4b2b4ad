namespace SweLego.Python.Checking;

/// <summary>
/// Totals of a check. <see cref="Parsed"/> + <see cref="SyntaxErrors"/> + <see cref="ReadErrors"/>
/// = <see cref="Files"/>; a round-trip mismatch (tree text differs from the file) is a parser bug.
/// </summary>
public sealed record PythonCheckSummary(
    int Files,
    int Parsed,
    int SyntaxErrors,
    int ReadErrors,
    int RoundTripMismatches,
    int Functions,
    int Classes,
    long Bytes,
    double ElapsedSeconds);
