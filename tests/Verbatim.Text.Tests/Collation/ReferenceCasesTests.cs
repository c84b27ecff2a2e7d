using System.Text.Json;
using Verbatim.Text.Collation;

namespace Verbatim.Text.Tests.Collation;

/// <summary>Every case of ../shared/collation/cases.json comes out exactly as the reference collation tool gives it, column for column.</summary>
public sealed class ReferenceCasesTests
{
    private static readonly JsonElement Cases = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Shared("collation", "cases.json"))).RootElement.GetProperty("cases");

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var c in Cases.EnumerateArray())
            names.Add(c.GetProperty("name").GetString()!);
        return names;
    }

    [Fact]
    public void The_file_holds_the_cases()
        => Assert.True(Cases.GetArrayLength() >= 9);

    [Theory]
    [MemberData(nameof(Names))]
    public void Case_comes_out_as_the_reference_gives_it(string name)
    {
        var c = Cases.EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var witnesses = c.GetProperty("witnesses").EnumerateObject().Select(w => Witness.FromText(w.Name, w.Value.GetString()!)).ToList();
        var collation = Collator.Collate(witnesses);

        var expected = c.GetProperty("table");
        for (var w = 0; w < witnesses.Count; w++)
        {
            var row = expected.GetProperty(witnesses[w].Name).EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.Equal(row, collation.Table[w].Select(t => t ?? ""));
        }
        if (c.TryGetProperty("segments", out var segments))
        {
            var actual = collation.Segments();
            for (var w = 0; w < witnesses.Count; w++)
                Assert.Equal(segments.GetProperty(witnesses[w].Name).EnumerateArray().Select(t => t.GetString()!), actual[w]);
        }
    }
}
