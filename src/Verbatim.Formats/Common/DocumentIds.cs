using System.Globalization;
using System.Text;
using Verbatim.Model;

namespace Verbatim.Formats.Common;

/// <summary>
/// Builds the readable, stable ids of DESIGN.md ("lenin-1921-10-20-to-stalin") from what a document
/// says of itself, so the same source gives the same id on every ingest.
/// </summary>
public static class DocumentIds
{
    private const int TitleWords = 6;

    public static string For(IReadOnlyList<PersonRef> authors, string? date, IReadOnlyList<PersonRef> addressees, string title)
    {
        var parts = new List<string>();
        if (authors.Count > 0)
            parts.Add(Slug(PersonNames.Surname(authors[0].Name)));
        if (!string.IsNullOrEmpty(date))
            parts.Add(date);
        if (addressees.Count > 0)
            parts.Add("to-" + string.Join("-and-", addressees.Select(a => Slug(PersonNames.Surname(a.Name)))));
        else
            parts.Add(Slug(string.Join(' ', title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(TitleWords))));
        var id = string.Join('-', parts.Where(p => p.Length > 0));
        return id.Length > 0 ? id : "untitled";
    }

    /// <summary>Lower-case ASCII letters and digits joined by single hyphens; accents dropped.</summary>
    public static string Slug(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var hyphen = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (c is '\'' or '’')
                continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (hyphen && builder.Length > 0) builder.Append('-');
                builder.Append(lower);
                hyphen = false;
            }
            else if (lower == 'ß')
            {
                builder.Append("ss");
            }
            else
            {
                hyphen = true;
            }
        }
        return builder.ToString();
    }
}
