using System.CommandLine;
using System.Text.Json;
using Verbatim.Access;
using Verbatim.EvidencePacks;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>
/// `verbatim verify-pack DIR [--archive A]`: checks an evidence pack on its own (the bag, each
/// citation's digests and range), and against an archive where one is given. Exit 0 when the
/// pack holds together and the archive contradicts none of it, 1 otherwise, 2 on an error.
/// </summary>
public static class VerifyPackVerb
{
    /// <param name="archive">The command's --archive: only an archive given by it is compared, never ./archive or $VERBATIM_ARCHIVE, so that a pack is checked alone unless asked.</param>
    public static Command Create(Option<string?> archive)
    {
        var folder = new Argument<string>("DIR") { Description = "The pack's folder (the one holding bagit.txt)." };
        var json = ArchiveOptions.Json("{\"verified\",\"holdsTogether\",\"findings\":[{\"place\",\"message\"}],\"citations\":[{\"number\",\"kind\",\"document\",\"version\",\"start\",\"end\",\"problems\",\"archive\"}]}");
        var command = new Command("verify-pack", "Verify an evidence pack: its bag, that every citation is the quoted text at its range of the packed document.json, and (with --archive) that the archive holds the same bytes. Exit 1 when something does not hold, naming the place.") { folder, json };
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            PackVerification verification;
            if (result.GetValue(archive) is { } path)
            {
                using var opened = Archiving.Archive.OpenForReading(path);
                verification = PackVerifier.Verify(result.GetValue(folder)!, opened, opened.VisibilityFor(Viewer.Keeper, DateOnly.FromDateTime(DateTime.UtcNow)));
            }
            else
            {
                verification = PackVerifier.Verify(result.GetValue(folder)!);
            }
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    verified = verification.Verified,
                    holdsTogether = verification.HoldsTogether,
                    question = verification.Question,
                    findings = verification.Findings,
                    citations = verification.Citations.Select(c => new { c.Number, c.Kind, c.Document, c.Version, c.Start, c.End, c.Problems, archive = Match(c.Archive) }),
                }, CliJson.Options));
            }
            else
            {
                Write(output, verification);
            }
            return verification.Verified ? 0 : 1;
        }));
        return command;
    }

    public static string Match(ArchiveMatch match) => match switch
    {
        ArchiveMatch.Same => "same",
        ArchiveMatch.Differs => "differs",
        ArchiveMatch.Missing => "missing",
        _ => "not-asked",
    };

    private static void Write(TextWriter output, PackVerification verification)
    {
        foreach (var finding in verification.Findings)
            output.WriteLine($"error: {PlainText.Escaped(finding.ToString())}");
        foreach (var citation in verification.Citations)
        {
            var archive = citation.Archive switch
            {
                ArchiveMatch.Same => "; the archive holds the same bytes",
                ArchiveMatch.Differs => "; the archive holds OTHER bytes for this version",
                ArchiveMatch.Missing => "; the archive does not hold this version",
                _ => "",
            };
            output.WriteLine($"{citation.Number}. {citation.Kind} {PlainText.Escaped(citation.Document)} v{citation.Version} {citation.Start}-{citation.End}: {(citation.Problems.Count == 0 ? "as quoted" : "DOES NOT HOLD")}{archive}");
        }
        var summary = verification.HoldsTogether
            ? $"{verification.Folder}: the pack holds together ({Wording.Counted(verification.Citations.Count, "citation")}, every digest and range as its index says)"
            : $"{verification.Folder}: the pack does NOT hold together ({Wording.Counted(verification.Findings.Count, "error")})";
        if (verification.ArchiveAsked && verification.Citations.Count > 0)
        {
            summary += verification.Count(ArchiveMatch.Same) == verification.Citations.Count ? "; the archive holds every cited version, byte for byte"
                : verification.Count(ArchiveMatch.Missing) == verification.Citations.Count ? "; the archive holds none of it"
                : $"; the archive holds {verification.Count(ArchiveMatch.Same)} of {Wording.Counted(verification.Citations.Count, "cited version")} byte for byte, {verification.Count(ArchiveMatch.Differs)} with other bytes, {verification.Count(ArchiveMatch.Missing)} not at all";
        }
        output.WriteLine(summary + ".");
    }
}
