using Verbatim.Archiving;
using Verbatim.Model;
using Verbatim.Names;
using Verbatim.Storing;

namespace Verbatim.Tests.Names;

public sealed class NameIndexTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-names-{Guid.NewGuid():N}");
    private static readonly IngestOptions Options = new("auto", "test ingest", new StoreUser("Tester", "mailto:tester@example.org"));

    private string ArchivePath => Path.Combine(_folder, "archive");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static string[] Seeds => Directory.GetFiles(RepositoryPaths.Shared("corpus", "seeds"), "*.txt");

    private static string AllSeedText => string.Join("\n", Seeds.Select(File.ReadAllText));

    private string Input(string name, string text)
    {
        var path = Path.Combine(_folder, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static NameEntity EntityNamed(NameIndex index, string variant)
        => Assert.Single(index.Entities, e => e.Variants.Any(v => v.Name == variant));

    [Fact]
    public void The_seeds_spellings_of_the_secretary_and_of_the_Politburo_are_one_entity_each()
    {
        using var archive = Archive.Init(ArchivePath);
        archive.Ingest(Seeds, Options);
        var index = archive.Names();
        var seedText = AllSeedText;

        var secretary = EntityNamed(index, "Volodicheva");
        foreach (var spelling in new[] { "Volodicheva", "Volodichiva", "Volidicheva", "Volodcheva", "M.V." })
        {
            if (seedText.Contains(spelling, StringComparison.Ordinal))
                Assert.Contains(secretary.Variants, v => v.Name.Replace(" ", "", StringComparison.Ordinal).Contains(spelling, StringComparison.Ordinal));
        }
        Assert.Equal(NameKind.Person, secretary.Kind);

        var politburo = EntityNamed(index, "Polittburo");
        Assert.Equal(NameKind.Organisation, politburo.Kind);
        foreach (var spelling in new[] { "Politbureau", "Politburo", "Polittburo" })
            Assert.Contains(politburo.Variants, v => v.Name == spelling);
        Assert.Single(index.Entities, e => e.Variants.Any(v => v.Name.Contains("olitb", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Documents_are_listed_by_role_and_Stalin_is_one_person_as_addressee_and_as_author()
    {
        using var archive = Archive.Init(ArchivePath);
        archive.Ingest(Seeds, Options);
        var index = archive.Names();
        var toStalin = index.Letters.Single(l => l.Id == "lenin-1921-10-20-to-stalin");
        var stalin = index.Find(Assert.Single(toStalin.Addressees))!;
        Assert.Contains(stalin.Documents, d => d.Id == "lenin-1921-10-20-to-stalin" && d.Roles.SequenceEqual(["addressee"]));
        var fromStalin = index.Letters.Single(l => l.Senders.Contains(stalin.Id) && l.Addressees.Count > 0);
        Assert.Contains(index.Find(Assert.Single(fromStalin.Addressees))!.Variants, v => v.Name.Contains("Lenin", StringComparison.Ordinal));
        var zalutskyAndSolts = index.Letters.Single(l => l.Id == "lenin-1921-12-20-to-zalutsky-and-solts");
        Assert.Equal(2, zalutskyAndSolts.Addressees.Count);
    }

    [Fact]
    public void TEI_letters_and_CMIF_records_meet_in_one_person_by_authority()
    {
        using var archive = Archive.Init(ArchivePath);
        var tei = Directory.GetFiles(RepositoryPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal).Take(40);
        archive.Ingest([.. tei, RepositoryPaths.Shared("corpus", "cmif", "schnitzler", "1955_Freud_an_Schnitzler.xml")], Options);
        var index = archive.Names();
        var schnitzler = Assert.Single(index.Entities, e => e.Authorities.Contains("https://d-nb.info/gnd/118609807"));
        var formats = schnitzler.Documents.Select(d => archive.Show(d.Id)!.Origin!.Format).ToHashSet();
        Assert.Contains("tei", formats);
        Assert.Contains("cmif", formats);
    }

    [Fact]
    public void Pronouns_and_abbreviations_with_a_key_are_the_entity_the_editions_index_names()
    {
        using var archive = Archive.Init(ArchivePath);
        // L00806 refers to Marie Reinhard (#pmb2378) as "sie" and "ihr" and to Graz as "Gr."; L02801 names her.
        archive.Ingest([.. new[] { "L00806", "L02801" }.Select(l => RepositoryPaths.Shared("corpus", "schnitzler-tei", l + ".xml"))], Options);
        var index = archive.Names();

        Assert.DoesNotContain(index.Entities, e => e.Variants.Any(v => v.Name is "sie" or "ihr" or "Ihren" or "Schwester" or "Gr." or "Dame"));
        var reinhard = Assert.Single(index.Entities, e => e.Name == "Marie Reinhard");
        Assert.Equal(NameKind.Person, reinhard.Kind);
        Assert.Equal(2, reinhard.Documents.Count);
        Assert.Equal(NameKind.Place, Assert.Single(index.Entities, e => e.Name == "Graz").Kind);
    }

    [Fact]
    public void Addressees_that_are_bodies_are_organisations()
    {
        using var archive = Archive.Init(ArchivePath);
        archive.Ingest(Seeds, Options);
        var index = archive.Names();

        // Seed 003: M. I. Ulyanova "To the Joint Plenum of the CC and CCC".
        var plenum = index.Entities.Where(e => e.Variants.Any(v => v.Name.Contains("Plenum", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.NotEmpty(plenum);
        Assert.All(plenum, e => Assert.Equal(NameKind.Organisation, e.Kind));
        Assert.Contains(plenum, e => e.Documents.Any(d => d.Roles.Contains("addressee")));
        Assert.Equal(NameKind.Person, EntityNamed(index, "Volodicheva").Kind);
    }

    [Fact]
    public void The_owners_variants_are_versioned_in_the_store_and_applied_after_a_reindex()
    {
        using (var archive = Archive.Init(ArchivePath))
        {
            archive.Ingest(Seeds, Options);
            var before = archive.Names();
            var lutovinov = EntityNamed(before, "Lutovinov");
            var zalutsky = EntityNamed(before, "Zalutsky");
            Assert.NotEqual(lutovinov.Id, zalutsky.Id);

            var (written, errors) = archive.SetVariants(Input("variants.txt", "# test\nYury Lutovinov = Lutovinov = Zalutsky\n"), Options);
            Assert.Empty(errors);
            Assert.Equal(1, written!.Version);
            var joined = EntityNamed(archive.Names(), "Lutovinov");
            Assert.Equal("Yury Lutovinov", joined.Name);
            Assert.Contains(joined.Variants, v => v.Name == "Zalutsky");

            var (second, _) = archive.SetVariants(Input("variants.txt", "Zalutsky != Lutovinov\n"), Options);
            Assert.Equal(2, second!.Version);
            Assert.Equal(2, archive.History(Archive.VariantsObject).Count);
        }
        File.Delete(Path.Combine(ArchivePath, "catalog.sqlite"));
        using (var reopened = Archive.Open(ArchivePath))
        {
            reopened.Reindex();
            var index = reopened.Names();
            Assert.NotEqual(EntityNamed(index, "Lutovinov").Id, EntityNamed(index, "Zalutsky").Id);
            Assert.Contains("Zalutsky != Lutovinov", reopened.Variants().Text);
            Assert.DoesNotContain(reopened.Documents(), d => d.Id == Archive.VariantsObject);
        }
    }

    [Fact]
    public void A_broken_variants_file_is_refused_with_its_lines_and_the_stored_one_is_kept()
    {
        using var archive = Archive.Init(ArchivePath);
        archive.Ingest([RepositoryPaths.Seed("001")], Options);
        var good = Input("good.txt", "P. A. Zalutsky = Zalutsky\n");
        Assert.Empty(archive.SetVariants(good, Options).Errors);

        var bad = Input("bad.txt", "Solts = S\nonly a name\n = Solts\nA != \n");
        var (written, errors) = archive.SetVariants(bad, Options);

        Assert.Null(written);
        Assert.Equal([2, 3, 4], errors.Select(e => e.Line!.Value));
        Assert.All(errors, e => Assert.Equal(bad, e.File));
        Assert.Equal(File.ReadAllText(good), archive.Variants().Text);
        Assert.Single(archive.History(Archive.VariantsObject));
        Assert.Equal("P. A. Zalutsky", EntityNamed(archive.Names(), "Zalutsky").Name);
    }
}
