using System.Security.Cryptography;
using System.Text;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// OCFL storage layout extension 0004 (hashed n-tuple): an object's path is its id's sha256 in
/// lower-case hex, cut into three tuples of three characters, then the whole digest.
/// </summary>
public static class HashedNTupleLayout
{
    public const string ExtensionName = "0004-hashed-n-tuple-storage-layout";
    public const int TupleSize = 3;
    public const int NumberOfTuples = 3;

    public static string ObjectPath(string objectId)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(objectId)));
        var parts = new List<string>(NumberOfTuples + 1);
        for (var i = 0; i < NumberOfTuples; i++)
            parts.Add(digest.Substring(i * TupleSize, TupleSize));
        parts.Add(digest);
        return string.Join('/', parts);
    }

    public static string ConfigJson => $$"""
        {
          "extensionName": "{{ExtensionName}}",
          "digestAlgorithm": "sha256",
          "tupleSize": {{TupleSize}},
          "numberOfTuples": {{NumberOfTuples}},
          "shortObjectRoot": false
        }

        """;

    public static string LayoutJson => $$"""
        {
          "extension": "{{ExtensionName}}",
          "description": "OCFL object identifiers are hashed with sha256; the digest is cut into 3 tuples of 3 characters, and the full digest names the object root."
        }

        """;
}
