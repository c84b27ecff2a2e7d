using System.Text.RegularExpressions;
using Verbatim.Formats.Common;
using Verbatim.Model;

namespace Verbatim.Formats.Mia;

/// <summary>Reads the fields of a <see cref="MiaPage"/> into a <see cref="Document"/>.</summary>
internal static partial class MiaDocumentBuilder
{
    // Labels the archive uses and Verbatim reads into fields; any other label is kept in the
    // header as written and reported, so a new label is noticed rather than lost.
    private static readonly HashSet<string> KnownLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "To", "Written", "Dictated", "Delivered", "Published", "First Published", "Source", "Translated",
        "Translation", "Transcription\\Markup", "Transcription/Markup", "Transcribed", "HTML Markup",
        "Public Domain", "Copyleft", "Copyright", "Other Formats", "Proofread",
    };

    // The site renders links after a field as bare words ("… as your source.README").
    [GeneratedRegex(@"\s*README\s*$")]
    private static partial Regex TrailingReadme();

    [GeneratedRegex(@"(?<hour>\d{1,2})[.:](?<minute>\d{2})\s*(?:hours|hrs\.?|h\b)", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"\[(?<n>\d+)\]")]
    private static partial Regex NoteMarker();

    [GeneratedRegex(@"^(?<mode>Written|Dictated|Typed|Delivered|Sent)\b(?:\s+by\s+(?<means>\w+))?", RegexOptions.IgnoreCase)]
    private static partial Regex Mode();

    public static Document Build(MiaPage page)
    {
        var warnings = new List<Diagnostic>(page.Warnings);
        var authors = new List<PersonRef>();
        if (page.AuthorLine is { } authorLine)
            authors.Add(PersonNames.Read(authorLine));

        var addressees = new List<PersonRef>();
        DateSpan? written = null;
        var published = new List<Publication>();
        string? printedFrom = null, rights = null;
        SourceEdition? source = null;
        var translators = new List<string>();
        var transcribers = new List<string>();
        var otherFormats = new List<string>();

        foreach (var (field, line) in page.Header)
        {
            var label = field.Label;
            var value = Whitespace.CollapseToLine(field.Value);
            switch (label.ToLowerInvariant())
            {
                case "to":
                    addressees.AddRange(SplitPeople(value).Select(p => PersonNames.Read(p)));
                    break;
                case "written" or "dictated" or "delivered":
                    written = ReadWritten(label, value);
                    break;
                case "published" or "first published":
                    var (publications, from) = PublicationHistory.Read(value);
                    published.AddRange(publications);
                    printedFrom ??= from;
                    break;
                case "source":
                    source = SourceCitations.Read(value);
                    break;
                case "translated" or "translation":
                    translators.AddRange(SplitPeople(value));
                    break;
                case "transcription\\markup" or "transcription/markup" or "transcribed" or "html markup":
                    transcribers.AddRange(SplitPeople(value));
                    break;
                case "public domain" or "copyleft" or "copyright":
                    rights = $"{label}: {TrailingReadme().Replace(value, "")}";
                    break;
                case "other formats":
                    otherFormats.AddRange(TrailingReadme().Replace(value, "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
                    break;
                default:
                    if (!KnownLabels.Contains(label))
                        warnings.Add(new Diagnostic($"unknown header label '{label}': kept in the header as written", page.FileName, line));
                    break;
            }
        }

        var bodyRaw = page.Body;
        var salutationAddressees = page.Body.Count > 0 && page.Body[0].Type == BlockType.Salutation
            ? AddresseesFromSalutation(page.Body[0].Text)
            : [];
        foreach (var person in salutationAddressees)
        {
            if (!addressees.Any(a => SameSurname(a, person)))
                addressees.Add(person);
        }

        // A letter whose header gives no date is dated by its closing dateline ("20.00 hours,
        // December 20, 1921."): one after the last paragraph of text. A dateline further up
        // belongs to a letter the text quotes, not to the page.
        var lastParagraph = bodyRaw.FindLastIndex(b => b.Type is BlockType.P or BlockType.Quote);
        var dateline = bodyRaw.Skip(lastParagraph + 1).LastOrDefault(b => b.Type == BlockType.Dateline);
        if ((written?.Date is null) && dateline.Text is not null && EnglishDates.Find(dateline.Text) is { } datelineDate)
        {
            var time = TimeOfDay().Match(dateline.Text);
            written = (written ?? new DateSpan()) with
            {
                Date = datelineDate.Iso,
                Precision = datelineDate.Precision,
                Time = time.Success ? $"{int.Parse(time.Groups["hour"].Value):00}:{time.Groups["minute"].Value}" : null,
                From = "dateline",
                Text = written?.Text is { } headerText ? headerText + " / " + Whitespace.CollapseToLine(dateline.Text) : Whitespace.CollapseToLine(dateline.Text),
            };
        }

        var body = Blocks.Build(bodyRaw);
        var bodyText = string.Join(Document.BlockSeparator, body.Select(b => b.Text));
        var notes = BuildNotes(page, bodyText, warnings);

        var kind = addressees.Count > 0 || salutationAddressees.Count > 0 ? DocumentKind.Letter
            : source is not null ? DocumentKind.Article
            : DocumentKind.Other;
        if (page.TitleLine is { } t && t.Contains("telegram", StringComparison.OrdinalIgnoreCase))
            kind = DocumentKind.Telegram;

        var title = page.TitleLine is { } titleLine ? Whitespace.CollapseToLine(titleLine)
            : addressees.Count > 0 ? "To " + string.Join(" and ", addressees.Select(a => a.Name))
            : body.Count > 0 ? string.Join(' ', body[0].Text.Split(' ').Take(8))
            : Path.GetFileNameWithoutExtension(page.FileName);

        var date = written?.Date ?? source?.Date ?? written?.NotBefore;
        return new Document
        {
            Id = DocumentIds.For(authors, date, kind == DocumentKind.Letter ? addressees : [], title),
            Title = title,
            Kind = kind,
            Language = "en",
            Authors = authors,
            Addressees = addressees,
            Written = written,
            Published = published,
            PrintedFrom = printedFrom,
            Source = source,
            Translators = translators,
            Transcribers = transcribers,
            Rights = rights,
            OtherFormats = otherFormats,
            Body = body,
            Notes = notes,
            Header = [.. page.Header.Select(h => h.Field)],
            Navigation = page.Navigation,
            Origin = new SourceInfo(page.Format, page.FileName),
            Warnings = warnings,
        };
    }

    private static DateSpan ReadWritten(string label, string value)
    {
        var mode = Mode().Match(value);
        var modeWord = (mode.Success ? mode.Groups["mode"].Value : label).ToLowerInvariant();
        var date = EnglishDates.Find(value);
        return new DateSpan
        {
            Date = date?.Iso,
            Precision = date?.Precision ?? DatePrecision.Day,
            Mode = modeWord,
            Means = mode.Groups["means"].Success ? mode.Groups["means"].Value : null,
            From = date is null ? null : "header",
            Text = value,
        };
    }

    private static List<Note> BuildNotes(MiaPage page, string bodyText, List<Diagnostic> warnings)
    {
        var anchors = new Dictionary<string, List<int>>();
        foreach (Match marker in NoteMarker().Matches(bodyText))
        {
            var n = marker.Groups["n"].Value;
            if (!anchors.TryGetValue(n, out var list))
                anchors[n] = list = [];
            list.Add(marker.Index);
        }
        var notes = new List<Note>();
        foreach (var (n, paragraphs, line) in page.Notes)
        {
            var text = string.Join(Document.BlockSeparator, paragraphs.Select(Whitespace.Collapse).Where(p => p.Length > 0));
            if (!anchors.TryGetValue(n, out var at))
            {
                at = [];
                warnings.Add(new Diagnostic($"note [{n}] has no marker in the body", page.FileName, line));
            }
            notes.Add(new Note(n, text, at));
        }
        foreach (var n in anchors.Keys.Where(n => page.Notes.All(note => note.N != n)))
            warnings.Add(new Diagnostic($"marker [{n}] in the body has no note", page.FileName));
        return notes;
    }

    /// <summary>"Comrade Zalutsky and Comrade Solts" is two people; "Comrade Lutovinov:" one.</summary>
    private static List<PersonRef> AddresseesFromSalutation(string salutation)
    {
        var text = Whitespace.CollapseToLine(salutation).TrimEnd(':', '!', ',', '.');
        if (!Regex.IsMatch(text, @"^(Comrades?|Dear|Esteemed|Respected)\b"))
            return [];
        var people = new List<PersonRef>();
        foreach (var part in SplitPeople(text))
        {
            var person = PersonNames.Read(part);
            // "Esteemed Comrades" names nobody.
            if (person.Name.Length > 0 && !Regex.IsMatch(person.Name, @"^(Comrades?|Friends?)$", RegexOptions.IgnoreCase))
                people.Add(person);
        }
        return people;
    }

    private static bool SameSurname(PersonRef a, PersonRef b)
        => string.Equals(PersonNames.Surname(a.Name), PersonNames.Surname(b.Name), StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> SplitPeople(string text)
        => Regex.Split(text, @"\s*(?:,|;|\band\b|&)\s*")
            .Select(p => p.Trim())
            .Where(p => p.Length > 0);
}
