using System.CommandLine;
using System.Text.Json;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim audit`: recomputes every digest in the store.</summary>
public static class AuditVerb
{
    public static Command Create()
    {
        var archive = ArchiveOptions.Archive();
        var json = ArchiveOptions.Json("the findings");
        var command = new Command("audit", "Recompute every digest of every stored file; report any changed, missing or extra byte. Exit 1 on any finding.") { archive, json };
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
                    findings = report.Findings.Select(f => new { code = f.Code, message = f.Message, path = f.Path }),
                }, CliJson.Options));
            else
            {
                foreach (var finding in report.Findings)
                    output.WriteLine($"{finding.Code}  {finding.Path}: {finding.Message}");
                output.WriteLine($"{report.ObjectsChecked} objects, {report.FilesChecked} files checked: {(report.Clean ? "clean" : $"{report.Findings.Count} problems")}.");
            }
            return report.Clean ? 0 : 1;
        }));
        return command;
    }
}
