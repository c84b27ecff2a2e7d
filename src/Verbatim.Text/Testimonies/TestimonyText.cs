namespace Verbatim.Text.Testimonies;

/// <summary>
/// A comparison of testimonies as a person reads it in a terminal: the summary, then each row
/// with its relation, its characters in each witness and its sentences, then its word
/// differences and why it disagrees.
/// </summary>
public static class TestimonyText
{
    public static string Write(TestimonyComparison comparison, string nameA, string nameB)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var text = new System.Text.StringBuilder();
        text.Append("A: ").AppendLine(nameA).Append("B: ").AppendLine(nameB).AppendLine(comparison.Summary());
        foreach (var item in comparison.Items)
        {
            text.AppendLine().AppendLine(Label(item));
            if (item.InA.Count > 0)
                text.Append("  A ").Append(item.RangeA.Start).Append('–').Append(item.RangeA.End).Append(": ").AppendLine(OneLine(item.RangeA.Of(comparison.TextA)));
            if (item.InB.Count > 0)
                text.Append("  B ").Append(item.RangeB.Start).Append('–').Append(item.RangeB.End).Append(": ").AppendLine(OneLine(item.RangeB.Of(comparison.TextB)));
            if (item.Relation is TestimonyRelation.Shared or TestimonyRelation.OnlyInA or TestimonyRelation.OnlyInB)
                continue;
            foreach (var difference in item.Differences)
                text.Append("    ").Append(TestimonyJson.Name(difference.Kind)).Append(": ").Append(Reading(difference.SourceReading)).Append(" | ").AppendLine(Reading(difference.QuotingReading));
        }
        return text.ToString();
    }

    private static string Label(TestimonyItem item) => item.Relation switch
    {
        TestimonyRelation.Disagreeing when item.Disagreement is { } why =>
            $"disagreeing ({why.Rule}: A “{why.ReadingA}”, B “{why.ReadingB}”)",
        TestimonyRelation.OnlyInA => "only in A",
        TestimonyRelation.OnlyInB => "only in B",
        var relation => $"{TestimonyJson.Name(relation)} (alike {item.Similarity:0.00})",
    };

    private static string Reading(string reading) => reading.Length == 0 ? "—" : OneLine(reading);

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
