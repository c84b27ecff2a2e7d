using Verbatim.Storage.Bagit;
using Verbatim.Storing;

namespace Verbatim.Archiving;

/// <summary>Judges any folder as a BagIt bag (RFC 8493), Verbatim's or another's, every checksum recomputed.</summary>
public static class BagCheck
{
    public static BagReport Validate(string folder) => BagValidator.Validate(folder);
}
