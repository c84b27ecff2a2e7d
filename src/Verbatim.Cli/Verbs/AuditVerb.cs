using System.CommandLine;
using System.Text.Json;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim audit`: recomputes every digest in the store.</summary>
public static class AuditVerb
{
    public static Command Create(Option<string?> archive)
    {
        var json = ArchiveOptions.Json("the findings");
        var command = new Command("audit", "Validate the store as OCFL with every digest recomputed; report any changed, missing or extra byte by its OCFL code. Exit 1 on any problem.") { json };
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.Open(result, archive);
            var report = opened.Audit();
            if (result.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    clean = report.Clean,
                    objects = report.ObjectsChecked,
                    files = report.FilesChecked,
                    findings = report.Findings.Select(FindingOutput.Json),
                    warnings = report.Warnings.Select(FindingOutput.Json),
                }, CliJson.Options));
            else
            {
                FindingOutput.WriteLines(output, "error", report.Findings);
                FindingOutput.WriteLines(output, "warning", report.Warnings);
                output.WriteLine($"{Wording.Counted(report.ObjectsChecked, "object")}, {Wording.Counted(report.FilesChecked, "file")} checked: {(report.Clean ? "clean" : Wording.Counted(report.Findings.Count, "problem"))}.");
            }
            return report.Clean ? 0 : 1;
        }));
        return command;
    }
}
