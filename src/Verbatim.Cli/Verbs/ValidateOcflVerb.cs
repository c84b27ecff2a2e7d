using System.CommandLine;
using System.Text.Json;
using Verbatim.Archiving;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim validate-ocfl PATH`: judges an OCFL object or storage root by the specification's codes.</summary>
public static class ValidateOcflVerb
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "An OCFL object root, an OCFL storage root, or a Verbatim archive folder (its store is validated)." };
        var json = ArchiveOptions.Json("{\"valid\",\"errors\":[{\"code\",\"message\"}],\"warnings\":[...]}");
        var command = new Command("validate-ocfl", "Validate an OCFL 1.0/1.1 object or storage root, every digest recomputed. Exit 1 when it is invalid.") { path, json };
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            var report = OcflCheck.Validate(result.GetValue(path)!);
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    valid = report.Valid,
                    target = report.Target == OcflTarget.Object ? "object" : "storage-root",
                    objects = report.ObjectsChecked,
                    errors = report.Errors.Select(FindingOutput.Json),
                    warnings = report.Warnings.Select(FindingOutput.Json),
                }, CliJson.Options));
            }
            else
            {
                FindingOutput.WriteLines(output, "error", report.Errors);
                FindingOutput.WriteLines(output, "warning", report.Warnings);
                var what = report.Target == OcflTarget.Object ? "object" : $"storage root ({Wording.Counted(report.ObjectsChecked, "object")})";
                output.WriteLine($"{report.Path}: {(report.Valid ? "valid" : "invalid")} OCFL {what}; {Wording.Counted(report.Errors.Count, "error")}, {Wording.Counted(report.Warnings.Count, "warning")}.");
            }
            return report.Valid ? 0 : 1;
        }));
        return command;
    }
}
