namespace SweLego.Models;

/// <summary>
/// What <see cref="ModelPreflight"/> learned: the served <paramref name="Model"/> id, its
/// <paramref name="ContextWindow"/> in tokens when the server reports one (vLLM's
/// <c>max_model_len</c>; null otherwise), and every id the server lists (empty when it has no
/// <c>/models</c> route).
/// </summary>
public sealed record ModelServerInfo(string Model, int? ContextWindow, IReadOnlyList<string> ServedModels);
