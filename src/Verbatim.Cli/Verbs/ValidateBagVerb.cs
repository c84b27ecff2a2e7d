using System.CommandLine;
using System.Text.Json;
using Verbatim.Archiving;
using Verbatim.Presenting;
using Verbatim.Storing;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim validate-bag DIR`: judges a BagIt bag; exit 1 when it is invalid, its warnings on standard error.</summary>
public static class ValidateBagVerb
{
    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "The bag's folder (the one holding bagit.txt)." };
        var json = ArchiveOptions.Json("{\"valid\",\"version\",\"errors\":[{\"message\",\"file\",\"line\"}],\"warnings\":[...]}");
        var command = new Command("validate-bag", "Validate a BagIt bag (RFC 8493; BagIt 1.0 and the drafts 0.93-0.97): declaration, manifests and every checksum, bag-info.txt's Payload-Oxum, fetch.txt. Exit 1 when it is invalid.") { folder, json };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            var report = BagCheck.Validate(result.GetValue(folder)!);
            if (result.GetValue(json))
            {
                static object Json(BagFinding f) => new { message = f.Message, file = f.File, line = f.Line };
                output.WriteLine(JsonSerializer.Serialize(new { valid = report.Valid, version = report.Version, files = report.Payload.Count, errors = report.Errors.Select(Json), warnings = report.Warnings.Select(Json) }, CliJson.Options));
            }
            else
            {
                foreach (var finding in report.Errors)
                    output.WriteLine($"error: {finding}");
                output.WriteLine($"{report.Folder}: {(report.Valid ? "valid" : "invalid")} bag{(report.Version is { } version ? $" (BagIt {version})" : "")}; {Wording.Counted(report.Payload.Count, "payload file")}, {Wording.Counted(report.Errors.Count, "error")}, {Wording.Counted(report.Warnings.Count, "warning")}.");
            }
            // Warnings go to standard error, where the conformance suite's harness looks for them.
            foreach (var finding in report.Warnings)
                error.WriteLine($"warning: {finding}");
            return report.Valid ? 0 : 1;
        }));
        return command;
    }
}
