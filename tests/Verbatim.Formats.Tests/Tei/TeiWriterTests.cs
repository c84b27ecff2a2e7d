using System.Xml.Linq;
using Verbatim.Formats.Tei;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Tests.Tei;

/// <summary>
/// Every seed document and every letter of the full Schnitzler correspondence written as TEI:
/// valid against tei_all (Debian's jing, one run over all of them), and read back by the TEI
/// reader into the same fields.
/// </summary>
public sealed class TeiWriterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-tei-out-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private static List<Document> Documents(string folder)
    {
        var registry = Readers.CreateDefaultRegistry();
        return [.. Directory.GetFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .SelectMany(path => registry.Read(Path.GetFileName(path), File.ReadAllBytes(path)).Documents)];
    }

    private static List<Document> Seeds() => Documents(RepositoryPaths.Shared("corpus", "seeds"));

    private static List<Document> Letters() => Documents(RepositoryPaths.Shared("corpus", "schnitzler-tei-full"));

    [Fact]
    public void Every_seed_document_and_every_schnitzler_letter_is_valid_tei()
    {
        Directory.CreateDirectory(_folder);
        var documents = Seeds().Concat(Letters()).ToList();
        Assert.True(documents.Count > 4_400);
        var files = new List<string>();
        foreach (var document in documents)
        {
            var file = Path.Combine(_folder, $"{files.Count:D5}-{document.Id}.xml");
            File.WriteAllBytes(file, TeiWriter.ToBytes(document));
            files.Add(file);
        }

        // One run of jing judges every file and names each error's file and line.
        var (exitCode, output) = SchemaTools.Jing(RepositoryPaths.Shared("standards", "tei", "tei_all.rng"), [.. files]);
        Assert.True(exitCode == 0, string.Join("\n", output.Split('\n').Take(20)));
    }

    [Fact]
    public void The_tei_reader_reads_the_written_tei_into_the_same_fields()
    {
        var registry = Readers.CreateDefaultRegistry();
        var mismatches = new List<string>();
        var documents = Seeds().Concat(Letters()).ToList();
        foreach (var document in documents)
        {
            var result = registry.Read($"{document.Id}.xml", TeiWriter.ToBytes(document), TeiReader.FormatName);
            if (!result.Succeeded)
            {
                mismatches.Add($"{document.Id}: {string.Join("; ", result.Errors)}");
                continue;
            }
            var back = result.Documents[0];
            void Same(string field, object? expected, object? actual)
            {
                if (!Equals(expected, actual))
                    mismatches.Add($"{document.Id} {field}: «{expected}» became «{actual}»");
            }
            Same("title", document.Title, back.Title);
            Same("language", document.Language, back.Language);
            Same("authors", string.Join("; ", document.Authors.Select(a => a.Name)), string.Join("; ", back.Authors.Select(a => a.Name)));
            Same("addressees", string.Join("; ", document.Addressees.Select(a => a.Name)), string.Join("; ", back.Addressees.Select(a => a.Name)));
            Same("date", document.Written?.Date, back.Written?.Date);
            Same("not before", document.Written?.NotBefore, back.Written?.NotBefore);
            Same("not after", document.Written?.NotAfter, back.Written?.NotAfter);
            Same("place", document.Written?.Place, back.Written?.Place);
            Same("body", document.BodyText, back.BodyText);
            Same("blocks", string.Join(",", document.Body.Select(b => b.Type)), string.Join(",", back.Body.Select(b => b.Type)));
            // The TEI reader reads a note's paragraphs as its lines (it keeps one kind of break), so a
            // paragraph break in a note comes back as a line break; the words and their places do not move.
            static string Notes(Document d) => string.Join(" | ", d.Notes.Select(n => $"{n.N}@{string.Join(",", n.Anchors.Take(1))}: {n.Text.Replace("\n\n", "\n", StringComparison.Ordinal)}"));
            Same("notes", Notes(document), Notes(back));
        }
        var byField = mismatches.GroupBy(m => m.Split(' ').ElementAtOrDefault(1) ?? "").Select(g => $"{g.Key}: {g.Count()}");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {documents.Count} documents differ ({string.Join(", ", byField)}):\n" + string.Join("\n", mismatches.Take(25)));
    }

    [Fact]
    public void Names_the_document_knows_are_marked_where_their_words_stand_and_a_pronoun_is_not()
    {
        var document = new Document
        {
            Id = "names",
            Title = "Names",
            Authors = [new PersonRef("Arthur Schnitzler", Ref: "#pmb2121")],
            Body = [new Block(BlockType.P, "Gestern sah ich Marie Reinhard in Wien; sie lachte. Arthur Schnitzlers Brief kam.", 0)],
            Mentions = [new NameMention("Marie Reinhard", NameKind.Person, "#pmb2378"), new NameMention("Wien", NameKind.Place, "#pmb50"),
                new NameMention("Marie Reinhard", NameKind.Person, "#pmb2378", Form: "sie")],
        };
        XNamespace tei = TeiWriter.Tei;

        var paragraph = TeiWriter.Write(document).Descendants(tei + "body").Descendants(tei + "p").Single();

        Assert.Equal(["persName #pmb2378 Marie Reinhard", "placeName #pmb50 Wien"],
            paragraph.Elements().Select(e => $"{e.Name.LocalName} {e.Attribute("ref")?.Value} {e.Value}"));
        // "Arthur Schnitzlers" is not "Arthur Schnitzler" as a whole word; "sie" stays text.
        Assert.Equal(document.Body[0].Text, paragraph.Value);
    }

    [Fact]
    public void The_letters_names_marked_in_their_source_are_marked_in_their_tei_with_their_keys()
    {
        var letters = Documents(RepositoryPaths.Shared("corpus", "schnitzler-tei"));
        XNamespace tei = TeiWriter.Tei;
        var marked = letters.Sum(letter => TeiWriter.Write(letter).Descendants(tei + "body").Descendants()
            .Count(e => e.Name.LocalName is "persName" or "placeName" or "orgName" && e.Attribute("ref")?.Value is { } key
                && letter.Mentions.Any(m => m.Ref == key && (m.Form ?? m.Name) == e.Value)));

        Assert.True(marked > letters.Count, $"{marked} names marked with their keys in {letters.Count} letters");
    }
}
