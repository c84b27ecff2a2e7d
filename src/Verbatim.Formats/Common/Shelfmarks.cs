using System.Text.RegularExpressions;
using Verbatim.Model;

namespace Verbatim.Formats.Common;

/// <summary>
/// Reads Russian archival shelfmarks as editions print them:
/// "(Ts PA IML, F. 17, Op. 2, D. 246, Vyp. IV; Tipografskii tekst)" or
/// "(Ts P A IML, F. 2, Op. 1, D. 26004, l. 3; avtograf.)".
/// </summary>
public static partial class Shelfmarks
{
    [GeneratedRegex(@"\(?\s*(?<repo>[^,()]*?)\s*,\s*F\.\s*(?<fond>[\w-]+)\s*,\s*Op\.\s*(?<opis>[\w-]+)\s*,\s*D\.\s*(?<delo>[\w-]+)(?:\s*,\s*Vyp\.\s*(?<issue>[\w-]+))?(?:\s*,\s*ll?\.\s*(?<folios>[\w\s,ob.–-]+?))?\s*(?:;\s*(?<form>[^)]*?))?\s*\.?\s*\)?\.?\s*$")]
    private static partial Regex Shelfmark();

    public static bool LooksLikeShelfmark(string line) => Shelfmark().IsMatch(Whitespace.CollapseToLine(line));

    public static ArchivalRef? Read(string text)
    {
        var line = Whitespace.CollapseToLine(text).Trim();
        var m = Shelfmark().Match(line);
        if (!m.Success)
            return null;
        string? Group(string name) => m.Groups[name].Success && m.Groups[name].Value.Trim().Length > 0 ? m.Groups[name].Value.Trim() : null;
        return new ArchivalRef
        {
            Repository = NormaliseRepository(Group("repo")),
            Fond = Group("fond"),
            Opis = Group("opis"),
            Delo = Group("delo"),
            Issue = Group("issue"),
            Folios = Group("folios"),
            Form = ReadForm(Group("form")),
            Text = line,
        };
    }

    // "Ts P A IML" and "Ts PA IML" name one archive (Central Party Archive of the Institute of
    // Marxism-Leninism); the spaced letters are a typesetting variant.
    private static string? NormaliseRepository(string? repository)
        => repository is null ? null : Regex.Replace(repository, @"\b(\p{Lu}) (?=\p{Lu}\b)", "$1");

    public static ArchivalForm? ReadForm(string? text)
    {
        if (text is null) return null;
        var word = text.Trim().TrimEnd('.').ToLowerInvariant();
        return word switch
        {
            _ when word.StartsWith("avtograf", StringComparison.Ordinal) || word.StartsWith("autograph", StringComparison.Ordinal) => ArchivalForm.Autograph,
            _ when word.StartsWith("mashinopis", StringComparison.Ordinal) || word.StartsWith("typescript", StringComparison.Ordinal) || word.StartsWith("typewritten", StringComparison.Ordinal) => ArchivalForm.Typescript,
            _ when word.StartsWith("tipograf", StringComparison.Ordinal) || word.StartsWith("printed", StringComparison.Ordinal) => ArchivalForm.Printed,
            _ when word.StartsWith("kopi", StringComparison.Ordinal) || word.StartsWith("copy", StringComparison.Ordinal) => ArchivalForm.Copy,
            _ => null,
        };
    }
}
