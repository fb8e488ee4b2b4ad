namespace SweLego.Tasks.Synthetic;

/// <summary>Kept instances by validation mode, and the full-suite audit's counts (earlier sessions included).</summary>
internal sealed class SyntheticModeCounts
{
    private readonly Dictionary<string, int> _byMode = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> ByMode => _byMode;

    public int Audited { get; private set; }

    public int Differed { get; private set; }

    /// <summary>Counts one kept instance; one recorded before modes existed counts as none.</summary>
    public void Add(SyntheticValidation? validation)
    {
        if (validation is null) return;
        _byMode[validation.Mode] = _byMode.GetValueOrDefault(validation.Mode) + 1;
        if (validation.Audit is not { Compared: true } audit) return;
        Audited++;
        if (audit.Differs) Differed++;
    }
}
