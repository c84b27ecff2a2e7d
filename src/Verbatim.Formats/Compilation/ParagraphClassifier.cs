using System.Text.RegularExpressions;
using Verbatim.Formats.Common;
using Verbatim.Model;

namespace Verbatim.Formats.Compilation;

/// <summary>
/// Reads what each paragraph of a compilation page is from its own words: a source line, a
/// shelfmark, an attribution, a byline, a dateline, a short title-like line, prose. Where the
/// paragraph stands (which decides title, heading or caption) is <see cref="ItemSplitter"/>'s work.
/// </summary>
internal static partial class ParagraphClassifier
{
    private const int ShortMaxWords = 20;
    private const int ShortMaxChars = 150;
    private const int NameMaxWords = 5;

    [GeneratedRegex(@"^(?:No\.|№)\s*\d+\.?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?<label>Sources?|Courtesy)\s*:\s*(?<value>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Labelled();

    [GeneratedRegex(@"^(?<label>Available\s+(?:at|from)|Retrieved\s+from)\s+(?<value>https?://\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex Available();

    [GeneratedRegex(@"^(?<name>[^\d()]{2,60}?)\s*\((?<year>1\d{3}|20\d{2})\)\s*(?:[.,;:]\s*(?<work>.*))?$")]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(?:Printed\s+and\s+published|Published\s+and\s+printed|Printed|Published)\s+by\b", RegexOptions.IgnoreCase)]
    private static partial Regex Imprint();

    [GeneratedRegex(@"^(?:Paper|Speech|Lecture|Talk|Address|Report)\s+(?:presented|delivered|given|read|made)\s+(?:at|to|before)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProvenanceNote();

    [GeneratedRegex(@"^\[.*\]\.?$", RegexOptions.Singleline)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^Translated\b.{0,80}?\bby\s+(?<name>\p{Lu}.+?)\.?$")]
    private static partial Regex Translator();

    [GeneratedRegex(@"^[Bb]y\s+(?<name>[^,]+?)\s*(?:,\s*(?<about>.+?))?\s*$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^[-–—•*]\s+\S")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^To\s+(?:the\s+)?\p{Lu}")]
    private static partial Regex Address();

    // Scraped pages leave a picture's alt text glued to the word "Image" ("Maria UlyanovaImage").
    [GeneratedRegex(@"\p{Ll}Image$")]
    private static partial Regex AltText();

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "on", "in", "to", "at", "by", "for", "with", "and", "or", "but", "from", "into",
        "across", "about", "as", "that", "which", "who", "is", "was", "are", "were", "be", "not", "this",
        "these", "those", "his", "her", "their", "its", "our", "my", "your",
    };

    private static readonly string[] SalutationWords =
        ["Comrade", "Comrades", "Dear", "My dear", "Respected", "Esteemed", "Sir", "Madam", "Gentlemen"];

    // Words that may join names in a caption ("Krupskaya and Stalin").
    private static readonly HashSet<string> CaptionJoiners = new(StringComparer.Ordinal) { "and", "&", "with" };

    private const string OpeningQuotes = "“”„‘’\"«'`";

    public static PageParagraph Classify(int index, Paragraph paragraph)
    {
        var line = Whitespace.CollapseToLine(paragraph.Text);
        var lineCount = paragraph.Text.Count(c => c == '\n') + 1;
        var kind = KindOf(line, lineCount);
        var altText = lineCount == 1 && AltText().IsMatch(line);
        return new PageParagraph(index, paragraph.Text, line, paragraph.Line, paragraph.Line + lineCount - 1, kind)
        {
            AltText = altText,
            CaptionLike = altText || (kind == ParagraphKind.Short && IsCaptionLike(line)),
            NameLine = lineCount == 1 && IsNameLine(line),
        };
    }

    /// <summary>Whether a single line ends an item: a source, courtesy or "available at" line or a shelfmark.</summary>
    public static bool IsCloserLine(string rawLine)
    {
        var line = rawLine.Trim();
        if (line.Length == 0 || line.Length > 400)
            return false;
        return Labelled().IsMatch(line) || Available().IsMatch(line) || IsShelfmark(line);
    }

    private static ParagraphKind KindOf(string line, int lineCount)
    {
        if (Number().IsMatch(line)) return ParagraphKind.Number;
        if (Labelled().Match(line) is { Success: true } labelled)
            return labelled.Groups["label"].Value.StartsWith("Source", StringComparison.OrdinalIgnoreCase) ? ParagraphKind.SourceLine : ParagraphKind.CourtesyLine;
        if (Available().IsMatch(line)) return ParagraphKind.AvailableLine;
        if (IsShelfmark(line)) return ParagraphKind.Shelfmark;
        if (ReadAttribution(line) is not null) return ParagraphKind.Attribution;
        if (Imprint().IsMatch(line)) return ParagraphKind.Imprint;
        if (ProvenanceNote().IsMatch(line)) return ParagraphKind.ProvenanceNote;
        if (Bracketed().IsMatch(line)) return ParagraphKind.Editorial;
        if (WordCount(line) <= 15 && Translator().IsMatch(line)) return ParagraphKind.Translator;
        if (lineCount == 1 && ReadByline(line) is not null) return ParagraphKind.Byline;
        if (lineCount == 1 && WholeLineDate(line) is not null) return ParagraphKind.Dateline;
        if (lineCount == 1 && ReadDatedSignature(line) is not null) return ParagraphKind.DatedSignature;
        if (ListItem().IsMatch(line)) return ParagraphKind.List;
        if (lineCount == 1 && IsSalutation(line)) return ParagraphKind.Salutation;
        if (lineCount == 1 && Address().IsMatch(line) && WordCount(line) <= 12 && !line.EndsWith('.')) return ParagraphKind.Address;
        if (lineCount <= 2 && IsShort(line)) return ParagraphKind.Short;
        return OpeningQuotes.Contains(line[0]) ? ParagraphKind.Quote : ParagraphKind.Prose;
    }

    // A shelfmark stands on its own line; a long paragraph that merely ends with one is prose.
    private static bool IsShelfmark(string line) => line.Length <= 200 && line.Contains("Op.") && Shelfmarks.LooksLikeShelfmark(line);

    /// <summary>"V. I. LENIN (1903)", "Kim Jong il (1996), “Respecting …”": the name, the year and the work.</summary>
    public static (string Name, string Year, string? Work)? ReadAttribution(string line)
    {
        var m = Attribution().Match(line);
        if (!m.Success || !IsNamePhrase(m.Groups["name"].Value))
            return null;
        var work = m.Groups["work"].Success && m.Groups["work"].Value.Trim().Length > 0 ? m.Groups["work"].Value.Trim() : null;
        return (m.Groups["name"].Value.Trim(), m.Groups["year"].Value, work);
    }

    /// <summary>"by ANDREW ROTHSTEIN, author of …", "By Prof. Vijay Singh": the name.</summary>
    public static string? ReadByline(string line)
    {
        var m = Byline().Match(line);
        if (!m.Success || WordCount(line) > 15)
            return null;
        var name = m.Groups["name"].Value.Trim();
        return IsNamePhrase(name) ? name : null;
    }

    public static string? ReadTranslator(string line)
        => Translator().Match(line) is { Success: true } m ? m.Groups["name"].Value.Trim() : null;

    /// <summary>The label and value of a "Source:", "Courtesy:" or "Available at" line.</summary>
    public static (string Label, string Value)? ReadLabelled(string line)
    {
        if (Labelled().Match(line) is { Success: true } m)
            return (Whitespace.CollapseToLine(m.Groups["label"].Value), m.Groups["value"].Value.Trim());
        if (Available().Match(line) is { Success: true } a)
            return (Whitespace.CollapseToLine(a.Groups["label"].Value), a.Groups["value"].Value.Trim());
        return null;
    }

    /// <summary>
    /// A line that is a day's date, with at most a short place name before it ("7th March, 1923.",
    /// "Moscow, 7th March, 1923"); a name after the date makes it a dated signature instead.
    /// </summary>
    public static DateMatch? WholeLineDate(string line)
    {
        var date = EnglishDates.Find(line);
        if (date is not { Precision: DatePrecision.Day })
            return null;
        if (line[(date.Index + date.Length)..].Trim(' ', '.', ',', ';', ':').Length > 0)
            return null;
        var place = line[..date.Index].Trim(' ', '.', ',', ';', ':');
        if (place.Length == 0)
            return date;
        return WordCount(place) <= 3 && !place.Any(char.IsDigit) && IsNamePhrase(place) ? date : null;
    }

    /// <summary>"26th July 1926. M. Ulyanova.": a date, then the signer's name.</summary>
    public static (DateMatch Date, string Name)? ReadDatedSignature(string line)
    {
        var date = EnglishDates.Find(line);
        if (date is not { Precision: DatePrecision.Day, Index: 0 })
            return null;
        var name = line[date.Length..].Trim().TrimStart('.', ',', ';').Trim();
        return name.Length > 0 && IsNameLine(name) ? (date, name) : null;
    }

    /// <summary>A personal name on its own: at most five words, each an initial or capitalised.</summary>
    public static bool IsNameLine(string line)
    {
        var name = line.Trim().TrimEnd('.').Trim();
        return name.Length > 0 && WordCount(name) <= NameMaxWords && !name.Any(char.IsDigit) && PersonNames.LooksLikeName(name);
    }

    /// <summary>
    /// A short phrase that can be a name: one to five words, the first capitalised, none of them a
    /// function word or a possessive ("Kim Jong il", "V. I. LENIN"; not "Lenin’s Wife", "The Revolution").
    /// </summary>
    public static bool IsNamePhrase(string text)
    {
        var words = Words(text);
        if (words.Length is 0 or > NameMaxWords || !char.IsUpper(words[0][0]))
            return false;
        foreach (var word in words)
        {
            var bare = word.Trim('.', ',', ';', ':');
            if (StopWords.Contains(bare) || bare.Any(char.IsDigit) || bare.EndsWith("’s", StringComparison.Ordinal) || bare.EndsWith("'s", StringComparison.Ordinal))
                return false;
        }
        return words.Any(w => w.Count(char.IsLetter) >= 2);
    }

    private static bool IsSalutation(string line)
    {
        if (WordCount(line) > 6 || line[^1] is not ('!' or ',' or ':'))
            return false;
        var words = line.TrimEnd('!', ',', ':').Trim();
        return SalutationWords.Any(s => words.StartsWith(s + " ", StringComparison.Ordinal) || words == s) || IsNameLine(words);
    }

    // A title, heading or caption: short, capitalised, not ending as a sentence or clause does, and
    // not ending on a function word (a line cut off mid-sentence ends "… across" or "… by the").
    private static bool IsShort(string line)
    {
        if (line.Length > ShortMaxChars || WordCount(line) > ShortMaxWords)
            return false;
        if (!(char.IsUpper(line[0]) || char.IsDigit(line[0])))
            return false;
        if (line[^1] is '.' or ',' or ';' or ':' or '-' or '–' or '—')
            return false;
        var words = Words(line);
        return !StopWords.Contains(words[^1].Trim('.', ',', ';', ':', '(', ')'));
    }

    private static bool IsCaptionLike(string line)
    {
        var words = Words(line);
        if (words.Length > 6 || line.Any(char.IsDigit))
            return false;
        return words.All(w => char.IsUpper(w[0]) || CaptionJoiners.Contains(w));
    }

    public static int WordCount(string text) => Words(text).Length;

    private static string[] Words(string text) => text.Split([' ', '\u00A0'], StringSplitOptions.RemoveEmptyEntries);
}
