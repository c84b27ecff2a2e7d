using Verbatim.Model;

namespace Verbatim.Presenting;

/// <summary>A document as a person reads it on a terminal: the provenance first, then the text, control characters escaped.</summary>
public static class DocumentText
{
    /// <param name="sameTextAs">The archive's other witnesses of the same text (<see cref="Archiving.Archive.SameText"/>).</param>
    public static void Write(TextWriter output, Document document, IReadOnlyList<string>? sameTextAs = null)
    {
        output.WriteLine($"# {PlainText.Escaped(document.Title)}");
        Field(output, "id", document.Id);
        Field(output, "kind", document.Kind.ToString().ToLowerInvariant());
        Field(output, "authors", Names(document.Authors));
        Field(output, "to", Names(document.Addressees));
        Field(output, "copies to", Names(document.CopiesTo));
        if (document.Written is { } written)
            Field(output, "written", string.Join(", ", new[] { Mode(written), Dated(written), written.Place }.Where(s => !string.IsNullOrEmpty(s))));
        else
            Field(output, "written", UnknownWritingDate.Note(document));
        foreach (var publication in document.Published)
            Field(output, "published", publication.Text);
        Field(output, "printed from", document.PrintedFrom);
        Field(output, "source", document.Source?.Text);
        foreach (var reference in document.ArchivalRefs)
            Field(output, "archive", reference.Text);
        Field(output, "translated", string.Join(", ", document.Translators));
        if (document.Parts.Count > 0)
            Field(output, "parts", document.Parts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(output, "part of", document.PartOf);
        Field(output, "same text as", string.Join(", ", sameTextAs ?? []));
        output.WriteLine();
        foreach (var block in document.Body)
        {
            output.WriteLine(PlainText.Escaped(block.Text, keepLineBreaks: true));
            output.WriteLine();
        }
        foreach (var note in document.Notes)
        {
            output.WriteLine(PlainText.Escaped($"[{note.N}] {note.Text}", keepLineBreaks: true));
            output.WriteLine();
        }
    }

    private static string Names(IReadOnlyList<PersonRef> people) => string.Join("; ", people.Select(p => p.Name));

    private static string? Dated(DateSpan span) => (span.Date ?? Range(span)) is { } shown ? span.Qualify(shown) : null;

    // The label says "written" already; only another way of writing (dictated, telegraphed) is worth a word.
    private static string? Mode(DateSpan span) => string.Equals(span.Mode, "written", StringComparison.OrdinalIgnoreCase) ? null : span.Mode;

    private static string? Range(DateSpan span)
        => span.NotBefore is null && span.NotAfter is null ? null : $"{span.NotBefore ?? "?"} – {span.NotAfter ?? "?"}";

    private static void Field(TextWriter output, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
            output.WriteLine($"{label,-13} {PlainText.Escaped(value)}");
    }
}
