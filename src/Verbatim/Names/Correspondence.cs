using System.Globalization;
using Verbatim.Model;

namespace Verbatim.Names;

/// <summary>Which letters a view shows: those of one person (an entity id), within a span of years.</summary>
public sealed record LetterFilter(string? Person = null, int? From = null, int? To = null)
{
    public bool Selects(IndexedLetter letter, IEnumerable<string> people)
    {
        if (Person is { Length: > 0 } person && !people.Contains(person, StringComparer.Ordinal))
            return false;
        if (From is null && To is null)
            return true;
        var year = DocumentDates.YearOf(letter.SortDate);
        return year is not null && (From is null || year >= From) && (To is null || year <= To);
    }
}

public sealed record NetworkNode(string Id, string Name, int Sent, int Received);

/// <param name="Role">"addressee", or "copy" for a copy sent to a third person.</param>
/// <param name="First">The earliest date among the edge's letters (sort dates), where any is dated.</param>
public sealed record NetworkEdge(string Source, string Target, string Role, int Letters, string? First, string? Last, IReadOnlyList<string> Documents);

public sealed record CorrespondenceNetwork(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, int Letters);

/// <param name="Precision">day, month or year: how much of <see cref="Date"/> (or of the range) the source states.</param>
/// <param name="Certainty">The doubt the source states of the date, where it states one (see <see cref="DateSpan.Certainty"/>).</param>
public sealed record TimelineEntry(
    string Id,
    string Title,
    string Kind,
    string? Date,
    string? NotBefore,
    string? NotAfter,
    string Precision,
    string? DateText,
    string? Place,
    IReadOnlyList<string> From,
    IReadOnlyList<string> To,
    DateCertainty? Certainty = null,
    DatePart? UncertainPart = null);

/// <summary>The letters as a network of senders and addressees, and the dated documents as a timeline.</summary>
public static class Correspondence
{
    /// <summary>
    /// Every letter with a sender and an addressee (or a copy) is an edge from each sender to each
    /// of them; edges of one pair and role are one, counting its letters, in the order first met.
    /// </summary>
    public static CorrespondenceNetwork Network(NameIndex index, LetterFilter filter)
    {
        var edges = new Dictionary<(string, string, string), (List<string> Documents, string? First, string? Last)>();
        var sent = new Dictionary<string, int>(StringComparer.Ordinal);
        var received = new Dictionary<string, int>(StringComparer.Ordinal);
        var letters = 0;
        foreach (var letter in index.Letters)
        {
            if (letter.Senders.Count == 0 || letter.Addressees.Count + letter.Copies.Count == 0)
                continue;
            if (!filter.Selects(letter, letter.Senders.Concat(letter.Addressees).Concat(letter.Copies)))
                continue;
            letters++;
            foreach (var sender in letter.Senders)
            {
                sent[sender] = sent.GetValueOrDefault(sender) + 1;
                foreach (var (target, role) in letter.Addressees.Select(a => (a, "addressee")).Concat(letter.Copies.Select(c => (c, "copy"))))
                {
                    if (target == sender)
                        continue;
                    received[target] = received.GetValueOrDefault(target) + 1;
                    var key = (sender, target, role);
                    var edge = edges.TryGetValue(key, out var found) ? found : ([], null, null);
                    edge.Documents.Add(letter.Id);
                    if (letter.SortDate is { } date)
                    {
                        if (edge.First is null || string.CompareOrdinal(date, edge.First) < 0) edge.First = date;
                        if (edge.Last is null || string.CompareOrdinal(date, edge.Last) > 0) edge.Last = date;
                    }
                    edges[key] = edge;
                }
            }
        }
        var ids = sent.Keys.Concat(received.Keys).Distinct(StringComparer.Ordinal);
        var nodes = ids.Select(id => new NetworkNode(id, index.Find(id)?.Name ?? id, sent.GetValueOrDefault(id), received.GetValueOrDefault(id)))
            .OrderByDescending(n => n.Sent + n.Received).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();
        return new CorrespondenceNetwork(nodes,
            [.. edges.Select(e => new NetworkEdge(e.Key.Item1, e.Key.Item2, e.Key.Item3, e.Value.Documents.Count, e.Value.First, e.Value.Last, e.Value.Documents))],
            letters);
    }

    /// <summary>Every document the source dates (a day, a month, a year or a range), in date order, undated ones left out.</summary>
    public static IReadOnlyList<TimelineEntry> Timeline(NameIndex index, LetterFilter filter)
    {
        var entries = new List<TimelineEntry>();
        foreach (var letter in index.Letters)
        {
            if (letter.Written is not { } written || (written.Date ?? written.NotBefore ?? written.NotAfter) is null)
                continue;
            if (!filter.Selects(letter, letter.Named))
                continue;
            entries.Add(new TimelineEntry(letter.Id, letter.Title, letter.Kind, written.Date, written.NotBefore, written.NotAfter,
                written.Date is null ? "range" : written.Precision.ToString().ToLowerInvariant(), written.Text, written.Place,
                [.. letter.Senders.Select(s => index.Find(s)?.Name ?? s)],
                [.. letter.Addressees.Select(a => index.Find(a)?.Name ?? a)], written.Certainty, written.UncertainPart));
        }
        return entries;
    }
}
