using System.Text;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.EvidencePacks;
using Verbatim.Model;
using Verbatim.Tests.Archiving;

namespace Verbatim.Tests.EvidencePacks;

/// <summary>An evidence pack written from an archive, verified alone and against archives, and tampered with one way at a time.</summary>
public sealed class EvidencePackTests : ArchiveFolderTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private const string Lutovinov = "lenin-1921-05-30-to-lutovinov";
    private const string ToStalin = "lenin-1921-10-20-to-stalin";
    private const string Facts = "Facts—you will recall this yourself—are stubborn things.";

    private string PackPath => Path.Combine(Folder, "pack");

    private Archive Filled()
    {
        var archive = Archive.Init(ArchivePath);
        archive.Ingest([Path.Combine(RepositoryPaths.Root, "samples", "mia")], Options);
        return archive;
    }

    private static PackContents Contents(Archive archive)
    {
        var check = archive.CheckQuote(Facts.Replace("stubborn", "obstinate", StringComparison.Ordinal));
        var best = check.Matches[0];
        return new PackContents("Did Lenin call facts stubborn things?", "He did, in the letter to Lutovinov.",
        [
            new PackCitation(CitationKind.Document, ToStalin),
            new PackCitation(CitationKind.Passage, Lutovinov, 1, 946, 1003),
            new PackCitation(CitationKind.QuotationCheck, best.Id, null, best.Start, best.End) { Quotation = Facts.Replace("stubborn", "obstinate", StringComparison.Ordinal), Differences = best.Differences },
        ]);
    }

    private PackIndex Written()
    {
        using var archive = Filled();
        return EvidencePack.Write(archive, PackPath, Contents(archive), archive.VisibilityFor(Viewer.Public, Today), "The Test Archive", Today);
    }

    private string Packed(IndexedCitation citation, bool documentJson = true)
        => Path.Combine(PackPath, (documentJson ? citation.DocumentJson : citation.Source).Path);

    [Fact]
    public void A_pack_holds_each_cited_version_its_index_and_report_and_verifies_alone_and_against_its_archive()
    {
        var index = Written();

        var alone = PackVerifier.Verify(PackPath);
        Assert.True(alone.Verified, string.Join("\n", alone.Findings));
        Assert.All(alone.Citations, c => Assert.Equal(ArchiveMatch.NotAsked, c.Archive));
        using var archive = Archive.OpenForReading(ArchivePath);
        var against = PackVerifier.Verify(PackPath, archive, archive.VisibilityFor(Viewer.Public, Today));
        Assert.True(against.Verified);
        Assert.Equal(3, against.Count(ArchiveMatch.Same));

        Assert.Equal(["document", "passage", "quotation-check"], index.Citations.Select(c => c.Kind));
        var passage = index.Citations[1];
        Assert.Equal($"data/documents/{Lutovinov}/v1/document.json", passage.DocumentJson.Path);
        Assert.Equal(archive.ReadStored(Lutovinov, 1)!.DocumentJson.ToArray(), File.ReadAllBytes(Packed(passage)));
        Assert.Equal(archive.ReadStored(Lutovinov, 1)!.Source.ToArray(), File.ReadAllBytes(Packed(passage, documentJson: false)));
        Assert.Equal(archive.Show(Lutovinov)!.BodyText[946..1003], passage.Quoted);
        Assert.StartsWith("Facts", passage.Quoted, StringComparison.Ordinal);
        Assert.Equal(archive.Show(ToStalin)!.BodyText, index.Citations[0].Quoted);
        var check = index.Citations[2];
        Assert.Contains(check.Differences, d => d.Type == "substitution" && d.Quoted == "obstinate" && d.Source == "stubborn");
        var report = File.ReadAllText(Path.Combine(PackPath, "data", "report.html"));
        Assert.Contains("Did Lenin call facts stubborn things?", report, StringComparison.Ordinal);
        Assert.Contains("obstinate", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", report, StringComparison.OrdinalIgnoreCase);
        var info = BagCheck.Validate(PackPath).Info;
        Assert.Contains(info, i => i.Key == "External-Description" && i.Value == "Did Lenin call facts stubborn things?");
        Assert.Contains(info, i => i.Key == "Payload-Oxum");
    }

    [Fact]
    public void The_report_encodes_the_authors_words_and_the_documents()
    {
        using var archive = Filled();
        var contents = new PackContents("<script>alert(1)</script> & more?", "<b>bold</b>", [new PackCitation(CitationKind.Passage, Lutovinov, 1, 946, 1003)]);

        EvidencePack.Write(archive, PackPath, contents, archive.VisibilityFor(Viewer.Public, Today), "The Test Archive", Today);

        var report = File.ReadAllText(Path.Combine(PackPath, "data", "report.html"));
        Assert.DoesNotContain("<script>", report, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", report, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Lutovinov, 1, 946, 999_999, "past the end", "999999")]
    [InlineData(Lutovinov, 7, null, null, "has no version 7", Lutovinov)]
    [InlineData("no-such-document", null, null, null, "there is no document 'no-such-document'", "citation 2")]
    public void A_citation_past_the_end_or_of_a_missing_version_is_refused_by_name_and_nothing_is_written(string id, int? version, int? start, int? end, string said, string named)
    {
        using var archive = Filled();
        var contents = new PackContents("Q", "", [new PackCitation(CitationKind.Document, ToStalin), new PackCitation(CitationKind.Passage, id, version, start, end)]);

        var refused = Assert.Throws<EvidencePackException>(() => EvidencePack.Write(archive, PackPath, contents, archive.VisibilityFor(Viewer.Public, Today), "The Test Archive", Today));

        Assert.Contains(said, refused.Message, StringComparison.Ordinal);
        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(PackPath));
        Assert.Empty(Directory.GetDirectories(Folder, "pack*"));
    }

    [Fact]
    public void A_closed_document_is_refused_as_one_that_does_not_exist()
    {
        using var archive = Filled();
        archive.SetAccess(ToStalin, DocumentAccess.RestrictedTo(["party-archive"]), "a party matter", Options.User);
        var contents = new PackContents("Q", "", [new PackCitation(CitationKind.Document, ToStalin)]);

        var refused = Assert.Throws<EvidencePackException>(() => EvidencePack.Write(archive, PackPath, contents, archive.VisibilityFor(Viewer.Public, Today), "The Test Archive", Today));

        Assert.Contains($"there is no document '{ToStalin}'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_changed_character_in_a_packed_document_json_fails_naming_the_file_and_the_offset()
    {
        var index = Written();
        var passage = index.Citations[1];
        var path = Packed(passage);
        var json = File.ReadAllText(path);
        var at = json.IndexOf("stubborn things", StringComparison.Ordinal);
        File.WriteAllText(path, json[..at] + "stubborm" + json[(at + "stubborn".Length)..], new UTF8Encoding(false));

        var verified = PackVerifier.Verify(PackPath);

        Assert.False(verified.Verified);
        Assert.Contains(verified.Findings, f => f.Place == "manifest-sha512.txt:" + ManifestLine(passage.DocumentJson.Path) && f.Message.Contains(passage.DocumentJson.Path, StringComparison.Ordinal));
        Assert.Contains(verified.Findings, f => f.Place == passage.DocumentJson.Path && f.Message.Contains("SHA-512", StringComparison.Ordinal));
        // Even with the digests set right again, the range names the first edited character.
        RestampDigests(index, passage.DocumentJson.Path);
        var restamped = PackVerifier.Verify(PackPath);
        Assert.Equal(2, restamped.Findings.Count);
        var edited = restamped.Findings[0];
        Assert.Contains("citation 3: at character", restamped.Findings[1].Message, StringComparison.Ordinal);
        var offset = passage.Start + passage.Quoted.IndexOf("stubborn", StringComparison.Ordinal) + "stubbor".Length;
        Assert.Equal(passage.DocumentJson.Path, edited.Place);
        Assert.Contains($"citation 2: at character {offset} of the text", edited.Message, StringComparison.Ordinal);
        Assert.Contains("«n things", edited.Message, StringComparison.Ordinal);
        Assert.Contains("«m things", edited.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_fails_naming_it()
    {
        var index = Written();
        File.Delete(Packed(index.Citations[0], documentJson: false));

        var verified = PackVerifier.Verify(PackPath);

        Assert.False(verified.Verified);
        Assert.Contains(verified.Findings, f => f.Place.StartsWith("manifest-sha512.txt:", StringComparison.Ordinal) && f.Message.Contains(index.Citations[0].Source.Path, StringComparison.Ordinal));
        Assert.Contains(verified.Findings, f => f.Place == index.Citations[0].Source.Path && f.Message.Contains("citation 1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_manifest_line_fails_naming_the_line()
    {
        var index = Written();
        var manifest = Path.Combine(PackPath, "manifest-sha512.txt");
        var lines = File.ReadAllLines(manifest);
        var number = ManifestLine(index.Citations[1].Source.Path);
        lines[number - 1] = new string('0', 128) + lines[number - 1][128..];
        File.WriteAllText(manifest, string.Join('\n', lines) + "\n");

        var verified = PackVerifier.Verify(PackPath);

        Assert.False(verified.Verified);
        Assert.Contains(verified.Findings, f => f.Place == $"manifest-sha512.txt:{number}");
        Assert.Contains(verified.Findings, f => f.Place.StartsWith("tagmanifest-sha512.txt:", StringComparison.Ordinal) && f.Message.Contains("manifest-sha512.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void A_citation_pointing_past_the_end_fails_naming_the_citation_and_the_file()
    {
        var index = Written();
        var tampered = index with { Citations = [.. index.Citations.Select(c => c.Number == 2 ? c with { End = 1_000_000 } : c)] };
        File.WriteAllBytes(Path.Combine(PackPath, "data", "citations.json"), tampered.ToBytes());
        RestampDigests(tampered, PackIndex.BagPath);

        var verified = PackVerifier.Verify(PackPath);

        var finding = Assert.Single(verified.Findings);
        Assert.Equal(index.Citations[1].DocumentJson.Path, finding.Place);
        Assert.Contains("citation 2 cites characters 946-1000000, past the end of the text", finding.Message, StringComparison.Ordinal);
        Assert.False(verified.Verified);
    }

    [Fact]
    public void A_pack_still_verifies_against_its_archive_after_the_document_got_a_new_version()
    {
        Written();
        using (var archive = Archive.Open(ArchivePath))
        {
            archive.Correct(Lutovinov, new Dictionary<CorrectableField, string> { [CorrectableField.Place] = "Moscow, the Kremlin" }, "the place as the original gives it", Options.User);
            Assert.Equal(2, archive.History(Lutovinov).Count);
        }
        using var reading = Archive.OpenForReading(ArchivePath);

        var verified = PackVerifier.Verify(PackPath, reading, reading.VisibilityFor(Viewer.Public, Today));

        Assert.True(verified.Verified, string.Join("\n", verified.Findings));
        Assert.All(verified.Citations, c => Assert.Equal(ArchiveMatch.Same, c.Archive));
    }

    [Fact]
    public void Against_a_fresh_archive_the_pack_verifies_on_its_own_and_the_archive_holds_none_of_it()
    {
        Written();
        using var fresh = Archive.Init(Path.Combine(Folder, "fresh"));

        var verified = PackVerifier.Verify(PackPath, fresh, fresh.VisibilityFor(Viewer.Public, Today));

        Assert.True(verified.HoldsTogether, string.Join("\n", verified.Findings));
        Assert.All(verified.Citations, c => Assert.Equal(ArchiveMatch.Missing, c.Archive));
    }

    [Fact]
    public void Against_an_archive_whose_cited_version_has_other_bytes_the_citation_differs()
    {
        Written();
        var other = Path.Combine(Folder, "other");
        using var archive = Archive.Init(other);
        var changed = Input($"{ToStalin}.txt", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "mia", $"{ToStalin}.txt")) + "\nAn added line.\n");
        archive.Ingest([changed], Options);

        var verified = PackVerifier.Verify(PackPath, archive, archive.VisibilityFor(Viewer.Public, Today));

        Assert.Equal(ArchiveMatch.Differs, verified.Citations[0].Archive);
        Assert.False(verified.Verified);
        Directory.Delete(other, recursive: true);
    }

    [Fact]
    public void A_zip_of_the_pack_unpacks_and_verifies_and_a_zip_that_leaves_its_folder_is_refused()
    {
        Written();
        var zip = Path.Combine(Folder, "pack.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(PackPath, zip, System.IO.Compression.CompressionLevel.Fastest, includeBaseDirectory: true);
        using (var stream = File.OpenRead(zip))
            Assert.True(PackVerifier.Verify(PackUpload.Unpack(stream, Path.Combine(Folder, "unpacked"), 1 << 24, 100)).Verified);

        var evil = Path.Combine(Folder, "evil.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(evil, System.IO.Compression.ZipArchiveMode.Create))
        using (var writer = new StreamWriter(archive.CreateEntry("../outside.txt").Open()))
            writer.Write("out");
        using (var stream = File.OpenRead(evil))
            Assert.Contains("leaves", Assert.Throws<InvalidDataException>(() => PackUpload.Unpack(stream, Path.Combine(Folder, "evil"), 1 << 24, 100)).Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Folder, "outside.txt")));
        using (var garbled = new MemoryStream(Encoding.UTF8.GetBytes("not a zip at all")))
            Assert.Throws<InvalidDataException>(() => PackUpload.Unpack(garbled, Path.Combine(Folder, "garbled"), 1 << 24, 100));
        using (var stream = File.OpenRead(zip))
            Assert.Contains("more than 1000 bytes", Assert.Throws<InvalidDataException>(() => PackUpload.Unpack(stream, Path.Combine(Folder, "small"), 1000, 100)).Message, StringComparison.Ordinal);
    }

    private int ManifestLine(string path)
        => Array.FindIndex(File.ReadAllLines(Path.Combine(PackPath, "manifest-sha512.txt")), l => l.EndsWith("  " + path, StringComparison.Ordinal)) + 1;

    /// <summary>What a careful forger does: every digest (index, manifest, tag manifest) set right again for the edited file.</summary>
    private void RestampDigests(PackIndex index, string path)
    {
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(File.ReadAllBytes(Path.Combine(PackPath, path))));
        if (path != PackIndex.BagPath)
        {
            var restamped = index with
            {
                Citations = [.. index.Citations.Select(c => c.DocumentJson.Path == path ? c with { DocumentJson = c.DocumentJson with { Sha512 = digest } } : c)],
            };
            File.WriteAllBytes(Path.Combine(PackPath, PackIndex.BagPath), restamped.ToBytes());
            Restamp("manifest-sha512.txt", PackIndex.BagPath);
        }
        Restamp("manifest-sha512.txt", path);
        var data = Directory.GetFiles(Path.Combine(PackPath, "data"), "*", SearchOption.AllDirectories);
        var bagInfo = Path.Combine(PackPath, "bag-info.txt");
        File.WriteAllLines(bagInfo, File.ReadAllLines(bagInfo).Select(l => l.StartsWith("Payload-Oxum: ", StringComparison.Ordinal) ? $"Payload-Oxum: {data.Sum(f => new FileInfo(f).Length)}.{data.Length}" : l));
        Restamp("tagmanifest-sha512.txt", "bag-info.txt");
        Restamp("tagmanifest-sha512.txt", "manifest-sha512.txt");
    }

    private void Restamp(string manifest, string path)
    {
        var file = Path.Combine(PackPath, manifest);
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(File.ReadAllBytes(Path.Combine(PackPath, path))));
        var lines = File.ReadAllLines(file).Select(l => l.EndsWith("  " + path, StringComparison.Ordinal) ? $"{digest}  {path}" : l);
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
    }
}
