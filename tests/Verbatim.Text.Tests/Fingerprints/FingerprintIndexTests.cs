using Verbatim.Text.Fingerprints;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Tests.Fingerprints;

public class FingerprintIndexTests
{
    private static TokenisedText Words(string text) => Tokeniser.Tokenise(text);

    [Fact]
    public void One_fingerprint_per_full_run_of_five_words()
    {
        var fingerprints = FingerprintScheme.Default.Fingerprints("d", Words("one two three four five six seven")).ToList();

        Assert.Equal([0, 1, 2], fingerprints.Select(f => f.FirstWord));
        Assert.Empty(FingerprintScheme.Default.Fingerprints("d", Words("one two three four")));
    }

    [Fact]
    public void Hashes_are_stable_and_see_through_typography_case_and_script()
    {
        var scheme = FingerprintScheme.Default;
        var plain = scheme.Hash(Words("the work of lenin the"), 0);

        Assert.Equal(plain, scheme.Hash(Words("The work of Lenin, the"), 0));
        Assert.Equal(plain, scheme.Hash(Words("the work of Ленин the"), 0));
        Assert.NotEqual(plain, scheme.Hash(Words("the work of stalin the"), 0));
        // Pinned: stored fingerprints stay valid only while this holds; a change must come with a new
        // Version. The value is what Debian's python3-xxhash gives for the same bytes (xxh3_64 of the
        // five words' xxh3_64 of UTF-16LE, each packed as '<Q').
        Assert.Equal(10000437506427931650UL, plain);
        Assert.Equal("xxh3-keyhashes-words5-norm-all-v2", scheme.Version);
    }

    [Fact]
    public void Hashes_of_a_whole_text_equal_the_hash_of_each_run()
    {
        var text = Tokeniser.Tokenise("Письмо к съезду: “I am convinced” that the ﬁrst question of the monopoly, 1,000 words … and more.");
        var scheme = FingerprintScheme.Default;

        Assert.Equal(Enumerable.Range(0, text.Count - 4).Select(k => scheme.Hash(text, k)), scheme.Hashes(text));
        Assert.Empty(scheme.Hashes(Words("Письмо к съезду: “I")));
    }

    [Fact]
    public void Hits_of_a_text_longer_than_one_lookup_pair_its_first_words_with_its_last()
    {
        var words = Enumerable.Range(0, 200_000).Select(k => "w" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        words.AddRange(words.Take(6));
        var index = new FingerprintIndex();
        index.Add("long", Words(string.Join(' ', words)));

        var hits = index.Hits("long").ToList();

        Assert.Equal([(0, 200_000), (1, 200_001)], hits.Select(h => (h.WordA, h.WordB)));
    }

    [Fact]
    public void Hits_pair_equal_runs_across_documents_and_within_one_but_never_a_run_with_itself()
    {
        var index = new FingerprintIndex();
        index.Add("a", Words("alpha beta gamma delta epsilon zeta and then alpha beta gamma delta epsilon"));
        index.Add("b", Words("here alpha beta gamma delta epsilon zeta"));

        var hits = index.Hits("a").ToList();

        Assert.Contains(new FingerprintHit(hits[0].Hash, "a", 0, "a", 8), hits);
        Assert.Contains(hits, h => h is { DocumentB: "b", WordA: 0, WordB: 1 });
        Assert.Contains(hits, h => h is { DocumentB: "b", WordA: 1, WordB: 2 });
        Assert.Contains(hits, h => h is { DocumentB: "b", WordA: 8, WordB: 1 });
        Assert.DoesNotContain(hits, h => h.DocumentB == "a" && h.WordB <= h.WordA);
        Assert.Equal(4, hits.Count);
    }

    [Fact]
    public void Adding_a_document_again_replaces_it_and_removing_it_forgets_it()
    {
        var index = new FingerprintIndex();
        index.Add("a", Words("one two three four five six"));
        index.Add("b", Words("one two three four five six"));
        index.Add("a", Words("seven eight nine ten eleven"));

        Assert.Single(index.Of("a"));
        Assert.Empty(index.Hits("b"));
        Assert.True(index.Remove("a"));
        Assert.False(index.Remove("a"));
        Assert.Equal(2, index.Count);
        Assert.Equal(["b"], index.Documents);
    }

    [Fact]
    public void Stored_fingerprints_loaded_into_a_new_index_give_the_same_hits()
    {
        var first = new FingerprintIndex();
        var stored = first.Add("a", Words("a shared run of words here")).Concat(first.Add("b", Words("so a shared run of words"))).ToList();

        var second = new FingerprintIndex();
        second.Add(stored);

        Assert.Equal(first.Hits("a"), second.Hits("a"));
        Assert.Single(second.Hits("a"));
    }

    [Fact]
    public void Runs_more_common_than_the_limit_are_not_paired()
    {
        var index = new FingerprintIndex();
        for (var i = 0; i < 4; i++)
            index.Add($"d{i}", Words("collected works volume forty five"));

        Assert.Equal(3, index.Hits("d0").Count());
        Assert.Empty(index.Hits("d0", maximumOccurrences: 3));
    }

    [Fact]
    public void Candidate_documents_are_ranked_by_how_many_word_runs_they_share()
    {
        var index = new FingerprintIndex();
        index.Add("quoting", Words("one two three four five six seven eight and then nine ten eleven twelve thirteen"));
        index.Add("much", Words("one two three four five six seven eight"));
        index.Add("little", Words("nine ten eleven twelve thirteen"));
        index.Add("none", Words("fourteen fifteen sixteen seventeen eighteen"));

        Assert.Equal([("much", 4), ("little", 1)], index.CandidateDocuments("quoting"));
        Assert.Empty(index.CandidateDocuments("none"));
    }
}
