namespace Verbatim.Searching;

/// <summary>One stored version of a document as the catalog keeps it for harvesters: when it was made, and the access it had.</summary>
/// <param name="Access">The version's access in its written form (<see cref="Access.DocumentAccess.ToString"/>): "open" where the version had no rule.</param>
public sealed record CatalogVersion(int Number, DateTimeOffset Created, string Access);

/// <summary>
/// A page of the archive as it stood at <see cref="AsOf"/>: every document at its latest version
/// made by then, in order of that version's time and then of id, the order that lets a harvest
/// go on where it stopped whatever is written meanwhile.
/// </summary>
public sealed record HarvestQuery(DateTimeOffset AsOf)
{
    /// <summary>The earliest version time admitted (inclusive); null for no bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>The latest version time admitted (inclusive); null for no bound.</summary>
    public DateTimeOffset? Until { get; init; }

    public HarvestSet? Set { get; init; }

    /// <summary>Only letters that CMIF can describe: a document with an author and an addressee, not a compilation.</summary>
    public bool CorrespondenceOnly { get; init; }

    /// <summary>Documents left out: those the asking viewer may not see and was never shown.</summary>
    public IReadOnlySet<string>? Hidden { get; init; }

    /// <summary>Where the previous page ended: only entries after it, in the harvest's order.</summary>
    public HarvestEntry? After { get; init; }

    public int Limit { get; init; } = 100;
}

/// <summary>The documents of one facet's values: a collection, a volume of one (its key the collection and volume joined by <see cref="HarvestSet.VolumeSeparator"/>), an author by name key, or a kind.</summary>
public sealed record HarvestSet(string Facet, IReadOnlyList<string> Keys)
{
    public const string Collection = "collection";
    public const string Volume = "volume";
    public const string Author = "author";
    public const string Kind = "kind";
    public const char VolumeSeparator = '\u001F';
}

/// <summary>A document at the version a harvest gives, with that version's time.</summary>
public sealed record HarvestEntry(string Id, int Version, DateTimeOffset Created);

/// <summary>A value of a facet that some document has: what a set of the harvest is made of.</summary>
/// <param name="Key">What <see cref="HarvestSet.Keys"/> names it by.</param>
/// <param name="Label">How it is shown.</param>
public sealed record SetValue(string Facet, string Key, string Label);
