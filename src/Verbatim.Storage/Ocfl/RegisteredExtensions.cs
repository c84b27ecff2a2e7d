namespace Verbatim.Storage.Ocfl;

/// <summary>
/// Extension names adopted in the OCFL community extensions repository (its docs/index.md), the
/// "registered extension names" the specification means for W013, W016 and E071. A name added there
/// later is not known here until this list is updated.
/// </summary>
internal static class RegisteredExtensions
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "0001-digest-algorithms",
        "0002-flat-direct-storage-layout",
        "0003-hash-and-id-n-tuple-storage-layout",
        HashedNTupleLayout.ExtensionName,
        "0005-mutable-head",
        "0006-flat-omit-prefix-storage-layout",
        "0007-n-tuple-omit-prefix-storage-layout",
        "0008-schema-registry",
        "0009-digest-algorithms",
        // The extensions repository lets an extension directory be named "initial" (its optional
        // initial extension) in place of a registered name.
        "initial",
    };

    public static bool Contains(string name) => Names.Contains(name);
}
