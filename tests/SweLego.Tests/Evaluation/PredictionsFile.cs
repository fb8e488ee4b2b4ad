using SweLego.Evaluation.Inputs;

namespace SweLego.Tests.Evaluation;

/// <summary>Prediction files and patches for evaluation tests.</summary>
internal static class PredictionsFile
{
    public const string Model = "test-model";

    /// <summary>Writes one JSONL prediction per (instance id, patch); returns the path.</summary>
    public static string Write(string path, params (string InstanceId, string Patch)[] predictions)
    {
        PredictionFiles.Write(path, predictions.Select(p => (p.InstanceId, (string?)null, p.Patch, Model)));
        return path;
    }

    /// <summary>A git patch creating <paramref name="file"/> with <paramref name="content"/> (which ends with a newline).</summary>
    public static string NewFilePatch(string file, string content)
    {
        var lines = content.TrimEnd('\n').Split('\n');
        return $"diff --git a/{file} b/{file}\nnew file mode 100644\n--- /dev/null\n+++ b/{file}\n@@ -0,0 +1,{lines.Length} @@\n"
            + string.Concat(lines.Select(l => "+" + l + "\n"));
    }
}
