using Verbatim.Quoting;

namespace Verbatim.Tests.Quoting;

public sealed class QuoteDirectionTests(SeedArchive seeds) : IClassFixture<SeedArchive>
{
    private const string Statement1926 = "ulyanova-1926-07-26-to-ccc";
    private const string UndatedStatement = "ulyanova-m-i-ulyanova-on-vladimir-ilyich-lenins";
    private const string UndatedEssay = "singh-on-the-relations-between-lenin-and";

    private QuoteLinkSides SidesOf(string id) => QuoteLinkSides.Of(id, seeds.Archive.QuoteLinks(id));

    [Fact]
    public void A_statement_of_1926_shares_passages_with_an_undated_modern_essay_and_neither_quotes_the_other()
    {
        var statement = SidesOf(Statement1926);
        var essay = SidesOf(UndatedEssay);

        Assert.DoesNotContain(statement.Quotes.Concat(statement.QuotedIn), l => l.SourceId == UndatedEssay || l.TargetId == UndatedEssay);
        Assert.DoesNotContain(essay.Quotes.Concat(essay.QuotedIn), l => l.SourceId == Statement1926 || l.TargetId == Statement1926);
        // The real shared passage is still found, as shared: "there had been a rupture between Lenin and Stalin ...".
        var shared = Assert.Single(statement.SharedWith, l => l.MatchedWords >= 15 && (l.SourceId == UndatedEssay || l.TargetId == UndatedEssay));
        Assert.Equal("undetermined", shared.Direction);
        Assert.Contains(essay.SharedWith, l => l == shared);
    }

    [Fact]
    public void A_statement_known_only_by_its_printing_of_1989_is_not_directed_against_one_written_in_1926()
    {
        var links = seeds.Archive.QuoteLinks(UndatedStatement).Where(l => l.SourceId != l.TargetId).ToList();

        Assert.All(links, l => Assert.Equal("undetermined", l.Direction));
        Assert.DoesNotContain(SidesOf(UndatedStatement).Quotes, l => l.SourceId != l.TargetId);
    }

    [Fact]
    public void Shelfmark_and_citation_lines_of_compilation_items_are_no_passage()
    {
        // Both Ulyanova statements close with "(Ts PA IML, F. .., Op. .., D. ..; ...)" and
        // "Courtesy: 'Izvestia Ts.K. KPSS', 1989, No. 12, p. 196": the same print, not a quotation.
        var ids = seeds.Archive.Store.Ids().ToList();
        foreach (var link in ids.SelectMany(seeds.Archive.QuoteLinks).Distinct())
        {
            var source = seeds.Archive.Show(link.SourceId)!.BodyText.Substring(link.SourceStart, link.SourceLength);
            var target = seeds.Archive.Show(link.TargetId)!.BodyText.Substring(link.TargetStart, link.TargetLength);
            Assert.DoesNotContain("Courtesy", source + target, StringComparison.Ordinal);
            Assert.DoesNotContain("Op.", source + target, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(seeds.Archive.QuoteLinks(Statement1926), l => l.SourceId == UndatedStatement || l.TargetId == UndatedStatement);
    }
}
