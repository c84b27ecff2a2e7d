using Verbatim.Access;
using Verbatim.Text.Testimonies;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Pages;

/// <summary>What the testimonies page and API answer: the comparison and its two documents, or the first side the viewer finds no document for.</summary>
public sealed record TestimoniesAnswer(TestimonyComparison? Comparison, Model.Document? A, Model.Document? B, (string Id, int? Version)? Missing);

/// <summary>
/// The testimonies page's and API's query: two stored documents (a, b), the version of each
/// (av, bv; the head where none), and the part of each body text to take (ar, br: FROM-TO).
/// </summary>
public sealed record TestimoniesForm(string? A, int? Av, string? Ar, string? B, int? Bv, string? Br)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(A) || string.IsNullOrWhiteSpace(B);

    public string IdA => A?.Trim() ?? "";

    public string IdB => B?.Trim() ?? "";

    /// <summary>"ID" or "ID@VERSION", as the command line names a witness.</summary>
    public static string Name(string id, int? version) => version is { } v ? $"{id}@{v}" : id;

    /// <summary>
    /// Reads both sides as the viewer may see them and compares them. A document the viewer may
    /// not see is missing exactly as one that does not exist.
    /// </summary>
    /// <exception cref="Archiving.ArchiveException">A range is not FROM-TO or reaches past its text.</exception>
    public TestimoniesAnswer Answer(ReadingRoom room, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(room);
        if (room.Read(viewer, IdA, Av) is not { } a)
            return new TestimoniesAnswer(null, null, null, (IdA, Av));
        if (room.Read(viewer, IdB, Bv) is not { } b)
            return new TestimoniesAnswer(null, null, null, (IdB, Bv));
        var comparison = Collating.Testimonies.Compare(Name(IdA, Av), a.Document.BodyText, Ar, Name(IdB, Bv), b.Document.BodyText, Br);
        return new TestimoniesAnswer(comparison, a.Document, b.Document, null);
    }

    /// <summary>The same question asked of the JSON API.</summary>
    public string ApiLink => "/api" + Links.Testimonies(IdA, Av, Ar, IdB, Bv, Br);
}
