using System.Text.RegularExpressions;
using Verbatim.Storage.Ocfl;

namespace Verbatim.Storage.Tests.Ocfl;

/// <summary>
/// Runs the validator over every official OCFL fixture object. A fixture's name starts with the
/// codes it should produce (E058_no_sidecar, W001_W004_W005_zero_padded_versions): a good object
/// must give no error and no warning, a warn object every warning it names and no error, a bad
/// object every error it names. Anything else must be listed in <see cref="Deviations"/>.
/// </summary>
public sealed partial class OcflFixtureTests
{
    /// <summary>
    /// A named code this validator does not report for a fixture, the codes it reports in that
    /// code's place, and why. Both lists are asserted exactly, so a deviation is always deliberate
    /// and disappears from here the moment it is fixed.
    /// </summary>
    private sealed record Deviation(string[] Missing, string[] Instead, string Reason);

    /// <summary>Every fixture, keyed "version/kind/name", for which we do not report exactly what its name says.</summary>
    private static readonly Dictionary<string, Deviation> Deviations = new(StringComparer.Ordinal)
    {
    };

    private static readonly string[] Kinds = ["good-objects", "warn-objects", "bad-objects"];
    private static readonly string[] Versions = ["1.0", "1.1"];

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var version in Versions)
        {
            foreach (var kind in Kinds)
            {
                foreach (var dir in Directory.GetDirectories(Path.Combine(SharedMaterial.OcflFixtures, version, kind)).Order(StringComparer.Ordinal))
                    data.Add($"{version}/{kind}/{Path.GetFileName(dir)}");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture_gets_the_codes_its_name_gives(string fixture)
    {
        var path = Path.Combine(SharedMaterial.OcflFixtures, fixture);
        var kind = fixture.Split('/')[1];
        var result = OcflValidator.ValidateObject(path);
        var named = NamedCodes(Path.GetFileName(fixture));
        var reported = kind == "warn-objects"
            ? result.Warnings.Select(i => i.Code).ToHashSet()
            : result.Errors.Select(i => i.Code).ToHashSet();
        var missing = named.Where(c => !reported.Contains(c)).Order(StringComparer.Ordinal).ToArray();
        var report = $"{fixture}:\n{result}";

        switch (kind)
        {
            case "good-objects":
                Assert.True(result.Valid, report);
                Assert.True(result.Warnings.Count == 0, report);
                break;
            case "warn-objects":
                Assert.True(result.Valid, report);
                break;
            default:
                Assert.False(result.Valid, report);
                break;
        }

        if (Deviations.TryGetValue(fixture, out var deviation))
        {
            Assert.True(missing.SequenceEqual(deviation.Missing), $"missing [{string.Join(", ", missing)}], table says [{string.Join(", ", deviation.Missing)}]\n{report}");
            foreach (var code in deviation.Instead)
                Assert.True(result.Has(code), $"table says {code} is reported instead\n{report}");
        }
        else
        {
            Assert.True(missing.Length == 0, $"not reported: {string.Join(", ", missing)}\n{report}");
        }
    }

    [Fact]
    public void Every_fixture_folder_is_there_and_not_empty()
    {
        foreach (var version in Versions)
        {
            foreach (var kind in Kinds)
                Assert.NotEmpty(Directory.GetDirectories(Path.Combine(SharedMaterial.OcflFixtures, version, kind)));
        }
    }

    [Fact]
    public void Every_deviation_names_a_fixture_and_a_code_of_its_name()
    {
        foreach (var (fixture, deviation) in Deviations)
        {
            Assert.True(Directory.Exists(Path.Combine(SharedMaterial.OcflFixtures, fixture)), fixture);
            Assert.NotEmpty(deviation.Missing);
            Assert.All(deviation.Missing, code => Assert.Contains(code, NamedCodes(Path.GetFileName(fixture))));
            Assert.False(string.IsNullOrWhiteSpace(deviation.Reason));
        }
    }

    private static string[] NamedCodes(string fixtureName)
        => [.. LeadingCodes().Matches(fixtureName).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\G([EW][0-9]{3})_")]
    private static partial Regex LeadingCodes();
}
