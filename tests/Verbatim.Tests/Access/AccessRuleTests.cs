using Verbatim.Access;

namespace Verbatim.Tests.Access;

public sealed class AccessRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static Viewer Researcher(params string[] groups) => new("ada", Role.Researcher, groups.ToHashSet(StringComparer.Ordinal));

    [Theory]
    [InlineData("open", "open")]
    [InlineData("restricted:family,party", "restricted:family,party")]
    [InlineData("restricted: party , family,party", "restricted:family,party")]
    [InlineData("embargoed:2030-01-01", "embargoed:2030-01-01")]
    [InlineData("withdrawn:a forgery, see the 1995 report", "withdrawn:a forgery, see the 1995 report")]
    [InlineData("Restricted:party", "restricted:party")]
    public void An_access_reads_back_as_it_is_written(string text, string written)
    {
        var (access, error) = DocumentAccess.Parse(text);
        Assert.Null(error);
        Assert.Equal(written, access!.ToString());
        Assert.Equal(access, DocumentAccess.Parse(written).Access);
    }

    [Theory]
    [InlineData("restricted", "groups")]
    [InlineData("restricted:", "groups")]
    [InlineData("restricted:a b", "not a group name")]
    [InlineData("embargoed:2030", "YYYY-MM-DD")]
    [InlineData("embargoed:2030-02-30", "YYYY-MM-DD")]
    [InlineData("withdrawn", "reason")]
    [InlineData("closed", "not an access")]
    [InlineData("open:now", "not an access")]
    public void A_malformed_access_is_refused_with_what_is_expected(string text, string expected)
    {
        var (access, error) = DocumentAccess.Parse(text);
        Assert.Null(access);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_sees_open_documents_and_embargoes_from_their_day_on()
    {
        var embargo = DocumentAccess.EmbargoedUntil(Today);
        Assert.True(Viewer.Public.MaySee(DocumentAccess.Open, Today));
        Assert.False(Viewer.Public.MaySee(embargo, Today.AddDays(-1)));
        Assert.True(Viewer.Public.MaySee(embargo, Today));
        Assert.False(Viewer.Public.MaySee(DocumentAccess.RestrictedTo(["party"]), Today));
        Assert.False(Viewer.Public.MaySee(DocumentAccess.WithdrawnBecause("forged"), Today));
    }

    [Fact]
    public void A_researcher_sees_what_one_of_their_groups_is_granted_and_nothing_withdrawn()
    {
        var restricted = DocumentAccess.RestrictedTo(["party", "family"]);
        Assert.True(Researcher("family").MaySee(restricted, Today));
        Assert.False(Researcher("press").MaySee(restricted, Today));
        Assert.False(Researcher().MaySee(restricted, Today));
        Assert.False(Researcher("party").MaySee(DocumentAccess.EmbargoedUntil(Today.AddDays(1)), Today));
        Assert.False(Researcher("party").MaySee(DocumentAccess.WithdrawnBecause("forged"), Today));
    }

    [Fact]
    public void A_reader_holding_a_group_name_but_not_signed_in_sees_no_restricted_document()
    {
        var anonymousWithGroup = new Viewer(null, Role.Reader, new HashSet<string>(["party"], StringComparer.Ordinal));
        Assert.False(anonymousWithGroup.MaySee(DocumentAccess.RestrictedTo(["party"]), Today));
    }

    [Theory]
    [InlineData(Role.Editor)]
    [InlineData(Role.Admin)]
    public void Editors_and_admins_see_every_document(Role role)
    {
        var viewer = new Viewer("ed", role, new HashSet<string>(StringComparer.Ordinal));
        Assert.True(viewer.MaySee(DocumentAccess.WithdrawnBecause("forged"), Today));
        Assert.True(viewer.MaySee(DocumentAccess.EmbargoedUntil(Today.AddYears(50)), Today));
        Assert.True(viewer.MaySee(DocumentAccess.RestrictedTo(["party"]), Today));
    }

    [Fact]
    public void Visibility_hides_exactly_the_documents_closed_to_the_viewer_on_the_day()
    {
        var closed = new Dictionary<string, DocumentAccess>(StringComparer.Ordinal)
        {
            ["secret"] = DocumentAccess.RestrictedTo(["party"]),
            ["later"] = DocumentAccess.EmbargoedUntil(Today.AddDays(1)),
            ["gone"] = DocumentAccess.WithdrawnBecause("forged"),
        };
        Assert.Equal(["gone", "later", "secret"], Visibility.For(Viewer.Public, closed, Today).Hidden.Order(StringComparer.Ordinal));
        Assert.Equal(["gone", "later"], Visibility.For(Researcher("party"), closed, Today).Hidden.Order(StringComparer.Ordinal));
        Assert.Equal(["gone", "secret"], Visibility.For(Viewer.Public, closed, Today.AddDays(1)).Hidden.Order(StringComparer.Ordinal));
        Assert.Empty(Visibility.For(Viewer.Keeper, closed, Today).Hidden);
        Assert.True(Visibility.For(Viewer.Public, closed, Today).MaySee("anything-else"));
    }

    [Fact]
    public void A_compilation_is_hidden_from_whoever_may_not_see_one_of_its_parts()
    {
        var closed = new Dictionary<string, DocumentAccess>(StringComparer.Ordinal) { ["part-2"] = DocumentAccess.RestrictedTo(["family"]) };
        var partOf = new Dictionary<string, string>(StringComparer.Ordinal) { ["part-1"] = "page", ["part-2"] = "page" };

        Assert.Equal(["page", "part-2"], Visibility.For(Viewer.Public, closed, Today, partOf).Hidden.Order(StringComparer.Ordinal));
        Assert.Empty(Visibility.For(Researcher("family"), closed, Today, partOf).Hidden);
    }
}
