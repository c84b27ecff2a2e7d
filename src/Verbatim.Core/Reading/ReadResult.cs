using Verbatim.Model;

namespace Verbatim.Reading;

/// <summary>What reading one file gave: documents, or located errors saying why none.</summary>
public sealed record ReadResult(IReadOnlyList<Document> Documents, IReadOnlyList<Diagnostic> Errors)
{
    public bool Succeeded => Errors.Count == 0 && Documents.Count > 0;

    public static ReadResult Of(params Document[] documents) => new(documents, []);

    public static ReadResult Failed(Diagnostic error) => new([], [error]);
}
