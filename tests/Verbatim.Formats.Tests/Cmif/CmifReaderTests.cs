using System.Text;
using System.Xml.Linq;
using Verbatim.Formats.Cmif;
using Verbatim.Model;

namespace Verbatim.Formats.Tests.Cmif;

public sealed class CmifReaderTests
{
    private static readonly XNamespace Tei = "http://www.tei-c.org/ns/1.0";
    private static readonly FormatRegistry Registry = Readers.CreateDefaultRegistry();

    public static TheoryData<string> SchnitzlerFiles()
        => [.. Directory.GetFiles(RepositoryPaths.Shared("corpus", "cmif", "schnitzler"), "*.xml").Select(Path.GetFileName).OfType<string>()];

    private static string CmifFile(string name) => RepositoryPaths.Shared("corpus", "cmif", "schnitzler", name);

    [Theory]
    [MemberData(nameof(SchnitzlerFiles))]
    public void Every_correspDesc_of_a_shared_CMIF_file_is_one_letter_with_its_sender_and_addressees(string name)
    {
        var path = CmifFile(name);
        var xml = XDocument.Load(path, LoadOptions.SetLineInfo);
        var letters = xml.Descendants(Tei + "correspDesc").ToList();

        var result = Registry.Read(name, File.ReadAllBytes(path));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(letters.Count, result.Documents.Count);
        Assert.All(result.Documents, d => Assert.Equal(CmifReader.FormatName, d.Origin!.Format));
        Assert.Equal(result.Documents.Count, result.Documents.Select(d => d.Id).Distinct().Count());
        foreach (var (letter, document) in letters.Zip(result.Documents))
        {
            var sent = letter.Elements(Tei + "correspAction").Single(a => (string?)a.Attribute("type") == "sent");
            var senders = sent.Elements(Tei + "persName").Select(p => (string?)p.Attribute("ref")).ToList();
            Assert.Equal(senders, document.Authors.Select(a => a.Ref));
            var addressees = letter.Elements(Tei + "correspAction").Where(a => (string?)a.Attribute("type") == "received")
                .SelectMany(a => a.Elements(Tei + "persName")).Select(p => p.Value.Trim()).ToList();
            Assert.Equal(addressees, document.Addressees.Select(a => a.Text ?? a.Name));
            var when = (string?)sent.Element(Tei + "date")?.Attribute("when");
            Assert.Equal(when, document.Written?.Date);
            Assert.Empty(document.Body);
            Assert.Equal(DocumentKind.Letter, document.Kind);
            Assert.Equal(((System.Xml.IXmlLineInfo)letter).LineNumber, document.Origin!.FirstLine);
        }
    }

    [Fact]
    public void A_TEI_letter_is_still_read_as_TEI_and_a_CMIF_list_as_CMIF()
    {
        var tei = Directory.GetFiles(RepositoryPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal).Take(20);
        foreach (var path in tei)
            Assert.Equal("tei", Registry.Read(Path.GetFileName(path), File.ReadAllBytes(path)).Documents[0].Origin!.Format);
        foreach (var path in Directory.GetFiles(RepositoryPaths.Shared("corpus", "cmif", "examples"), "*.xml"))
            Assert.Equal(CmifReader.FormatName, Registry.Read(Path.GetFileName(path), File.ReadAllBytes(path)).Documents[0].Origin!.Format);
    }

    [Fact]
    public void A_forwarding_is_kept_as_a_copy_with_its_action_as_role()
    {
        var result = Registry.Read("2022_Schnitzler-Vengerova.xml", File.ReadAllBytes(CmifFile("2022_Schnitzler-Vengerova.xml")));
        var forwarded = result.Documents.Where(d => d.CopiesTo.Count > 0).ToList();
        Assert.NotEmpty(forwarded);
        Assert.All(forwarded.SelectMany(d => d.CopiesTo), c => Assert.Equal("forwarded", c.Role));
        Assert.Contains(forwarded.SelectMany(d => d.CopiesTo), c => c.Name == "Isabella Vengerova");
    }

    [Fact]
    public void A_date_of_cert_medium_or_low_is_uncertain()
    {
        // The official example dates Gänsbacher's letter notBefore 1810-07-11, notAfter 1810-07-18, cert="medium".
        var path = RepositoryPaths.Shared("corpus", "cmif", "examples", "example01_basic.xml");
        var documents = Registry.Read(Path.GetFileName(path), File.ReadAllBytes(path)).Documents;
        var doubted = documents.Single(d => d.Written?.NotBefore == "1810-07-11").Written!;
        Assert.Equal(DateCertainty.Uncertain, doubted.Certainty);
        Assert.Contains(documents, d => d.Written is { Certainty: null, Date: not null });
    }

    [Fact]
    public void Malformed_CMIF_is_a_located_error()
    {
        var text = File.ReadAllText(CmifFile("1992_Schnitzler_an_Freud.xml"));
        var broken = text.Replace("</correspAction>", "</correspActio>", StringComparison.Ordinal);
        var result = Registry.Read("broken.xml", Encoding.UTF8.GetBytes(broken), CmifReader.FormatName);
        var error = Assert.Single(result.Errors);
        Assert.Contains("malformed XML", error.Message);
        Assert.Equal("broken.xml", error.File);
        Assert.Equal(broken.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains("</correspActio>", StringComparison.Ordinal)).i + 1, error.Line);
    }

    [Fact]
    public void A_letter_without_a_sender_is_read_with_a_located_warning_and_the_others_are_read_whole()
    {
        var text = File.ReadAllText(CmifFile("1958_Rilke_Schnitzler.xml"));
        var broken = text.ReplaceFirst("type=\"sent\"", "type=\"unsent\"");
        var result = Registry.Read("rilke.xml", Encoding.UTF8.GetBytes(broken));
        var whole = Registry.Read("rilke.xml", Encoding.UTF8.GetBytes(text));

        Assert.Equal(whole.Documents.Count, result.Documents.Count);
        var damaged = result.Documents[0];
        Assert.Empty(damaged.Authors);
        var warning = Assert.Single(damaged.Warnings, w => w.Message.Contains("no <correspAction type=\"sent\">", StringComparison.Ordinal));
        Assert.Equal("rilke.xml", warning.File);
        Assert.Equal(whole.Documents[0].Origin!.FirstLine, warning.Line);
        Assert.Equal(whole.Documents.Skip(1).Select(d => d.Authors), result.Documents.Skip(1).Select(d => d.Authors));
    }
}

internal static class StringExtensions
{
    public static string ReplaceFirst(this string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + old.Length)..];
    }
}
