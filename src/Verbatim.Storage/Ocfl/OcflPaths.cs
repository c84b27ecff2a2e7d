using System.Globalization;
using System.Text.RegularExpressions;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// The rules OCFL sets for logical paths (3.5.3.1), content paths (3.5.2), version directory names
/// (3.3) and URIs, as pure functions over strings.
/// </summary>
internal static partial class OcflPaths
{
    public static string Join(string a, string b)
        => a.Length == 0 ? b : b.Length == 0 ? a : a + "/" + b;

    /// <summary>Codes for a logical path breaking the path rules: E053 (leading or trailing '/'), E052 (an element '.', '..' or empty).</summary>
    public static IReadOnlyList<string> LogicalPathProblems(string path) => PathProblems(path, "E053", "E052");

    /// <summary>Codes for a content path breaking the path rules: E100 (leading or trailing '/'), E099 (an element '.', '..' or empty).</summary>
    public static IReadOnlyList<string> ContentPathProblems(string path) => PathProblems(path, "E100", "E099");

    private static List<string> PathProblems(string path, string edgeCode, string elementCode)
    {
        var codes = new List<string>(2);
        var inner = path;
        if (inner.StartsWith('/') || inner.EndsWith('/'))
        {
            codes.Add(edgeCode);
            // One slash at each edge is the edge problem; whatever is left is judged element by element,
            // so "//a" breaks both rules and "/a" only the first.
            inner = inner.StartsWith('/') ? inner[1..] : inner;
            inner = inner.EndsWith('/') ? inner[..^1] : inner;
        }
        if (inner.Split('/').Any(e => e is "" or "." or ".."))
            codes.Add(elementCode);
        return codes;
    }

    /// <summary>
    /// Paths that appear twice, and paths that another path uses as a directory ("a" beside "a/b"):
    /// both break "unique and non-conflicting" (E095 for logical paths, E101 for content paths).
    /// </summary>
    public static (IReadOnlyList<string> Duplicates, IReadOnlyList<string> Conflicts) FindClashes(IEnumerable<string> paths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (!seen.Add(path))
                duplicates.Add(path);
        }
        var conflicts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in seen)
        {
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                if (seen.Contains(path[..slash]))
                    conflicts.Add(path[..slash]);
            }
        }
        return ([.. duplicates], [.. conflicts]);
    }

    /// <summary>An absolute URI in the sense of RFC 3986: a scheme, a colon, and no whitespace.</summary>
    public static bool IsUri(string value) => UriPattern().IsMatch(value);

    /// <summary>
    /// Parses a version directory name "v" + positive base-ten integer. <paramref name="paddedWidth"/>
    /// is the digit count when the number is zero-padded (a leading zero), else 0.
    /// </summary>
    public static bool TryParseVersion(string name, out int number, out int paddedWidth)
    {
        number = 0;
        paddedWidth = 0;
        var match = VersionPattern().Match(name);
        if (!match.Success)
            return false;
        var digits = match.Groups[1].Value;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1)
            return false;
        paddedWidth = digits.Length > 1 && digits[0] == '0' ? digits.Length : 0;
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:\S*\z", RegexOptions.CultureInvariant)]
    private static partial Regex UriPattern();

    [GeneratedRegex(@"^v([0-9]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
