using System.CommandLine;
using System.Text.Json;
using Verbatim.Presenting;
using Verbatim.Searching;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim list`: the works index, grouped by author, year, volume or addressee.</summary>
public static class ListVerb
{
    public static Command Create(Option<string?> archive)
    {
        var by = new Option<string>("--by") { Description = "Group the index by author, year, volume or addressee.", DefaultValueFactory = _ => "author" };
        by.AcceptOnlyFromAmong("author", "year", "volume", "addressee");
        var filters = new FilterOptions();
        var json = ArchiveOptions.Json("the index");
        var command = new Command("list", "The works index: every document with its date, people and source volume.") { by, json };
        filters.AddTo(command);
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var entries = opened.List(filters.Read(result));
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(entries, CliJson.Options));
                return 0;
            }
            var groups = result.GetValue(by) switch
            {
                "year" => entries.GroupBy(e => e.Date is { Length: >= 4 } d ? d[..4] : "undated").OrderBy(g => g.Key, StringComparer.Ordinal),
                "volume" => entries.GroupBy(e => e.Collection is null ? "no source volume" : $"{e.Collection}{(e.Volume is null ? "" : ", vol. " + e.Volume)}").OrderBy(g => g.Key, StringComparer.Ordinal),
                "addressee" => entries.SelectMany(e => (e.Addressees.Count > 0 ? e.Addressees : ["no addressee"]).Select(a => (Key: a, Entry: e)))
                    .GroupBy(x => x.Key, x => x.Entry).OrderBy(g => g.Key, StringComparer.CurrentCulture),
                _ => entries.SelectMany(e => (e.Authors.Count > 0 ? e.Authors : ["no author"]).Select(a => (Key: a, Entry: e)))
                    .GroupBy(x => x.Key, x => x.Entry).OrderBy(g => g.Key, StringComparer.CurrentCulture),
            };
            foreach (var group in groups)
            {
                output.WriteLine($"{PlainText.Escaped(group.Key)} ({group.Count()})");
                foreach (var entry in group)
                    output.WriteLine($"  {entry.Date ?? "undated",-10}  {PlainText.Escaped(entry.Title)}  [{entry.Id}]");
            }
            output.WriteLine($"{Wording.Counted(entries.Count, "document")}.");
            return 0;
        }));
        return command;
    }
}

/// <summary>The filters of search and list, as options.</summary>
public sealed class FilterOptions
{
    private readonly Option<string?> _author = new("--author") { Description = "Only documents by this person (part of the name, any case, accents ignored)." };
    private readonly Option<string?> _addressee = new("--addressee") { Description = "Only documents to this person (addressee or copy)." };
    private readonly Option<int?> _from = new("--from") { Description = "Only documents of this year or later." };
    private readonly Option<int?> _to = new("--to") { Description = "Only documents of this year or earlier." };
    private readonly Option<string?> _kind = new("--kind") { Description = "letter, note, telegram, statement, article, speech, report, chapter, compilation, other." };
    private readonly Option<string?> _collection = new("--collection") { Description = "Only documents from this source collection." };
    private readonly Option<string?> _volume = new("--volume") { Description = "Only documents from this volume." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _author, _addressee, _from, _to, _kind, _collection, _volume })
            command.Options.Add(option);
    }

    public WorkFilter Read(ParseResult result) => new()
    {
        Author = result.GetValue(_author),
        Addressee = result.GetValue(_addressee),
        YearFrom = result.GetValue(_from),
        YearTo = result.GetValue(_to),
        Kind = result.GetValue(_kind),
        Collection = result.GetValue(_collection),
        Volume = result.GetValue(_volume),
    };
}
