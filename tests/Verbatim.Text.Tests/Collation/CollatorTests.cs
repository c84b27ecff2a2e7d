using Verbatim.Text.Collation;

namespace Verbatim.Text.Tests.Collation;

public sealed class CollatorTests
{
    private static IReadOnlyList<string> Row(CollationResult collation, int witness) => [.. collation.Table[witness].Select(t => t ?? "")];

    [Fact]
    public void A_phrase_is_kept_whole_rather_than_matched_in_pieces()
    {
        // "c" could join either "c" of A; the one that continues "a b c" is taken, though a gap
        // is otherwise put on the left.
        var collation = Collator.Collate([Witness.FromText("A", "a b c a x c"), Witness.FromText("B", "a b c")]);
        Assert.Equal(["a", "b", "c", "", "", ""], Row(collation, 1));
    }

    [Fact]
    public void Options_align_tokens_that_differ_only_as_allowed_and_the_table_keeps_each_as_it_stands()
    {
        Witness[] witnesses = [Witness.FromText("A", "Comrade Stalin: have a look"), Witness.FromText("B", "comrade stalin \u2014 have a look,")];
        var exact = Collator.Collate(witnesses);
        Assert.Equal(6, exact.ColumnCount);
        Assert.Equal(2, Enumerable.Range(0, exact.ColumnCount).Count(exact.Agrees));

        var folded = Collator.Collate(witnesses, new CollationOptions { IgnoreCase = true, IgnorePunctuation = true, FoldTypography = true });
        Assert.Equal(["Comrade", "Stalin:", "", "have", "a", "look"], Row(folded, 0));
        Assert.Equal(["comrade", "stalin", "\u2014", "have", "a", "look,"], Row(folded, 1));
        Assert.True(folded.Agrees(0));
        Assert.False(folded.Agrees(2));
    }

    [Fact]
    public void Transliteration_aligns_a_Cyrillic_witness_with_its_Latin_reading()
    {
        Witness[] witnesses = [Witness.FromText("ru", "товарищ Сталин"), Witness.FromText("en", "tovarishch Stalin")];
        Assert.Equal(0, Enumerable.Range(0, Collator.Collate(witnesses).ColumnCount).Count(Collator.Collate(witnesses).Agrees));
        var read = Collator.Collate(witnesses, new CollationOptions { IgnoreCase = true, Transliterate = true });
        Assert.Equal(2, read.ColumnCount);
        Assert.True(read.Agrees(0) && read.Agrees(1));
        Assert.Equal(["товарищ", "Сталин"], read.Table[0]);
    }

    [Fact]
    public void Every_witness_is_a_path_through_an_acyclic_graph()
    {
        var collation = Collator.Collate([
            Witness.FromText("A", "the quick brown fox jumps over the lazy dog"),
            Witness.FromText("B", "the brown quick fox leaps over the dog"),
            Witness.FromText("C", "a quick brown dog jumps over the lazy fox"),
        ]);
        var graph = collation.Graph;
        Assert.Equal(graph.Vertices.Count, graph.TopologicalOrder().Count);
        for (var w = 0; w < 3; w++)
        {
            var tokens = collation.Witnesses[w].Tokens;
            Assert.Equal(tokens, collation.Table[w].Where(t => t is not null));
            Assert.Equal(tokens.Count, graph.Edges().Count(e => e.Witnesses.Contains(w)) - 1);
        }
    }

    [Fact]
    public void Segments_merge_adjacent_columns_where_the_witnesses_group_alike()
    {
        var collation = Collator.Collate([Witness.FromText("A", "the black cat sat"), Witness.FromText("B", "the white dog sat")]);
        Assert.Equal(["the", "black cat", "sat"], collation.Segments()[0]);
        Assert.Equal(["the", "white dog", "sat"], collation.Segments()[1]);
    }

    [Fact]
    public void A_long_text_against_its_copy_with_changes_aligns_in_place()
    {
        // Words drawn as in prose: a few very common, most rare, so that anchors are plentiful.
        var random = new Random(7);
        var words = Enumerable.Range(0, 20_000).Select(_ => "w" + (random.Next(2) == 0 ? random.Next(50) : random.Next(100_000)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var changed = words.ToList();
        changed[500] = "CHANGED";
        changed.RemoveAt(12_000);
        changed.Insert(15_000, "ADDED");
        var collation = Collator.Collate([new Witness("A", words), new Witness("B", changed)]);
        Assert.Equal(20_001, collation.ColumnCount);
        Assert.Equal(20_001 - 3, Enumerable.Range(0, collation.ColumnCount).Count(collation.Agrees));
    }

    [Fact]
    public void A_moved_block_is_reported_as_a_transposition_and_kept_in_each_witness_order()
    {
        var collation = Collator.Collate([
            Witness.FromText("A", "I send you my comradely greetings and ask you to reply at once"),
            Witness.FromText("B", "I ask you to reply at once and send you my comradely greetings"),
        ]);
        var moved = Assert.Single(collation.Transpositions());
        Assert.Equal(["A", "B"], moved.Witnesses);
        // Which block stays aligned and which moves is the aligner's choice; the moved one is long.
        Assert.True(moved.Tokens.Count >= 5, string.Join(' ', moved.Tokens));
        Assert.Equal(collation.Witnesses[0].Tokens, collation.Table[0].Where(t => t is not null));
        Assert.Equal(collation.Witnesses[1].Tokens, collation.Table[1].Where(t => t is not null));
        Assert.Empty(Collator.Collate([Witness.FromText("A", "a b c d"), Witness.FromText("B", "a b c d")]).Transpositions());
    }
}
