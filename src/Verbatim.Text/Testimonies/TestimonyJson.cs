using System.Text.Json;
using Verbatim.Text.Alignment;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Testimonies;

/// <summary>
/// A comparison of testimonies as JSON: <c>{"a":{"name"},"b":{"name"},"summary":{"shared":n,...},"items":[...]}</c>.
/// Each item has its relation, its similarity, each side's sentences (indices) and range
/// (<c>start</c>, <c>end</c>, <c>text</c>: characters of that witness's text), its word
/// differences and, where it disagrees, why.
/// </summary>
public static class TestimonyJson
{
    public static string Write(TestimonyComparison comparison, string nameA, string nameB)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            Witness(json, "a", nameA);
            Witness(json, "b", nameB);
            json.WriteStartObject("summary");
            foreach (var relation in Enum.GetValues<TestimonyRelation>())
                json.WriteNumber(Name(relation), comparison.Count(relation));
            json.WriteEndObject();
            json.WriteStartArray("items");
            foreach (var item in comparison.Items)
            {
                json.WriteStartObject();
                json.WriteString("relation", Name(item.Relation));
                json.WriteNumber("similarity", Math.Round(item.Similarity, 3));
                Side(json, "a", item.InA.Select(s => s.Index), item.RangeA, comparison.TextA);
                Side(json, "b", item.InB.Select(s => s.Index), item.RangeB, comparison.TextB);
                json.WriteStartArray("differences");
                foreach (var difference in item.Differences)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", Name(difference.Kind));
                    Place(json, "a", difference.Source, comparison.TextA);
                    Place(json, "b", difference.Quoting, comparison.TextB);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                if (item.Disagreement is { } disagreement)
                {
                    json.WriteStartObject("disagreement");
                    json.WriteString("rule", disagreement.Rule);
                    Place(json, "a", disagreement.InA, comparison.TextA);
                    Place(json, "b", disagreement.InB, comparison.TextB);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>"shared", "reworded", "disagreeing", "only-in-a", "only-in-b".</summary>
    public static string Name(TestimonyRelation relation) => relation switch
    {
        TestimonyRelation.OnlyInA => "only-in-a",
        TestimonyRelation.OnlyInB => "only-in-b",
        _ => relation.ToString().ToLowerInvariant(),
    };

    /// <summary>A word difference of paired testimonies: "reads-otherwise" where both have words, else "only-in-a" or "only-in-b".</summary>
    public static string Name(DifferenceKind kind) => kind switch
    {
        DifferenceKind.Insertion => "only-in-b",
        DifferenceKind.SilentOmission => "only-in-a",
        _ => "reads-otherwise",
    };

    private static void Witness(Utf8JsonWriter json, string side, string name)
    {
        json.WriteStartObject(side);
        json.WriteString("name", name);
        json.WriteEndObject();
    }

    private static void Side(Utf8JsonWriter json, string side, IEnumerable<int> sentences, TextRange range, string text)
    {
        json.WriteStartObject(side);
        json.WriteStartArray("sentences");
        foreach (var sentence in sentences)
            json.WriteNumberValue(sentence);
        json.WriteEndArray();
        Range(json, range, text);
        json.WriteEndObject();
    }

    private static void Place(Utf8JsonWriter json, string side, TextRange range, string text)
    {
        json.WriteStartObject(side);
        Range(json, range, text);
        json.WriteEndObject();
    }

    private static void Range(Utf8JsonWriter json, TextRange range, string text)
    {
        json.WriteNumber("start", range.Start);
        json.WriteNumber("end", range.End);
        json.WriteString("text", range.Of(text));
    }
}
