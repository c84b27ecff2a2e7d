using System.Text.Json;
using System.Xml.Linq;
using Verbatim.Text.Collation;
using Verbatim.Text.Collation.Output;

namespace Verbatim.Text.Tests.Collation;

public sealed class OutputTests
{
    private static readonly CollationResult BlackCat = Collator.Collate([
        Witness.FromText("A", "the black cat"),
        Witness.FromText("B", "the cat"),
        Witness.FromText("C", "the \"white\", cat <script>"),
    ]);

    [Fact]
    public void Json_has_the_contract_shape()
    {
        using var json = JsonDocument.Parse(CollationJson.Write(BlackCat));
        var root = json.RootElement;
        Assert.Equal(["A", "B", "C"], root.GetProperty("witnesses").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["the", "black", "cat", ""], root.GetProperty("table").GetProperty("A").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["the", "", "cat", ""], root.GetProperty("table").GetProperty("B").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["the", "\"white\",", "cat", "<script>"], root.GetProperty("table").GetProperty("C").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("segments").GetProperty("A").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("transpositions").ValueKind);
    }

    [Fact]
    public void Csv_is_a_row_per_witness_with_quoting()
    {
        var lines = CollationCsv.Write(BlackCat).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["A,the,black,cat,", "B,the,,cat,", "C,the,\"\"\"white\"\",\",cat,<script>"], lines);
    }

    [Fact]
    public void Html_encodes_every_token_and_marks_variants_and_gaps()
    {
        var html = CollationHtml.Table(BlackCat);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Equal(2, html.Split("<tr class=\"variant\">").Length - 1);
        Assert.Contains("<td class=\"gap\"></td>", html);
        Assert.StartsWith("<!DOCTYPE html>", CollationHtml.Document(BlackCat));
    }

    [Fact]
    public void Text_marks_the_columns_that_differ()
    {
        var text = CollationText.Write(BlackCat).Split('\n');
        Assert.Equal("A  the black    cat -", text[2]);
        Assert.Equal("B  the -        cat -", text[3]);
        Assert.Equal("       *" + new string(' ', 12) + "*", text[1].TrimEnd());
    }

    [Fact]
    public void Dot_has_a_vertex_per_reading_and_edges_labelled_by_witness()
    {
        var dot = VariantGraphDot.Write(BlackCat);
        Assert.StartsWith("digraph collation {", dot);
        Assert.Contains("[label=\"the\"]", dot);
        Assert.Contains("[label=\"\\\"white\\\",\"]", dot);
        Assert.Contains("[label=\"A, B, C\"]", dot);
    }

    [Fact]
    public void Tei_parallel_segmentation_gives_each_reading_its_witnesses()
    {
        XNamespace tei = "http://www.tei-c.org/ns/1.0";
        var document = TeiParallelSegmentation.Write(BlackCat, "The cat");
        var apps = document.Descendants(tei + "app").ToList();
        Assert.Equal(2, apps.Count);
        var first = apps[0].Elements(tei + "rdg").ToList();
        Assert.Equal(["#A", "#B", "#C"], first.Select(r => r.Attribute("wit")!.Value));
        Assert.Equal(["black", "", "\"white\","], first.Select(r => r.Value));
        Assert.Equal("parallel-segmentation", document.Descendants(tei + "variantEncoding").Single().Attribute("method")!.Value);
        Assert.Equal(["A", "B", "C"], document.Descendants(tei + "witness").Select(w => w.Attribute(XNamespace.Xml + "id")!.Value));
    }
}
