namespace Verbatim.Model;

/// <summary>A located, human-readable finding about an input: where (file, line, column) and what.</summary>
public sealed record Diagnostic(string Message, string? File = null, int? Line = null, int? Column = null)
{
    public override string ToString()
    {
        var place = File ?? "";
        if (Line is { } line)
            place += Column is { } column ? $":{line}:{column}" : $":{line}";
        return place.Length == 0 ? Message : $"{place}: {Message}";
    }
}
