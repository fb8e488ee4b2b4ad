using System.Buffers;
using System.Text.Json;
using SweLego.Runs;

namespace SweLego.Curation.Export;

/// <summary>
/// Writes one exported record as one JSONL line, field by field (the formats differ only in the per-message flag:
/// LLaMA-Factory's <c>turn_mask</c>, OpenAI's <c>weight</c>), with the run folder's escaping (code stays readable).
/// </summary>
internal sealed class SftJsonLines(Stream output)
{
    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
    private readonly JsonWriterOptions options = new() { Encoder = RunJson.Options.Encoder };

    /// <summary><c>{"instance_id": …, "messages": [{"role", "content", "turn_mask" (assistant only)}]}</c>.</summary>
    public long WriteLlamaFactory(SftRecord record) => WriteLine(record, includeInstance: true, static (json, mask) => json.WriteBoolean("turn_mask", mask));

    /// <summary><c>{"messages": [{"role", "content", "weight": 0|1 (assistant only)}]}</c>: weight 0 = masked.</summary>
    public long WriteOpenAi(SftRecord record) => WriteLine(record, includeInstance: false, static (json, mask) => json.WriteNumber("weight", mask ? 0 : 1));

    private long WriteLine(SftRecord record, bool includeInstance, Action<Utf8JsonWriter, bool> flag)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            json.WriteStartObject();
            if (includeInstance) json.WriteString("instance_id", record.InstanceId);
            json.WriteStartArray("messages");
            foreach (var message in record.Messages)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role);
                json.WriteString("content", message.Content);
                // Only assistant turns carry a flag; LlamaFactoryRules has made sure each of them has one.
                if (message.Role == SftMessage.Assistant) flag(json, message.TurnMask!.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
        output.Write(buffer.WrittenSpan);
        return buffer.WrittenCount;
    }
}
