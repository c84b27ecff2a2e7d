using Verbatim.Formats.Common;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Tests.Tei;

/// <summary>The 632 Schnitzler letters, each read once through the default registry for every test here.</summary>
public sealed class SchnitzlerLetters
{
    public IReadOnlyList<(string File, ReadResult Result)> Results { get; } = ReadAll();

    private static List<(string, ReadResult)> ReadAll()
    {
        var registry = Readers.CreateDefaultRegistry();
        return Directory.GetFiles(SharedMaterial.TeiLetters, "*.xml")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), registry.Read(Path.GetFileName(path), File.ReadAllBytes(path))))
            .ToList();
    }
}

public class TeiCorpusTests(SchnitzlerLetters letters) : IClassFixture<SchnitzlerLetters>
{
    [Fact]
    public void Every_letter_reads_with_author_addressee_and_date()
    {
        Assert.Equal(632, letters.Results.Count);
        var failures = new List<string>();
        foreach (var (file, result) in letters.Results)
        {
            if (!result.Succeeded)
            {
                failures.Add($"{file}: {string.Join("; ", result.Errors)}");
                continue;
            }
            var document = Assert.Single(result.Documents);
            var missing = new List<string>();
            if (document.Origin?.Format != "tei") missing.Add($"read as {document.Origin?.Format}");
            if (document.Authors.Count == 0) missing.Add("author");
            if (document.Addressees.Count == 0) missing.Add("addressee");
            if (document.Written is not { } written || (written.Date is null && written.NotBefore is null && written.NotAfter is null))
                missing.Add("written date");
            if (document.Body.Count == 0) missing.Add("body");
            if (missing.Count > 0)
                failures.Add($"{file}: no {string.Join(", ", missing)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} letter(s) failed:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void Ids_are_unique_and_end_with_the_edition_key()
    {
        var documents = letters.Results.SelectMany(r => r.Result.Documents).ToList();
        var duplicates = documents.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        var badSuffix = letters.Results
            .Where(r => r.Result.Documents.Any(d => !d.Id.EndsWith("-" + Path.GetFileNameWithoutExtension(r.File).ToLowerInvariant(), StringComparison.Ordinal)))
            .Select(r => r.File).ToList();
        Assert.Empty(badSuffix);
    }

    [Fact]
    public void Blocks_are_folded_and_every_note_points_into_the_body_text()
    {
        var failures = new List<string>();
        foreach (var (file, result) in letters.Results)
        {
            foreach (var document in result.Documents)
            {
                var text = document.BodyText;
                foreach (var block in document.Body)
                {
                    if (block.Text.Length == 0 || block.Text != Whitespace.Collapse(block.Text) || block.Text.Contains(Document.BlockSeparator, StringComparison.Ordinal))
                        failures.Add($"{file}: block at {block.Start} is not folded text");
                    if (string.CompareOrdinal(text, block.Start, block.Text, 0, block.Text.Length) != 0)
                        failures.Add($"{file}: block at {block.Start} is not at its offset");
                }
                foreach (var note in document.Notes)
                {
                    if (note.Text.Length == 0)
                        failures.Add($"{file}: note {note.N} is empty");
                    if (note.Anchors.Any(a => a < 0 || a > text.Length))
                        failures.Add($"{file}: note {note.N} points outside the body text");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
