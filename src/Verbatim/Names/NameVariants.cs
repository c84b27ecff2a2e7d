using Verbatim.Model;

namespace Verbatim.Names;

/// <summary>
/// The archive owner's corrections to the clusters of names, as a text file kept in the store:
/// <c>Preferred name = variant = variant</c> makes one entity of every entity these names belong to,
/// named by the first; <c>name != name</c> keeps two names in separate entities. A name is matched
/// as written (case and accents aside) or by its authority URI. <c>#</c> starts a comment.
/// </summary>
public sealed record NameVariants(IReadOnlyList<IReadOnlyList<string>> Joins, IReadOnlyList<(string A, string B)> Splits)
{
    public const string FileName = "name-variants.txt";

    public static NameVariants None { get; } = new([], []);

    /// <summary>The rules of the file, or every line that is not one, located; a file with any bad line gives no rules.</summary>
    public static (NameVariants Variants, IReadOnlyList<Diagnostic> Errors) Parse(string text, string fileName)
    {
        var joins = new List<IReadOnlyList<string>>();
        var splits = new List<(string, string)>();
        var errors = new List<Diagnostic>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
                line = line[..hash];
            line = line.Trim();
            if (line.Length == 0)
                continue;
            if (line.Contains("!=", StringComparison.Ordinal))
            {
                var parts = line.Split("!=").Select(p => p.Trim()).ToList();
                if (parts.Count != 2 || parts.Any(p => p.Length == 0))
                    errors.Add(new Diagnostic("a split is two names with != between them: \"Name != Other name\"", fileName, i + 1));
                else
                    splits.Add((parts[0], parts[1]));
            }
            else if (line.Contains('=', StringComparison.Ordinal))
            {
                var parts = line.Split('=').Select(p => p.Trim()).ToList();
                if (parts.Any(p => p.Length == 0))
                    errors.Add(new Diagnostic("an empty name in a join: \"Preferred name = variant = variant\"", fileName, i + 1));
                else
                    joins.Add(parts);
            }
            else
            {
                errors.Add(new Diagnostic($"not a rule: \"{line}\" (a join is \"Preferred = variant\", a split \"Name != Other name\")", fileName, i + 1));
            }
        }
        return errors.Count > 0 ? (None, errors) : (new NameVariants(joins, splits), []);
    }
}
