using Verbatim.Storage.Bagit;

namespace Verbatim.Storage.Tests.Bagit;

/// <summary>The validator against the Library of Congress BagIt conformance suite, and bags a depositor gets wrong.</summary>
public sealed class BagValidatorTests : IDisposable
{
    private static readonly string Suite = RepositoryPaths.Shared("standards", "bagit-conformance-suite");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-bag-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    // The suite's layout: vVERSION/CATEGORY/BAG. Windows' own cases are for Windows (as its harness skips them).
    public static TheoryData<string, string> SuiteBags()
    {
        var bags = new TheoryData<string, string>();
        foreach (var version in Directory.GetDirectories(Suite, "v*").Order(StringComparer.Ordinal))
        {
            foreach (var category in Directory.GetDirectories(version).Select(Path.GetFileName).Where(c => c != "windows-only").Order(StringComparer.Ordinal))
            {
                foreach (var bag in Directory.GetDirectories(Path.Combine(version, category!)).Order(StringComparer.Ordinal))
                    bags.Add(category!, Path.GetRelativePath(Suite, bag));
            }
        }
        return bags;
    }

    [Fact]
    public void The_suite_is_where_the_tests_look_and_has_every_category()
    {
        var categories = SuiteBags().Select(row => (string)row[0]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["invalid", "linux-only", "valid", "warning"], categories);
        Assert.True(SuiteBags().Count() >= 50);
    }

    [Theory]
    [MemberData(nameof(SuiteBags))]
    public void Every_bag_of_the_conformance_suite_is_judged_as_the_suite_says(string category, string bag)
    {
        var report = BagValidator.Validate(Path.Combine(Suite, bag));

        var findings = string.Join("; ", report.Errors.Concat(report.Warnings));
        switch (category)
        {
            case "valid":
                Assert.True(report.Valid, findings);
                break;
            case "warning":
                // The suite's harness takes either: valid with a warning, or refused.
                Assert.True(!report.Valid || report.Warnings.Count > 0, $"no warning: {findings}");
                break;
            default:
                Assert.False(report.Valid, $"{bag} passed");
                break;
        }
    }

    [Fact]
    public void A_changed_byte_in_the_payload_is_named_with_the_manifest_line_and_both_checksums()
    {
        var bag = Copy("v1.0/valid/basicBag");
        var payload = Directory.GetFiles(Path.Combine(bag, "data"), "*", SearchOption.AllDirectories)[0];
        var bytes = File.ReadAllBytes(payload);
        bytes[0] ^= 1;
        File.WriteAllBytes(payload, bytes);

        var report = BagValidator.Validate(bag);

        var error = Assert.Single(report.Errors, e => e.Message.Contains("but the file's is", StringComparison.Ordinal));
        Assert.StartsWith("manifest-", error.File, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.Contains("data/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_bag_gives_its_payload_and_its_info()
    {
        var report = BagValidator.Validate(Path.Combine(Suite, "v1.0/valid/basicBag"));

        Assert.True(report.Valid);
        Assert.Equal("1.0", report.Version);
        Assert.NotEmpty(report.Payload);
        Assert.All(report.Payload, p => Assert.True(File.Exists(p.File) && p.Path.StartsWith("data/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Bag_info_keeps_every_label_as_written_in_order_repeats_included()
    {
        var report = BagValidator.Validate(Path.Combine(Suite, "v0.97/valid/duplicate-metadata-entries"));

        Assert.True(report.Valid);
        Assert.Equal(["2016-02-26", "2016-03-10"], report.Info.Where(i => i.Key == "Bagging-Date").Select(i => i.Value));
        Assert.Equal(["1", "2", "3"], report.Info.Where(i => i.Key.Equals("Case-Insensitivity-Test", StringComparison.OrdinalIgnoreCase)).Select(i => i.Value));
    }

    [Fact]
    public void A_folder_that_is_no_bag_says_so()
    {
        Directory.CreateDirectory(_folder);
        var report = BagValidator.Validate(_folder);
        Assert.Equal("no bagit.txt: the folder is not a bag", Assert.Single(report.Errors).Message);
    }

    private string Copy(string bag)
    {
        var from = Path.Combine(Suite, bag);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(_folder, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
            File.SetAttributes(to, FileAttributes.Normal);
        }
        return _folder;
    }
}
