using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Evaluation;

/// <summary>
/// PAN's annotation files: <c>&lt;document reference="SUSPICIOUS"&gt;</c> holding one
/// <c>&lt;feature name="plagiarism" this_offset this_length source_reference source_offset
/// source_length/&gt;</c> per case (truth) or <c>name="detected-plagiarism"</c> per detection.
/// Offsets count characters of the texts as read (UTF-16 code units; the same as PAN's code points
/// wherever a text has no character outside the Basic Multilingual Plane).
/// </summary>
public static class PanXml
{
    public const string Plagiarism = "plagiarism";
    public const string DetectedPlagiarism = "detected-plagiarism";

    /// <summary>
    /// The features named <paramref name="featureName"/> of one annotation file about the pair
    /// (<paramref name="suspicious"/>, <paramref name="source"/>). A feature naming another source
    /// belongs to another pair and is left out. Any malformed part makes the whole file a problem,
    /// located by line, because a truth read in part would score a detector against cases it
    /// never had.
    /// </summary>
    public static (IReadOnlyList<PanAnnotation> Annotations, PanProblem? Problem) Read(
        string file, string xml, string suspicious, string source, string featureName = Plagiarism)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            return ([], new PanProblem(file, exception.LineNumber, $"malformed XML: {exception.Message}"));
        }
        if (document.Root is not { Name.LocalName: "document" } root)
            return ([], new PanProblem(file, 1, "the root element is not <document>"));
        if (root.Attribute("reference")?.Value is { } reference && reference != suspicious)
            return ([], new PanProblem(file, LineOf(root), $"the document is about {reference}, not {suspicious}"));

        var annotations = new List<PanAnnotation>();
        foreach (var feature in root.Elements("feature").Where(f => f.Attribute("name")?.Value == featureName))
        {
            var sourceReference = feature.Attribute("source_reference")?.Value ?? source;
            if (sourceReference != source)
                continue;
            var numbers = new[] { "this_offset", "this_length", "source_offset", "source_length" }
                .Select(name => (name, Text: feature.Attribute(name)?.Value))
                .Select(a => (a.name, a.Text, Parsed: int.TryParse(a.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (int?)null))
                .ToList();
            if (numbers.FirstOrDefault(n => n.Parsed is null) is { name: not null } bad)
            {
                var what = bad.Text is null ? "is missing" : $"is '{bad.Text}', not a whole number";
                return ([], new PanProblem(file, LineOf(feature), $"{bad.name} {what}"));
            }
            annotations.Add(new PanAnnotation(
                suspicious, new TextRange(numbers[0].Parsed!.Value, numbers[1].Parsed!.Value),
                source, new TextRange(numbers[2].Parsed!.Value, numbers[3].Parsed!.Value),
                feature.Attribute("obfuscation")?.Value));
        }
        return (annotations, null);
    }

    /// <summary>One annotation file of the pair: its cases (or detections) in the order given.</summary>
    public static string Write(string suspicious, IEnumerable<PanAnnotation> annotations, string featureName = Plagiarism)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var root = new XElement("document", new XAttribute("reference", suspicious));
        foreach (var annotation in annotations)
        {
            var feature = new XElement("feature", new XAttribute("name", featureName));
            if (annotation.Obfuscation is { } obfuscation)
                feature.Add(new XAttribute("obfuscation", obfuscation));
            feature.Add(
                new XAttribute("this_offset", annotation.Suspicious.Start),
                new XAttribute("this_length", annotation.Suspicious.Length),
                new XAttribute("source_reference", annotation.SourceDocument),
                new XAttribute("source_offset", annotation.Source.Start),
                new XAttribute("source_length", annotation.Source.Length));
            root.Add(feature);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root + "\n";
    }

    /// <summary>The file name PAN gives the annotations of a pair: both names without ".txt", joined by '-'.</summary>
    public static string FileName(string suspicious, string source) =>
        $"{Path.GetFileNameWithoutExtension(suspicious)}-{Path.GetFileNameWithoutExtension(source)}.xml";

    private static int? LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;
}
