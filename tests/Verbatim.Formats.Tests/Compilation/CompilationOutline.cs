using System.Text;
using System.Text.Json;
using Verbatim.Model;

namespace Verbatim.Formats.Tests.Compilation;

/// <summary>
/// A person-readable outline of what the compilation reader made of a page: per part its facts,
/// its lines and its block types, but none of its text beyond titles and citation lines (seed 003
/// has no licence, so its text stays out of the repository).
/// </summary>
public static class CompilationOutline
{
    public static string Serialize(IReadOnlyList<Document> documents)
    {
        var page = documents[0];
        var outline = new
        {
            page = new { page.Id, page.Kind, page.Title, page.Parts },
            parts = documents.Skip(1).Select(Part).ToList(),
        };
        return JsonSerializer.Serialize(outline, DocumentJson.Options);
    }

    private static object Part(Document d) => new
    {
        d.Id,
        d.Kind,
        d.Title,
        d.Authors,
        d.Addressees,
        d.Written,
        d.Published,
        d.Source,
        d.ArchivalRefs,
        d.Translators,
        d.Header,
        lines = $"{d.Origin?.FirstLine}–{d.Origin?.LastLine}",
        blocks = d.Body.Count,
        blockTypes = BlockTypes(d.Body),
        warnings = d.Warnings.Select(w => w.ToString()).ToList(),
    };

    /// <summary>"title, byline, p×12, heading, p×30, source": runs of one type collapsed.</summary>
    public static string BlockTypes(IReadOnlyList<Block> blocks)
    {
        var builder = new StringBuilder();
        var k = 0;
        while (k < blocks.Count)
        {
            var run = 1;
            while (k + run < blocks.Count && blocks[k + run].Type == blocks[k].Type)
                run++;
            if (builder.Length > 0)
                builder.Append(", ");
            builder.Append(JsonNamingPolicy.KebabCaseLower.ConvertName(blocks[k].Type.ToString()));
            if (run > 1)
                builder.Append('×').Append(run);
            k += run;
        }
        return builder.ToString();
    }
}
