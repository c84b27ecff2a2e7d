using Verbatim.Model;

namespace Verbatim.Formats.Tests;

/// <summary>
/// Golden files: the expected JSON lies beside the test, was read by a person before it was
/// committed, and is compared as text. Set VERBATIM_UPDATE_GOLDEN=1 to write the actual output
/// in place of a missing or differing file, then read the diff before committing it.
/// </summary>
public static class Golden
{
    public static void Verify(string goldenPath, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        var update = Environment.GetEnvironmentVariable("VERBATIM_UPDATE_GOLDEN") == "1";
        if (!File.Exists(goldenPath) || update)
        {
            if (!update)
                Assert.Fail($"golden file missing: {goldenPath} (run with VERBATIM_UPDATE_GOLDEN=1 and review it)");
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.WriteAllText(goldenPath, actual);
            return;
        }
        var expected = File.ReadAllText(goldenPath).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    public static void VerifyDocuments(string goldenPath, IReadOnlyList<Document> documents)
        => Verify(goldenPath, DocumentJson.Serialize(documents));
}
