using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;

namespace SweLego.Evaluation.Inputs;

/// <summary>
/// The rows of a Parquet file as JSON objects, one row group at a time (a dataset of many
/// gigabytes never sits in memory whole). Columns are read untyped, so the same reader serves
/// SWE-bench's string-encoded test lists, SWE-Gym's and SWE-smith's list columns and any extra
/// column; a row's values become what a JSON file would hold for them. A null list column reads
/// as an empty list: Parquet.Net's untyped rows do not tell the two apart.
/// </summary>
internal static class ParquetRows
{
    public static async IAsyncEnumerable<(InputOrigin Origin, JsonObject Row)> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        int rowGroups;
        try
        {
            await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancellationToken);
            rowGroups = reader.RowGroupCount;
        }
        catch (Exception exception) when (exception is ParquetException or IOException or InvalidDataException)
        {
            throw new InputFileException(path, $"not a readable Parquet file: {exception.Message}", exception);
        }

        long row = 0;
        for (int group = 0; group < rowGroups; group++)
        {
            stream.Position = 0;
            DeserializationResult<Dictionary<string, object>> result;
            try
            {
                result = await ParquetSerializer.DeserializeUntypedAsync(stream, rowGroupIndex: group, cancellationToken: cancellationToken);
            }
            catch (Exception exception) when (exception is ParquetException or IOException or InvalidDataException or NotSupportedException)
            {
                throw new InputFileException(path, $"row group {group} cannot be read: {exception.Message}", exception);
            }

            // Parquet.Net's untyped rows leave out a list that is empty (or null): the schema has it.
            var lists = result.Schema.Fields.OfType<ListField>().Select(f => f.Name).ToList();
            foreach (var values in result.Data)
            {
                var fields = ToObject(values);
                foreach (string list in lists.Where(name => !fields.ContainsKey(name))) fields[list] = new JsonArray();
                yield return (new InputOrigin(path, Row: row++), fields);
            }
        }
    }

    private static JsonObject ToObject(IEnumerable<KeyValuePair<string, object>> values)
    {
        var row = new JsonObject();
        foreach (var (name, value) in values) row[name] = ToNode(value);
        return row;
    }

    /// <summary>A column value as JSON: text stays text, lists become arrays, structs objects, times ISO 8601.</summary>
    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        ReadOnlyMemory<char> text => JsonValue.Create(text.ToString()),
        byte[] bytes => JsonValue.Create(Encoding.UTF8.GetString(bytes)),
        DateTime time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        DateTimeOffset time => JsonValue.Create(time.ToString("O", CultureInfo.InvariantCulture)),
        IDictionary<string, object> fields => ToObject(fields),
        IEnumerable items => new JsonArray(items.Cast<object?>().Select(ToNode).ToArray()),
        _ => JsonSerializer.SerializeToNode(value, value.GetType()),
    };
}
