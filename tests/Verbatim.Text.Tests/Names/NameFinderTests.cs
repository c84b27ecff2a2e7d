using Verbatim.Model;
using Verbatim.Text.Names;

namespace Verbatim.Text.Tests.Names;

public sealed class NameFinderTests
{
    private static string SeedText(string prefix) => File.ReadAllText(RepositoryPaths.Seed(prefix));

    [Fact]
    public void Initials_and_surname_make_the_surname_known_in_all_its_spellings()
    {
        var text = SeedText("003");
        var found = NameFinder.Find(text, new HashSet<string>());

        Assert.Contains(found, f => f.Name == "M. A. Volodcheva" && f.Rule == "initials");
        foreach (var spelling in new[] { "Volodicheva", "Volidicheva" })
        {
            Assert.Contains(spelling, text);
            Assert.Contains(found, f => f.Name == spelling && f.Rule == "known" && text.Substring(f.Start, spelling.Length) == spelling);
        }
    }

    [Fact]
    public void A_secretary_s_initials_after_Dictated_to_are_a_name_and_the_date_after_them_is_not()
    {
        var found = NameFinder.Find(SeedText("004"), new HashSet<string>());
        Assert.Contains(found, f => f.Name == "M. V." && f.Rule == "dictated");
        Assert.DoesNotContain(found, f => f.Name.Contains("March", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_spelling_of_the_Politburo_is_found_as_an_organisation()
    {
        var text = SeedText("002") + "\n" + SeedText("004");
        var found = NameFinder.Find(text, new HashSet<string>()).Where(f => f.Kind == NameKind.Organisation).Select(f => f.Name).ToHashSet();
        Assert.Contains("Politbureau", found);
        Assert.Contains("Politburo", found);
        Assert.Contains("Polittburo", found);
    }

    [Fact]
    public void Forms_of_address_name_every_comrade_addressed()
    {
        var found = NameFinder.Find(SeedText("001"), new HashSet<string>());
        Assert.Contains(found, f => f.Name == "Zalutsky" && f.Rule == "comrade");
        Assert.Contains(found, f => f.Name == "Solts" && f.Rule == "comrade");
    }

    [Fact]
    public void A_known_surname_with_a_short_key_matches_only_itself()
    {
        var known = new HashSet<string> { NameFinder.SurnameKey("Lenin") };
        var found = NameFinder.Find("Leon wrote to Lenin, and Lenin answered.", known);
        Assert.Equal(["Lenin", "Lenin"], found.Select(f => f.Name));
    }

    [Theory]
    [InlineData("Joint Plenum of the CC and CCC", true)]
    [InlineData("the presidium of the joint plenum of the cc and CCC of the RCP(b)", true)]
    [InlineData("Politbureau", true)]
    [InlineData("Members of the Political Bureau", true)]
    [InlineData("Editorial Board of Pravda", true)]
    [InlineData("Petrograd Soviet", true)]
    [InlineData("Redaktion der Neuen Freien Presse", true)]
    [InlineData("J. V. Stalin", false)]
    [InlineData("Maria Volodicheva", false)]
    [InlineData("Konstantin Sovietsky", false)]
    public void A_name_of_a_body_is_told_from_a_persons(string name, bool body)
        => Assert.Equal(body, NameFinder.IsBody(name));
}
