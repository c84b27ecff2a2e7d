using System.Globalization;

namespace Verbatim.Access;

/// <summary>How far a document is open. Editors and admins see every document whatever its access; these rules are for everyone else.</summary>
public enum AccessKind
{
    /// <summary>Seen by everyone, signed in or not: every document unless an editor says otherwise.</summary>
    Open,

    /// <summary>Seen only by researchers of the named groups.</summary>
    Restricted,

    /// <summary>Closed to all until a day, from which it is open by itself.</summary>
    Embargoed,

    /// <summary>Kept in the store and shown to no one but editors, with the reason.</summary>
    Withdrawn,
}

/// <summary>
/// Who may see one document: kept in the store beside the document (access.json), so that a copy
/// of the store carries it, and versioned with the editor and the reason of each change.
/// </summary>
public sealed record DocumentAccess
{
    public AccessKind Kind { get; init; }

    /// <summary>The groups a restricted document is open to; empty for any other kind.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The first day (UTC) on which an embargoed document is open.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Why a document was withdrawn, for the editors who still see it.</summary>
    public string? Reason { get; init; }

    public static DocumentAccess Open { get; } = new();

    public static DocumentAccess RestrictedTo(IEnumerable<string> groups)
    {
        var named = groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (named.Count == 0)
            throw new ArgumentException("a restricted document must be open to at least one group", nameof(groups));
        return new DocumentAccess { Kind = AccessKind.Restricted, Groups = named };
    }

    public static DocumentAccess EmbargoedUntil(DateOnly until) => new() { Kind = AccessKind.Embargoed, Until = until };

    public static DocumentAccess WithdrawnBecause(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new ArgumentException("a withdrawal needs its reason", nameof(reason))
            : new DocumentAccess { Kind = AccessKind.Withdrawn, Reason = reason.Trim() };

    /// <summary>Whether everyone may see the document on this day.</summary>
    public bool IsOpenOn(DateOnly today) => Kind == AccessKind.Open || (Kind == AccessKind.Embargoed && today >= Until);

    /// <summary>Open on every day to come: an open document, or an embargo already over. Only the others need keeping apart.</summary>
    public bool IsOpen => Kind == AccessKind.Open;

    /// <summary>
    /// Reads an access as the command line and the upload form write it: <c>open</c>,
    /// <c>restricted:GROUP[,GROUP...]</c>, <c>embargoed:YYYY-MM-DD</c> or <c>withdrawn:REASON</c>.
    /// </summary>
    public static (DocumentAccess? Access, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var (word, rest) = colon < 0 ? (text.Trim(), "") : (text[..colon].Trim(), text[(colon + 1)..].Trim());
        switch (word.ToLowerInvariant())
        {
            case "open" when rest.Length == 0:
                return (Open, null);
            case "restricted":
                var groups = rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (groups.Length == 0)
                    return (null, "restricted needs the groups it is open to: restricted:GROUP[,GROUP...]");
                if (groups.FirstOrDefault(g => !IsGroupName(g)) is { } bad)
                    return (null, $"'{bad}' is not a group name (letters, digits, '-', '_' and '.')");
                return (RestrictedTo(groups), null);
            case "embargoed":
                return DateOnly.TryParseExact(rest, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)
                    ? (EmbargoedUntil(until), null)
                    : (null, "embargoed needs the day it opens: embargoed:YYYY-MM-DD");
            case "withdrawn":
                return rest.Length == 0 ? (null, "withdrawn needs its reason: withdrawn:REASON") : (WithdrawnBecause(rest), null);
            default:
                return (null, $"'{text}' is not an access: open, restricted:GROUP[,GROUP...], embargoed:YYYY-MM-DD or withdrawn:REASON");
        }
    }

    /// <summary>A group's name: what a URL, a command line and a log line carry without quoting.</summary>
    public static bool IsGroupName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The access as <see cref="Parse"/> reads it.</summary>
    public override string ToString() => Kind switch
    {
        AccessKind.Restricted => "restricted:" + string.Join(',', Groups),
        AccessKind.Embargoed => "embargoed:" + Until!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        AccessKind.Withdrawn => "withdrawn:" + Reason,
        _ => "open",
    };

    /// <summary>The access in words, for pages and messages.</summary>
    public string Describe() => Kind switch
    {
        AccessKind.Restricted => "restricted to " + string.Join(", ", Groups),
        AccessKind.Embargoed => "embargoed until " + Until!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        AccessKind.Withdrawn => "withdrawn: " + Reason,
        _ => "open",
    };

    public bool Equals(DocumentAccess? other) =>
        other is not null && Kind == other.Kind && Until == other.Until && Reason == other.Reason && Groups.SequenceEqual(other.Groups, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Until, Reason, Groups.Count);
}
