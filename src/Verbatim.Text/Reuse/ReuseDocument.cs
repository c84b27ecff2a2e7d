namespace Verbatim.Text.Reuse;

/// <summary>
/// A document to search for reuse: its id, its text (offsets point into it) and what is known of
/// when it was written. <see cref="Date"/> is the earliest it can have been written (null: unknown);
/// <see cref="ExistedBy"/> the latest date by which it existed (the end of its date of writing, else
/// a printing), <see cref="Date"/> where not given.
/// </summary>
public sealed record ReuseDocument(string Id, string Text, DateOnly? Date = null, DateOnly? ExistedBy = null)
{
    /// <summary>The latest date the text can have been written by (null: unknown).</summary>
    public DateOnly? Latest => ExistedBy ?? Date;

    /// <summary>
    /// Whether this text existed before <paramref name="other"/> can have been written, so that
    /// only this one can be the other's source. A text whose date of writing is unknown is never
    /// the later one: a printing bounds a writing from above, never from below.
    /// </summary>
    public bool IsBefore(ReuseDocument other) => Latest is { } latest && other.Date is { } earliest && latest < earliest;
}
