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
        var repair = new Option<string?>("--repair")
        {
            Description = "First repair every damaged object from the original files in this folder: a file whose sha512 is a damaged file's digest is put back, and a damaged document.json is made again from its source. Each repair is a new version saying what it restored.",
        };
        var wait = ArchiveOptions.Wait();
        var command = new Command("audit", "Validate the store as OCFL with every digest recomputed; report any changed, missing or extra byte by its OCFL code. Exit 1 on any problem.") { json, repair, wait };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            if (result.GetValue(repair) is { } originals)
            {
                if (!Directory.Exists(originals))
                    throw new Archiving.ArchiveException($"--repair {originals}: no such folder");
                using var writer = ArchiveOptions.Open(result, archive, wait);
                var repaired = writer.Repair(originals, ArchiveOptions.CurrentUser());
                foreach (var document in repaired.Repaired)
                    error.WriteLine($"repaired: {document.Id} (version {document.Version}): {string.Join(", ", document.Restored)} restored");
                foreach (var document in repaired.Unrepaired)
                    error.WriteLine($"not repaired: {document.Id}: {Archiving.DamagedDocumentException.Describe(document.Damage)}");
            }
            using var opened = ArchiveOptions.OpenForReading(result, archive);
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
