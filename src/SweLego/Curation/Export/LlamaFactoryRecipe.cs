namespace SweLego.Curation.Export;

/// <summary>
/// A released SWE-Lego full-SFT recipe (LLaMA-Factory-0.9.4.dev0/examples/train_full/swe_lego_qwen3_{8b,32b}.yaml):
/// the two differ only in the base model and the learning rate; everything else is in <see cref="LlamaFactoryConfigs"/>.
/// </summary>
public sealed record LlamaFactoryRecipe(string Id, string BaseModel, double LearningRate)
{
    public static LlamaFactoryRecipe Qwen3_8B { get; } = new("8b", "Qwen/Qwen3-8B", 1.0e-4);

    public static LlamaFactoryRecipe Qwen3_32B { get; } = new("32b", "Qwen/Qwen3-32B", 5.0e-5);

    public static IReadOnlyList<LlamaFactoryRecipe> All { get; } = [Qwen3_8B, Qwen3_32B];

    /// <summary>The recipe with id <paramref name="id"/> (<c>8b</c>, <c>32b</c>), or an <see cref="ArgumentException"/> listing them.</summary>
    public static LlamaFactoryRecipe Parse(string id) =>
        All.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown recipe '{id}'; use one of {string.Join(", ", All.Select(r => r.Id))}.");
}
