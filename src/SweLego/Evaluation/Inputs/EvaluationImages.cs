namespace SweLego.Evaluation.Inputs;

/// <summary>
/// The names an instance's evaluation image may have, per the SWE-bench harness: an instance image
/// is <c>sweb.eval.&lt;arch&gt;.&lt;instance id&gt;:&lt;tag&gt;</c>; published ones carry a namespace
/// (<c>swebench/</c> by default) and, because Docker Hub refuses "__" in names, every "__" becomes
/// "_1776_"; the name is lower-cased. (4.0.4 lower-cases only the instance id and 5.0.2 the whole
/// name; with the default namespace and tag both give the same names.) A local build keeps "__".
/// </summary>
public static class EvaluationImages
{
    public const string DefaultNamespace = "swebench";

    public const string DefaultTag = "latest";

    /// <summary>The harness names amd64 images x86_64.</summary>
    public const string DefaultArchitecture = "x86_64";

    /// <summary>
    /// The harness's image name for <paramref name="instanceId"/>: with a namespace, what
    /// <c>docker pull</c> fetches (<c>swebench/sweb.eval.x86_64.django_1776_django-11099:latest</c>);
    /// with null, what the harness's own build tags locally (<c>sweb.eval.x86_64.django__django-11099:latest</c>).
    /// </summary>
    public static string ConventionName(string instanceId, string? imageNamespace = DefaultNamespace, string tag = DefaultTag, string architecture = DefaultArchitecture)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        ArgumentException.ThrowIfNullOrEmpty(architecture);
        string key = $"sweb.eval.{architecture}.{instanceId}:{tag}";
        if (imageNamespace is not null) key = $"{imageNamespace}/{key}".Replace("__", "_1776_", StringComparison.Ordinal);
        return key.ToLowerInvariant();
    }

    /// <summary>
    /// The names to look for, best first: the image the instance names itself
    /// (<see cref="EvaluationInstance.ImageName"/>), the published convention name, then a local
    /// harness build's name. The caller takes the first that exists; when none does, the instance is
    /// an error naming them, never unresolved.
    /// </summary>
    public static IReadOnlyList<string> Candidates(EvaluationInstance instance, string imageNamespace = DefaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var names = new List<string>(3);
        if (instance.ImageName is { } own) names.Add(own);
        names.Add(ConventionName(instance.InstanceId, imageNamespace));
        names.Add(ConventionName(instance.InstanceId, imageNamespace: null));
        return names.Distinct(StringComparer.Ordinal).ToList();
    }
}
