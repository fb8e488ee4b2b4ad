namespace SweLego.Environments.Inference;

/// <summary>What a requirements file and its includes hold, in file order.</summary>
/// <param name="Requirements">Requirement specifiers (<c>requests&gt;=2; python_version&lt;"3.9"</c>), markers kept.</param>
/// <param name="Options">pip option lines (<c>-e .</c>, <c>--index-url …</c>).</param>
/// <param name="Files">Every file read, the named one first.</param>
public sealed record RequirementsContent(IReadOnlyList<string> Requirements, IReadOnlyList<string> Options, IReadOnlyList<string> Files);
