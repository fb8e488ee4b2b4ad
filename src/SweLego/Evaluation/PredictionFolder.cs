using System.Text;
using SweLego.Runs;

namespace SweLego.Evaluation;

/// <summary>
/// The files the SWE-bench harness writes for one prediction, under
/// <c>evaluation/logs/&lt;model&gt;/&lt;instance id&gt;[.&lt;rollout&gt;]/</c> (the harness's
/// <c>logs/run_evaluation/&lt;run&gt;/&lt;model&gt;/&lt;instance id&gt;/</c>).
/// </summary>
public sealed class PredictionFolder
{
    public const string Report = "report.json";
    public const string TestOutput = "test_output.txt";
    public const string Patch = "patch.diff";
    public const string EvalScript = "eval.sh";
    public const string InstanceLog = "run_instance.log";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public PredictionFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>The folder of one prediction in a stage folder: logs/&lt;model, '/' as "__"&gt;/&lt;instance id&gt;[.&lt;rollout&gt;].</summary>
    public static PredictionFolder For(string stageDirectory, string modelNameOrPath, string instanceId, string? rolloutId)
    {
        string name = rolloutId is null ? instanceId : $"{instanceId}.{rolloutId}";
        return new(System.IO.Path.Combine(stageDirectory, "logs", Sanitize(modelNameOrPath.Replace("/", "__", StringComparison.Ordinal)), Sanitize(name)));
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public bool HasReport => System.IO.File.Exists(File(Report));

    /// <summary>Removes what an earlier, unfinished attempt left, so the folder only ever holds one attempt's files.</summary>
    public void Clear()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        Directory.CreateDirectory(Path);
    }

    public void Write(string name, string text) => AtomicFile.WriteAllText(File(name), text);

    /// <summary>Appends a timestamped line to run_instance.log, as the harness's logger does.</summary>
    public void Log(string message)
    {
        Directory.CreateDirectory(Path);
        System.IO.File.AppendAllText(File(InstanceLog), $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss,fff} - INFO - {message}\n", Utf8);
    }

    /// <summary>Ids and model names become one folder name: anything but letters, digits, '.', '-' and '_' is replaced.</summary>
    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char c in name) builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        string text = builder.ToString();
        return text is "" or "." or ".." ? "_" + text : text;
    }
}
