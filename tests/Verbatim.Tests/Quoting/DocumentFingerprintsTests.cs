using Verbatim.Quoting;
using Verbatim.Searching;
using Verbatim.Text.Fingerprints;
using Verbatim.Text.Tokens;

namespace Verbatim.Tests.Quoting;

public sealed class DocumentFingerprintsTests
{
    private static readonly FingerprintScheme Scheme = FingerprintScheme.Default;

    private static readonly TokenisedText Chant = Tokeniser.Tokenise(
        "Dear comrade, " + string.Concat(Enumerable.Repeat("la la la ", 12)) + "and again the chorus of the Party, " + string.Concat(Enumerable.Repeat("la la la ", 12)) + "yours.");

    [Fact]
    public void Are_the_schemes_fingerprints_in_word_order_with_a_run_repeated_past_the_limit_kept_in_its_first_places()
    {
        var limit = 3;
        var all = Scheme.Fingerprints("chant", Chant).ToList();
        var chorus = all.GroupBy(f => f.Hash).Single(g => g.Count() > limit + 1);
        var expected = all.Where(f => f.Hash != chorus.Key || chorus.Take(limit + 1).Contains(f)).ToList();

        var fingerprints = new DocumentFingerprints("chant", Chant, Scheme, limit, toWrite: false);

        Assert.True(expected.Count < all.Count);
        Assert.Equal(expected, fingerprints);
        Assert.Equal(expected.Count, fingerprints.Count);
        Assert.Equal(expected[^1], fingerprints[fingerprints.Count - 1]);
    }

    [Fact]
    public void Are_read_in_order_of_hash_once_for_writing()
    {
        var fingerprints = new DocumentFingerprints("chant", Chant, Scheme, 3, toWrite: true);

        var inHashOrder = fingerprints.InHashOrder().ToList();

        Assert.Equal(fingerprints.OrderBy(f => f.Hash).ThenBy(f => f.FirstWord), inHashOrder.OrderBy(f => f.Hash).ThenBy(f => f.FirstWord));
        Assert.Equal(inHashOrder.Select(f => f.Hash).Order(), inHashOrder.Select(f => f.Hash));
        Assert.Throws<InvalidOperationException>(fingerprints.InHashOrder);
        Assert.Throws<InvalidOperationException>(new DocumentFingerprints("chant", Chant, Scheme, 3, toWrite: false).InHashOrder);
    }
}
