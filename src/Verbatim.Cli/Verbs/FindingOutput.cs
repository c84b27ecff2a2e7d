using Verbatim.Storing;

namespace Verbatim.Cli.Verbs;

/// <summary>How `audit` and `validate-ocfl` print a finding, so that both read alike.</summary>
internal static class FindingOutput
{
    public static object Json(AuditFinding finding) => new { code = finding.Code, message = finding.Message, path = finding.Path, document = finding.Document };

    /// <summary>One line a finding: its severity, its OCFL code, where (with the document whose object that is), and what.</summary>
    public static void WriteLines(TextWriter output, string severity, IEnumerable<AuditFinding> findings)
    {
        foreach (var finding in findings)
        {
            var where = finding.Document is { } document ? $"{finding.Path} (document {document})" : finding.Path;
            output.WriteLine(where.Length == 0 ? $"{severity} {finding.Code}: {finding.Message}" : $"{severity} {finding.Code}  {where}: {finding.Message}");
        }
    }
}
