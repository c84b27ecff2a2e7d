using Verbatim.Text.Fingerprints;
using Verbatim.Text.Reuse;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Tests.Reuse;

public class ReuseDetectorIngestTests
{
    private const string Letter = ReuseDetectorTests.Letter;
    private const string Polemic = ReuseDetectorTests.Polemic;

    [Fact]
    public void A_document_added_to_an_archive_index_finds_what_it_shares_with_the_documents_there()
    {
        var archive = new Dictionary<string, ReuseDocument> { ["letter"] = new("letter", Letter) };
        var index = new FingerprintIndex();
        var detector = new ReuseDetector();
        Assert.Empty(detector.DetectFor(archive["letter"], index, id => archive[id]));

        var passage = Assert.Single(detector.DetectFor(new ReuseDocument("polemic", Polemic), index, id => archive[id]));

        Assert.Equal(("letter", "polemic", ReuseDirection.Undetermined), (passage.SourceId, passage.TargetId, passage.Direction));
        Assert.Equal(passage.Source, Assert.Single(detector.Detect([archive["letter"], new ReuseDocument("polemic", Polemic)])).Source);
        Assert.Equal(["letter", "polemic"], index.Documents.Order());
    }

    [Fact]
    public void Fingerprints_kept_from_an_earlier_session_serve_a_later_ingest()
    {
        var first = new FingerprintIndex();
        var stored = first.Add("letter", Tokeniser.Tokenise(Letter));
        var reloaded = new FingerprintIndex();
        reloaded.Add(stored);

        var passages = new ReuseDetector().DetectFor(new ReuseDocument("polemic", Polemic, new DateOnly(1930, 1, 1)), reloaded,
            _ => new ReuseDocument("letter", Letter, new DateOnly(1922, 12, 13)));

        Assert.Equal(ReuseDirection.ByDate, Assert.Single(passages).Direction);
    }

    [Fact]
    public void An_index_made_under_another_scheme_is_refused()
    {
        var index = new FingerprintIndex(new FingerprintScheme(6));

        Assert.Throws<ArgumentException>(() => new ReuseDetector().DetectFor(new ReuseDocument("a", Letter), index, _ => throw new InvalidOperationException()));
    }
}
