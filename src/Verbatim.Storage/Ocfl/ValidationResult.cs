using Verbatim.Storing;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// One finding of the validator. <see cref="Code"/> is the OCFL validation code (E001–E112 for a
/// MUST, W001–W016 for a SHOULD) or, for the implementation-specific INFO level, an I-code of this
/// validator. <see cref="Location"/> is the path, relative to what was validated and with '/'
/// separators, of the file or directory the finding is about ("" for the root itself).
/// </summary>
public sealed record ValidationIssue(string Code, string Location, string Message)
{
    public AuditFinding ToFinding() => new(Code, Message, Location);

    public override string ToString()
        => Location.Length == 0 ? $"{Code}: {Message}" : $"{Code} {Location}: {Message}";
}

/// <summary>
/// What validating an OCFL object or storage root found. Valid means no errors; warnings and infos
/// never make a result invalid.
/// </summary>
public sealed class ValidationResult
{
    /// <summary>INFO code: a fixity algorithm this build cannot compute, so its values were not checked.</summary>
    public const string UnsupportedAlgorithm = "I001";

    /// <summary>INFO code: a fixity algorithm neither the specification nor a registered extension names.</summary>
    public const string UnknownAlgorithm = "I002";

    /// <summary>INFO code: a storage layout's configuration could not be used, so object placement was not checked.</summary>
    public const string LayoutNotChecked = "I003";

    private readonly List<ValidationIssue> _errors = [];
    private readonly List<ValidationIssue> _warnings = [];
    private readonly List<ValidationIssue> _infos = [];

    public IReadOnlyList<ValidationIssue> Errors => _errors;

    public IReadOnlyList<ValidationIssue> Warnings => _warnings;

    public IReadOnlyList<ValidationIssue> Infos => _infos;

    public bool Valid => _errors.Count == 0;

    /// <summary>How many object roots were validated.</summary>
    public int ObjectsChecked { get; private set; }

    /// <summary>How many content files of root manifests were found on disk (and, where asked, digested).</summary>
    public int ContentFilesChecked { get; private set; }

    /// <summary>The distinct error and warning codes, sorted; what a caller usually asserts on.</summary>
    public IReadOnlySet<string> Codes
        => new SortedSet<string>(_errors.Concat(_warnings).Select(i => i.Code), StringComparer.Ordinal);

    public bool Has(string code)
        => _errors.Exists(i => i.Code == code) || _warnings.Exists(i => i.Code == code) || _infos.Exists(i => i.Code == code);

    public override string ToString()
        => string.Join('\n', _errors.Concat(_warnings).Concat(_infos));

    internal void Error(string code, string location, string message) => _errors.Add(new(code, location, message));

    internal void Warning(string code, string location, string message) => _warnings.Add(new(code, location, message));

    internal void Info(string code, string location, string message) => _infos.Add(new(code, location, message));

    internal void CountObject() => ObjectsChecked++;

    internal void CountContentFiles(int count) => ContentFilesChecked += count;

    /// <summary>Takes in the findings of a nested validation, their locations made relative to this one.</summary>
    internal void AddAll(ValidationResult inner, string prefix)
    {
        _errors.AddRange(inner._errors.Select(i => i with { Location = OcflPaths.Join(prefix, i.Location) }));
        _warnings.AddRange(inner._warnings.Select(i => i with { Location = OcflPaths.Join(prefix, i.Location) }));
        _infos.AddRange(inner._infos.Select(i => i with { Location = OcflPaths.Join(prefix, i.Location) }));
        ObjectsChecked += inner.ObjectsChecked;
        ContentFilesChecked += inner.ContentFilesChecked;
    }
}
