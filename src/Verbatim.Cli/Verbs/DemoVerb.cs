using System.CommandLine;
using Verbatim.Parsing;

namespace Verbatim.Cli.Verbs;

/// <summary>
/// `verbatim demo`: the README's main job on the embedded default. For now it reads the demo
/// corpus in samples/ and prints what each file yields; the store and the web reader come next.
/// </summary>
public static class DemoVerb
{
    public static Command Create()
    {
        var samples = new Option<string>("--samples") { Description = "The demo corpus folder.", DefaultValueFactory = _ => Path.Combine(Environment.GetEnvironmentVariable("VERBATIM_HOME") ?? ".", "samples") };
        var command = new Command("demo", "Read the demo corpus in samples/ and print what every file yields.") { samples };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var folder = result.GetValue(samples)!;
            if (!Directory.Exists(folder))
            {
                error.WriteLine($"error: no demo corpus at {Path.GetFullPath(folder)}");
                return 1;
            }
            var parser = new FileParser();
            int files = 0, documents = 0, failed = 0;
            foreach (var file in parser.Parse([folder]))
            {
                if (Path.GetFileName(file.Path) is "README.md" or "LICENSE.md")
                    continue;
                files++;
                foreach (var problem in file.Result.Errors)
                    error.WriteLine($"error: {problem}");
                if (!file.Result.Succeeded) { failed++; continue; }
                foreach (var document in file.Result.Documents)
                {
                    documents++;
                    var date = document.Written?.Date
                        ?? (document.Written is { NotBefore: { } from } ? $"{from} – {document.Written.NotAfter}" : null)
                        ?? document.Source?.Date ?? "undated";
                    var who = string.Join(", ", document.Authors.Select(a => a.Name));
                    var to = document.Addressees.Count > 0 ? " to " + string.Join(", ", document.Addressees.Select(a => a.Name)) : "";
                    output.WriteLine($"{document.Id}\n    {document.Kind.ToString().ToLowerInvariant()}, {date}: {who}{to}: {document.Title} ({document.Body.Count} blocks, {document.Notes.Count} notes) [{file.Path}]");
                }
            }
            output.WriteLine($"{files} files read, {documents} documents, {failed} failed.");
            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
