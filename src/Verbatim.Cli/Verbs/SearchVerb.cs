using System.CommandLine;
using System.Text.Json;
using Verbatim.Presenting;
using Verbatim.Searching;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim search QUERY`: full text with filters, ranked hits, snippets and facets.</summary>
public static class SearchVerb
{
    public static Command Create(Option<string?> archive)
    {
        var query = new Argument<string>("QUERY") { Description = "Words, \"a phrase\", prefix*, AND / OR / NOT, (groups). Empty: the filters alone." };
        var limit = new Option<int>("--limit") { Description = "Hits per page.", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Hits to skip (for the next page).", DefaultValueFactory = _ => 0 };
        var filters = new FilterOptions();
        var json = ArchiveOptions.Json("the hits and facets");
        var command = new Command("search", "Search the archive's text, notes and titles.") { query, limit, offset, json };
        filters.AddTo(command);
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var page = new SearchQuery(result.GetValue(query) ?? "")
            {
                Filter = filters.Read(result),
                Limit = Math.Clamp(result.GetValue(limit), 1, 1000),
                Offset = Math.Max(0, result.GetValue(offset)),
            };
            var results = opened.Search(page);
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    total = results.Total,
                    offset = page.Offset,
                    limit = page.Limit,
                    hits = results.Hits.Select(h => new { id = h.Id, title = h.Title, date = h.Date, snippet = Marks(h.Snippet, "«", "»"), score = Math.Round(h.Score, 4) }),
                    facets = results.Facets.ToDictionary(f => f.Key, f => f.Value.Select(c => new { value = c.Value, count = c.Count })),
                }, CliJson.Options));
                return 0;
            }
            output.WriteLine($"{Wording.Counted(results.Total, "document")} found.");
            foreach (var hit in results.Hits)
            {
                output.WriteLine($"{hit.Date ?? "undated",-10}  {PlainText.Escaped(hit.Title)}  [{hit.Id}]");
                output.WriteLine($"            {PlainText.Escaped(Marks(hit.Snippet, "«", "»").ReplaceLineEndings(" "))}");
            }
            if (Paging(results.Total, page.Offset, results.Hits.Count) is { } paging)
                output.WriteLine(paging);
            foreach (var (facet, counts) in results.Facets.Where(f => f.Value.Count > 0))
                output.WriteLine($"{facet}: {PlainText.Escaped(string.Join(", ", counts.Select(c => $"{c.Value} ({c.Count})")))}");
            return 0;
        }));
        return command;
    }

    /// <summary>Which hits of how many were shown and the option that shows the next ones; null when all were shown.</summary>
    private static string? Paging(int total, int offset, int shown)
    {
        if (shown == total)
            return null;
        if (shown == 0)
            return $"No hits from --offset {offset}: there are {total}.";
        var last = offset + shown;
        return last < total ? $"Showing {offset + 1}–{last} of {total}; next: --offset {last}" : $"Showing {offset + 1}–{last} of {total}.";
    }

    private static string Marks(string snippet, string start, string end)
        => snippet.Replace(SearchResults.MarkStart.ToString(), start).Replace(SearchResults.MarkEnd.ToString(), end);
}
