using System.Text.Json;

namespace Verbatim.Text.Collation.Output;

/// <summary>
/// The alignment table as JSON: <c>{"witnesses":[...],"table":{"A":[...]},"segments":{"A":[...]},"transpositions":[...]}</c>,
/// tokens as they stand, <c>""</c> for a gap.
/// </summary>
public static class CollationJson
{
    public static string Write(CollationResult collation)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("witnesses");
            foreach (var witness in collation.Witnesses)
                json.WriteStringValue(witness.Name);
            json.WriteEndArray();
            WriteRows(json, "table", collation, w => collation.Table[w].Select(t => t ?? ""));
            var segments = collation.Segments();
            WriteRows(json, "segments", collation, w => segments[w]);
            json.WriteStartArray("transpositions");
            foreach (var moved in collation.Transpositions())
            {
                json.WriteStartObject();
                json.WriteStartArray("witnesses");
                foreach (var name in moved.Witnesses)
                    json.WriteStringValue(name);
                json.WriteEndArray();
                json.WriteStartObject("columns");
                for (var k = 0; k < moved.Witnesses.Count; k++)
                {
                    json.WriteStartArray(moved.Witnesses[k]);
                    json.WriteNumberValue(moved.Columns[k].First);
                    json.WriteNumberValue(moved.Columns[k].Last);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
                json.WriteStartArray("tokens");
                foreach (var token in moved.Tokens)
                    json.WriteStringValue(token);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRows(Utf8JsonWriter json, string name, CollationResult collation, Func<int, IEnumerable<string>> row)
    {
        json.WriteStartObject(name);
        for (var w = 0; w < collation.Witnesses.Count; w++)
        {
            json.WriteStartArray(collation.Witnesses[w].Name);
            foreach (var cell in row(w))
                json.WriteStringValue(cell);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
