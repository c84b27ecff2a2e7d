using System.Text.Json;
using Verbatim.Text.Testimonies;

namespace Verbatim.Text.Tests.Testimonies;

public sealed class TestimonyOutputTests
{
    private const string A = "Lenin trusted Stalin with the most intimate assignments. He was ill for months.";
    private const string B = "Lenin never trusted Stalin with the most intimate assignments. Trotsky came once.";

    [Fact]
    public void Json_gives_each_item_its_relation_sentences_and_characters_in_both_texts()
    {
        var comparison = TestimonyComparer.Compare(A, B);
        using var json = JsonDocument.Parse(TestimonyJson.Write(comparison, "first", "second"));
        var root = json.RootElement;
        Assert.Equal(("first", "second"), (root.GetProperty("a").GetProperty("name").GetString(), root.GetProperty("b").GetProperty("name").GetString()));
        Assert.Equal([0, 0, 1, 1, 1], new[] { "shared", "reworded", "only-in-a", "only-in-b", "disagreeing" }.Select(k => root.GetProperty("summary").GetProperty(k).GetInt32()));
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["disagreeing", "only-in-a", "only-in-b"], items.Select(i => i.GetProperty("relation").GetString()));
        var pair = items[0];
        Assert.Equal(A[..A.IndexOf(" He", StringComparison.Ordinal)], pair.GetProperty("a").GetProperty("text").GetString());
        Assert.Equal((0, 62), (pair.GetProperty("b").GetProperty("start").GetInt32(), pair.GetProperty("b").GetProperty("end").GetInt32()));
        var never = Assert.Single(pair.GetProperty("differences").EnumerateArray());
        Assert.Equal(("only-in-b", "", "never"), (never.GetProperty("kind").GetString(), never.GetProperty("a").GetProperty("text").GetString(), never.GetProperty("b").GetProperty("text").GetString()));
        Assert.Equal("negation", pair.GetProperty("disagreement").GetProperty("rule").GetString());
        // A one-sided item's other side is an empty place after the row before it.
        Assert.Equal(62, items[1].GetProperty("b").GetProperty("start").GetInt32());
        Assert.Equal(0, items[1].GetProperty("b").GetProperty("sentences").GetArrayLength());
    }

    [Fact]
    public void Text_reads_as_the_summary_then_each_row_with_its_places_and_differences()
    {
        var text = TestimonyText.Write(TestimonyComparer.Compare(A, B), "first", "second");
        Assert.StartsWith("A: first\nB: second\n0 shared, 0 reworded, 1 only in A, 1 only in B, 1 disagreeing\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("disagreeing (negation: A “”, B “never”)", text, StringComparison.Ordinal);
        Assert.Contains("  B 0–62: Lenin never trusted Stalin with the most intimate assignments.", text, StringComparison.Ordinal);
        Assert.Contains("    only-in-b: — | never", text, StringComparison.Ordinal);
        Assert.Contains("only in A" + Environment.NewLine + "  A 57–79: He was ill for months.", text, StringComparison.Ordinal);
    }
}
