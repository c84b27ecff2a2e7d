using System.CommandLine;
using Verbatim.Formats;
using Verbatim.Model;
using Verbatim.Parsing;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim parse FILE...`: prints the documents files yield, storing nothing.</summary>
public static class ParseVerb
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Files or folders to read.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "The reader to use.", DefaultValueFactory = _ => FormatRegistry.Auto };
        format.AcceptOnlyFromAmong([FormatRegistry.Auto, .. Readers.CreateDefaultRegistry().Formats]);
        var json = new Option<bool>("--json") { Description = "Print a JSON array of document.json objects." };

        var command = new Command("parse", "Read files and print the documents they yield, without storing anything. Exit 1 if any file failed.")
        {
            files, format, json,
        };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var parser = new FileParser();
            var documents = new List<Document>();
            var failed = 0;
            foreach (var file in parser.Parse(result.GetValue(files)!, result.GetValue(format)!))
            {
                foreach (var problem in file.Result.Errors)
                    error.WriteLine($"error: {problem}");
                if (!file.Result.Succeeded)
                {
                    failed++;
                    continue;
                }
                foreach (var document in file.Result.Documents)
                {
                    foreach (var warning in document.Warnings)
                        error.WriteLine($"warning: {warning}");
                    if (result.GetValue(json))
                        documents.Add(document);
                    else
                        DocumentText.Write(output, document);
                }
            }
            if (result.GetValue(json))
                output.WriteLine(DocumentJson.Serialize(documents));
            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
