using System.Text.RegularExpressions;
using Verbatim.Access;
using Verbatim.Accounts;
using Verbatim.Archiving;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim demo --no-serve`: the demo archive with its closed letters and the accounts that read them.</summary>
public sealed partial class DemoVerbTests : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-demo-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_archive))
            Directory.Delete(_archive, recursive: true);
    }

    private CliRun Demo() => CliRun.Of("demo", "--samples", Path.Combine(CliRun.RepositoryRoot, "samples"), "--archive", _archive, "--no-serve");

    [GeneratedRegex("Sign in as (\\w+) \\(\\w+\\) with the password ([0-9a-f]{16})")]
    private static partial Regex Credentials();

    [Fact]
    public void Demo_ingests_every_sample_and_answers_a_search()
    {
        var run = Demo();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("lenin-1921-10-20-to-stalin", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 failed.", run.Output, StringComparison.Ordinal);
        Assert.Contains("«comradely greetings»", run.Output, StringComparison.Ordinal);
        Assert.Contains("substitution: quoted «Communist», source «the very best comradely»", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 new, 0 updated, 9 unchanged", Demo().Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void The_demo_has_one_restricted_and_one_embargoed_letter_that_the_public_does_not_see_and_the_printed_researcher_does()
    {
        var first = Demo();

        Assert.Equal(0, first.ExitCode);
        var printed = Credentials().Matches(first.Output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["editor", "historian"], printed.Keys.Order(StringComparer.Ordinal));
        using var archive = Archive.OpenForReading(_archive);
        var closed = archive.ClosedDocuments();
        Assert.Equal([AccessKind.Restricted, AccessKind.Embargoed], closed.Values.Select(a => a.Kind).Order());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(closed.Keys.Order(StringComparer.Ordinal), archive.VisibilityFor(Viewer.Public, today).Hidden.Order(StringComparer.Ordinal));
        using var accounts = AccountBook.Open(archive.Layout);
        var historian = accounts.SignIn("historian", printed["historian"]).Viewer!;
        Assert.Single(archive.VisibilityFor(historian, today).Hidden);
        Assert.Empty(archive.VisibilityFor(accounts.SignIn("editor", printed["editor"]).Viewer!, today).Hidden);
    }

    [Fact]
    public void A_second_run_keeps_the_accounts_and_an_access_an_editor_changed()
    {
        Demo();
        using (var archive = Archive.Open(_archive))
            archive.SetAccess("lenin-1921-12-20-to-zalutsky-and-solts", DocumentAccess.Open, "published in full", new Storing.StoreUser("editor", "mailto:editor@example.org"));

        var second = Demo();

        Assert.Empty(Credentials().Matches(second.Output));
        Assert.Contains("lenin-1921-12-20-to-zalutsky-and-solts is open", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_builds_the_altered_greeting_case_once_and_prints_where_to_read_it()
    {
        var first = Demo();
        var second = Demo();

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("/cases/altered-greeting", first.Output, StringComparison.Ordinal);
        Assert.Contains("verbatim case show altered-greeting", second.Output, StringComparison.Ordinal);
        using var archive = Archive.OpenForReading(_archive);
        var stored = archive.ReadCase("altered-greeting")!;
        // Its question, then each of its five items: a second run adds nothing.
        Assert.Equal(6, archive.CaseHistory("altered-greeting").Count);
        Assert.StartsWith("Did Stalin change the closing words of Lenin", stored.Case.Question, StringComparison.Ordinal);
        Assert.Equal(["DocumentItem", "PassageItem", "PassageItem", "QuotationItem", "NoteItem"], stored.Case.Items.Select(i => i.GetType().Name));
        var polemic = "trotsky-1930-03-22-with-lenin-against-stalin";
        Assert.All(stored.Case.Items.Where(i => i.Cited.Count > 0), i => Assert.Equal([polemic], i.Cited));
        var letter = (Cases.PassageItem)stored.Case.Items[1];
        Assert.Equal(letter.Text, archive.Show(polemic, letter.Version)!.BodyText[letter.Start..letter.End]);
        Assert.StartsWith("I earnestly ask you", letter.Text, StringComparison.Ordinal);
        Assert.EndsWith("With the very best comradely greetings", letter.Text, StringComparison.Ordinal);
        Assert.Contains("“with Communist greetings”", ((Cases.PassageItem)stored.Case.Items[2]).Text, StringComparison.Ordinal);
        var source = Assert.Single(((Cases.QuotationItem)stored.Case.Items[3]).Matches);
        Assert.Contains(source.Differences, d => (d.Type, d.Quoted, d.Source) == ("substitution", "Communist", "the very best comradely"));
    }
}
