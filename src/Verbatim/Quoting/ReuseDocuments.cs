using System.Globalization;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Storage.Catalog.Sqlite;
using Verbatim.Text.Reuse;

namespace Verbatim.Quoting;

/// <summary>Documents as the reuse detector sees them: the body text every offset points into, and a date to direct reuse by.</summary>
internal static class ReuseDocuments
{
    public static ReuseDocument Of(Document document) => new(document.Id, document.BodyText, DateOf(SqliteCatalog.AttestedDate(document)));

    /// <summary>The same document as the catalog holds it: the same body text, and the attested date the catalog keeps.</summary>
    public static ReuseDocument Of(CatalogText text) => new(text.Id, text.Body, DateOf(text.Attested));

    /// <summary>
    /// The catalog's attested date (written, else printed), read at its start: a month or a year alone counts as its first day.
    /// That errs towards calling an undated-within-the-year text the earlier one; two texts of the
    /// same day (or same start) are left undetermined by the detector.
    /// </summary>
    private static DateOnly? DateOf(string? date)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return date is not null && DateOnly.TryParseExact(date, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;
    }

    public static string DirectionName(ReuseDirection direction) => direction switch
    {
        ReuseDirection.ByDate => "by-date",
        ReuseDirection.WithinDocument => "within-document",
        _ => "undetermined",
    };
}
