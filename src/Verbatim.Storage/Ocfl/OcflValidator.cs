namespace Verbatim.Storage.Ocfl;

/// <summary>
/// Validates OCFL 1.0 and 1.1 objects and storage roots against the specification
/// (https://ocfl.io/1.1/spec/), reporting its validation codes. Invalid input is a result, never
/// an exception; only I/O failures (a file vanishing mid-read, no permission) throw.
/// </summary>
public static class OcflValidator
{
    /// <summary>Validates the object whose root is <paramref name="objectRoot"/>.</summary>
    /// <param name="checkDigests">
    /// Recompute the digest of every content file against the manifests and fixity blocks (E092,
    /// E093). Without it, only the presence of each file is checked.
    /// </param>
    public static ValidationResult ValidateObject(string objectRoot, bool checkDigests = true)
    {
        ObjectValidator.Run(objectRoot, checkDigests, out var result);
        return result;
    }

    /// <summary>Validates the storage root and every object below it; object findings are located by the object's path.</summary>
    public static ValidationResult ValidateStorageRoot(string storageRoot, bool checkDigests = true)
        => StorageRootValidator.Run(storageRoot, checkDigests);
}
