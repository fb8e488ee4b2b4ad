using System.Text.Json;
using SweLego.Runs;

namespace SweLego.Agent.Trajectories;

/// <summary>
/// Serializes one rollout's trajectory again and again as it grows, without serializing its messages and steps again: each
/// element's JSON is kept (keyed by the element object, so a replaced element is serialized anew) and the file is assembled
/// from the kept pieces. A 200-step trajectory is then one copy per save instead of a full serialization, which kept the
/// per-step save from dominating the agent's own cost. The bytes are those <see cref="JsonSerializer"/> writes with
/// <see cref="RunJson.Options"/>, property order included.
/// </summary>
public sealed class TrajectoryWriter
{
    private readonly List<(object Source, byte[] Json)> messages = [];
    private readonly List<(object Source, byte[] Json)> steps = [];

    public byte[] Serialize(Trajectory trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var header = JsonSerializer.SerializeToNode(trajectory with { Messages = [], Steps = [] }, RunJson.Options)!.AsObject();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = RunJson.Options.Encoder, SkipValidation = true }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in header)
            {
                writer.WritePropertyName(name);
                if (name == "messages") WriteArray(writer, trajectory.Messages, messages);
                else if (name == "steps") WriteArray(writer, trajectory.Steps, steps);
                else if (value is null) writer.WriteNullValue();
                else value.WriteTo(writer, RunJson.Options);
            }

            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, List<(object Source, byte[] Json)> cache)
        where T : class
    {
        writer.WriteStartArray();
        for (int i = 0; i < items.Count; i++)
        {
            if (i == cache.Count) cache.Add((items[i], JsonSerializer.SerializeToUtf8Bytes(items[i], RunJson.Options)));
            else if (!ReferenceEquals(cache[i].Source, items[i])) cache[i] = (items[i], JsonSerializer.SerializeToUtf8Bytes(items[i], RunJson.Options));
            writer.WriteRawValue(cache[i].Json, skipInputValidation: true);
        }

        if (cache.Count > items.Count) cache.RemoveRange(items.Count, cache.Count - items.Count);
        writer.WriteEndArray();
    }
}
