namespace SweLego.Python.Text;

/// <summary>Collects diagnostics by offset while tokenizing and parsing; positions are resolved once at the end.</summary>
internal sealed class DiagnosticBag
{
    // A pathological file must not produce an unbounded list.
    private const int Limit = 1000;

    private readonly List<(int Offset, string Message)> items = [];

    public int Count => items.Count;

    public void Add(int offset, string message)
    {
        if (items.Count < Limit)
        {
            items.Add((offset, message));
        }
    }

    public void Truncate(int count)
    {
        if (count < items.Count)
        {
            items.RemoveRange(count, items.Count - count);
        }
    }

    public bool HasErrorAt(int offset)
    {
        foreach (var item in items)
        {
            if (item.Offset == offset)
            {
                return true;
            }
        }

        return false;
    }

    public IReadOnlyList<PythonDiagnostic> ToDiagnostics(SourceText text)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var result = new PythonDiagnostic[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            var location = text.GetLocation(items[i].Offset);
            result[i] = new PythonDiagnostic(items[i].Offset, location.Line, location.Column, items[i].Message);
        }

        // Stable, so diagnostics at one offset keep the order they were found in.
        return [.. result.OrderBy(static d => d.Offset)];
    }
}
