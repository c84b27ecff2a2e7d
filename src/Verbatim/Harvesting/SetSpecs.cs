using System.Globalization;
using System.Text;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Storage.Catalog;

namespace Verbatim.Harvesting;

/// <summary>A set as harvesters see it: its spec, its name, and the catalog's facet values it stands for.</summary>
public sealed record HarvestSetEntry(string Spec, string Name, HarvestSet Set);

/// <summary>
/// The sets of a harvest, named by OAI-PMH setSpecs, which may hold only unreserved URI characters
/// and use ":" for hierarchy: <c>collection:NAME</c> with each volume beneath it
/// (<c>collection:NAME:VOLUME</c>), <c>author:NAME</c> and <c>kind:KIND</c>. A name becomes its
/// spec by folding accents and case and joining its words with "-"; where two values fold to one
/// spec (two spellings of one name) the set holds both.
/// </summary>
public sealed class SetSpecs
{
    private readonly Dictionary<string, HarvestSetEntry> _bySpec;

    private SetSpecs(Dictionary<string, HarvestSetEntry> bySpec) => _bySpec = bySpec;

    /// <summary>The sets of the values some document has (<see cref="ICatalog.SetValues"/>): a set no document is in is not listed.</summary>
    public static SetSpecs Of(IEnumerable<SetValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bySpec = new Dictionary<string, HarvestSetEntry>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var spec = SpecOf(value.Facet, value.Key);
            bySpec[spec] = bySpec.TryGetValue(spec, out var known)
                ? known with { Name = $"{known.Name} / {value.Label}", Set = known.Set with { Keys = [.. known.Set.Keys, value.Key] } }
                : new HarvestSetEntry(spec, NameOf(value), new HarvestSet(value.Facet, [value.Key]));
        }
        return new SetSpecs(bySpec);
    }

    public IEnumerable<HarvestSetEntry> All => _bySpec.Values.OrderBy(s => s.Spec, StringComparer.Ordinal);

    /// <summary>The set of a spec; null for one no document is in.</summary>
    public HarvestSetEntry? Find(string spec) => _bySpec.GetValueOrDefault(spec);

    /// <summary>The specs of every set a document is in, as its header lists them.</summary>
    public static IReadOnlyList<string> SpecsOf(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var specs = new List<string> { SpecOf(HarvestSet.Kind, DocumentKinds.Name(document.Kind)) };
        if (document.Source?.Collection is { Length: > 0 } collection)
        {
            specs.Add(SpecOf(HarvestSet.Collection, collection));
            if (document.Source.Volume is { Length: > 0 } volume)
                specs.Add(SpecOf(HarvestSet.Volume, collection + HarvestSet.VolumeSeparator + volume));
        }
        specs.AddRange(document.Authors.Select(a => SpecOf(HarvestSet.Author, ResultIndex.NameKey(a.Name))));
        return [.. specs.Distinct(StringComparer.Ordinal)];
    }

    private static string SpecOf(string facet, string key) => facet switch
    {
        HarvestSet.Volume when key.Split(HarvestSet.VolumeSeparator) is [var collection, var volume] => $"{HarvestSet.Collection}:{Fold(collection)}:{Fold(volume)}",
        _ => $"{facet}:{Fold(key)}",
    };

    private static string NameOf(SetValue value) => value.Facet switch
    {
        HarvestSet.Collection => value.Label,
        HarvestSet.Volume => $"{value.Key.Split(HarvestSet.VolumeSeparator)[0]}, volume {value.Label}",
        HarvestSet.Author => "Written by " + value.Label,
        _ => "Documents of the kind " + value.Label,
    };

    /// <summary>Lower-case letters and digits, accents dropped, every other run of characters one "-"; "x" where nothing is left.</summary>
    private static string Fold(string value)
    {
        var folded = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterOrDigit(lower))
                folded.Append(lower);
            else if (folded.Length > 0 && folded[^1] != '-')
                folded.Append('-');
        }
        var spec = folded.ToString().TrimEnd('-');
        return spec.Length == 0 ? "x" : spec;
    }
}
