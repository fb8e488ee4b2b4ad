namespace SweLego.Tasks.Harness;

/// <summary>
/// The harness's final run report (make_run_report, `schema_version: 2`): counts and sorted id
/// lists per outcome. <see cref="Build"/> makes it from per-instance verdicts; <see cref="ToJson"/>
/// writes the harness's file with its keys, order and formatting for <see cref="Version"/>.
/// </summary>
/// <remarks>
/// The harness counts every prediction as submitted, also one whose id is not in the dataset, while
/// only dataset instances get a verdict. Ids are sorted ordinally (Python's sorted on str).
/// </remarks>
public sealed record RunReport(
    HarnessVersion Version,
    int TotalInstances,
    IReadOnlyList<string> SubmittedIds,
    IReadOnlyList<string> CompletedIds,
    IReadOnlyList<string> IncompleteIds,
    IReadOnlyList<string> EmptyPatchIds,
    IReadOnlyList<string> ResolvedIds,
    IReadOnlyList<string> UnresolvedIds,
    IReadOnlyList<string> ErrorIds,
    IReadOnlyList<string> InfraFailureIds,
    IReadOnlyList<string> AmbiguousFailureIds,
    IReadOnlyList<KeyValuePair<string, string>> FailureReasons,
    IReadOnlyList<string> UnstoppedContainers,
    IReadOnlyList<string> UnremovedImages)
{
    public const int SchemaVersion = 2;

    /// <param name="dataset">Every dataset instance in the run, with its verdict.</param>
    /// <param name="predictionIds">The ids of all predictions read (the harness's `submitted`).</param>
    /// <param name="unstoppedContainers">Containers of this run still present at the end (5.0.2 lists them).</param>
    /// <param name="unremovedImages">Instance images still present at the end (5.0.2 lists them).</param>
    /// <exception cref="ArgumentException">A verdict contradicts the predictions (Incomplete with a prediction, or another verdict without one), or an id repeats.</exception>
    public static RunReport Build(
        HarnessVersion version, IReadOnlyList<RunInstance> dataset, IEnumerable<string> predictionIds,
        IEnumerable<string>? unstoppedContainers = null, IEnumerable<string>? unremovedImages = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(predictionIds);
        var predicted = predictionIds.ToHashSet(StringComparer.Ordinal);
        var lists = Enum.GetValues<InstanceVerdict>().ToDictionary(v => v, _ => new List<string>());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var infra = new List<string>();
        var ambiguous = new List<string>();
        var reasons = new List<KeyValuePair<string, string>>();
        foreach (var instance in dataset)
        {
            if (!seen.Add(instance.InstanceId))
            {
                throw new ArgumentException($"instance '{instance.InstanceId}' appears twice in the dataset", nameof(dataset));
            }
            if ((instance.Verdict == InstanceVerdict.Incomplete) == predicted.Contains(instance.InstanceId))
            {
                throw new ArgumentException(
                    $"instance '{instance.InstanceId}': verdict {instance.Verdict} but it {(predicted.Contains(instance.InstanceId) ? "has" : "has no")} prediction "
                    + "(Incomplete means exactly: no prediction)", nameof(dataset));
            }
            lists[instance.Verdict].Add(instance.InstanceId);
            // 5.0.2 classifies only what is unresolved or an error; the lists it adds are advisory.
            if (instance is { Failure: { } failure, Verdict: InstanceVerdict.Unresolved or InstanceVerdict.Error })
            {
                (failure.Environment ? infra : ambiguous).Add(instance.InstanceId);
                reasons.Add(new(instance.InstanceId, failure.Reason));
            }
        }
        return new RunReport(
            version,
            dataset.Count,
            Sorted(predicted),
            Sorted(lists[InstanceVerdict.Resolved].Concat(lists[InstanceVerdict.Unresolved])),
            Sorted(lists[InstanceVerdict.Incomplete]),
            Sorted(lists[InstanceVerdict.EmptyPatch]),
            Sorted(lists[InstanceVerdict.Resolved]),
            Sorted(lists[InstanceVerdict.Unresolved]),
            Sorted(lists[InstanceVerdict.Error]),
            Sorted(infra),
            Sorted(ambiguous),
            [.. reasons.OrderBy(r => r.Key, StringComparer.Ordinal)],
            Sorted(unstoppedContainers ?? []),
            Sorted(unremovedImages ?? []));
    }

    /// <summary>
    /// The file the harness prints (`json.dumps(report, indent=4)` plus a newline). 4.0.4 writes
    /// the container keys only when it has no docker client, and its run_evaluation always has one,
    /// so they are left out; 5.0.2 writes them (and the infra-failure keys it introduced).
    /// </summary>
    public string ToJson()
    {
        var v5 = Version == HarnessVersion.V5_0_2;
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("total_instances", TotalInstances),
            new("submitted_instances", SubmittedIds.Count),
            new("completed_instances", CompletedIds.Count),
            new("resolved_instances", ResolvedIds.Count),
            new("unresolved_instances", UnresolvedIds.Count),
        };
        if (v5)
        {
            fields.Add(new("infra_failure_instances", InfraFailureIds.Count));
            fields.Add(new("ambiguous_failure_instances", AmbiguousFailureIds.Count));
        }
        fields.AddRange(
        [
            new("empty_patch_instances", EmptyPatchIds.Count),
            new("error_instances", ErrorIds.Count),
            new("completed_ids", CompletedIds),
            new("incomplete_ids", IncompleteIds),
            new("empty_patch_ids", EmptyPatchIds),
            new("submitted_ids", SubmittedIds),
            new("resolved_ids", ResolvedIds),
            new("unresolved_ids", UnresolvedIds),
        ]);
        if (v5)
        {
            fields.Add(new("infra_failure_ids", InfraFailureIds));
            fields.Add(new("ambiguous_failure_ids", AmbiguousFailureIds));
            fields.Add(new("failure_reasons", FailureReasons.Select(r => new KeyValuePair<string, object?>(r.Key, r.Value)).ToArray()));
        }
        fields.Add(new("error_ids", ErrorIds));
        fields.Add(new("schema_version", SchemaVersion));
        if (v5)
        {
            fields.Add(new("unstopped_instances", UnstoppedContainers.Count));
            fields.Add(new("unstopped_containers", UnstoppedContainers));
            fields.Add(new("unremoved_images", UnremovedImages));
        }
        return PythonJson.Dumps(fields) + "\n";
    }

    private static string[] Sorted(IEnumerable<string> ids)
    {
        var array = ids.ToArray();
        Array.Sort(array, StringComparer.Ordinal);
        return array;
    }
}
