using SweLego.Sandboxes.Docker;

namespace SweLego.Evaluation;

/// <summary>Makes the stage's workers (each with its own scratch folder under <c>evaluation/work</c>) and removes the scratch folders at the end.</summary>
internal sealed class EvaluationWorkers(string directory, DockerBackendOptions docker) : IAsyncDisposable
{
    public EvaluationWorker Create(int slot) => new(Path.Combine(directory, $"slot-{slot + 1}"), docker);

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
