namespace SweLego.Curation;

/// <summary>A trajectory that cannot become a training record; the message says why (the caller names the trajectory).</summary>
public sealed class CurationException(string message) : Exception(message);
