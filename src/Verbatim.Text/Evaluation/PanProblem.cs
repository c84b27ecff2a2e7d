namespace Verbatim.Text.Evaluation;

/// <summary>Why part of a PAN corpus could not be read: the file, the line where there is one, and what is wrong.</summary>
public sealed record PanProblem(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}
