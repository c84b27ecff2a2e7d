using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Verbatim.Archiving;
using Verbatim.Formats;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim ingest PATH...`: reads files, folders and globs into the archive.</summary>
public static class IngestVerb
{
    public static Command Create(Option<string?> archive)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files, folders or globs (quote globs: 'letters/**/*.xml').", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "The reader to use.", DefaultValueFactory = _ => FormatRegistry.Auto };
        format.AcceptOnlyFromAmong([FormatRegistry.Auto, .. Readers.CreateDefaultRegistry().Formats]);
        var message = new Option<string>("--message", "-m") { Description = "The message recorded with every new version.", DefaultValueFactory = _ => "ingest" };
        var json = ArchiveOptions.Json("what was stored and what failed");
        var jsonLines = new Option<bool>("--json-lines") { Description = "Print one JSON line per document as soon as it is durably stored (for scripts that follow a long ingest)." };
        var maximumSize = new Option<int>("--max-file-size")
        {
            Description = $"The largest file to read, in megabytes (default {IngestOptions.DefaultMaximumFileBytes >> 20}); a larger one fails with its size, and the others are stored.",
            DefaultValueFactory = _ => (int)(IngestOptions.DefaultMaximumFileBytes >> 20),
            Validators = { r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--max-file-size must be 1 or more (megabytes)"); } },
        };
        var followLinks = new Option<bool>("--follow-links") { Description = "Follow links to other folders when walking a folder (each real folder is walked once)." };
        var access = AccessVerb.Option("every document stored by this run (default: each keeps its access; a new one is open)");
        var wait = ArchiveOptions.Wait();
        var priority = BackgroundPriority.Option();
        var command = new Command("ingest", "Store files in the archive: a new object per new document, a new version per changed one, nothing for an unchanged one. Exit 1 if any file failed; the others are stored.")
        {
            paths, format, message, json, jsonLines, maximumSize, followLinks, access, wait, priority,
        };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            using var opened = ArchiveOptions.Open(result, archive, wait);
            var options = new IngestOptions(result.GetValue(format)!, result.GetValue(message)!, ArchiveOptions.CurrentUser())
            {
                MaximumFileBytes = (long)result.GetValue(maximumSize) << 20,
                FollowLinks = result.GetValue(followLinks),
                Access = result.GetValue(access) is { } rule ? Verbatim.Access.DocumentAccess.Parse(rule).Access : null,
            };
            IngestReport report;
            if (result.GetValue(jsonLines))
            {
                report = opened.Ingest(result.GetValue(paths)!, options, stored: d =>
                {
                    output.WriteLine(JsonSerializer.Serialize(new { id = d.Id, source = d.Source, status = d.Status.ToString().ToLowerInvariant(), version = d.Version, warnings = WarningsJson(d), sameTextAs = d.SameTextAs }));
                    output.Flush();
                });
                foreach (var failure in report.Failed)
                    output.WriteLine(JsonSerializer.Serialize(new { failed = failure.Path, error = failure.Error, line = failure.Line }));
                foreach (var duplicate in report.Duplicates)
                    output.WriteLine(JsonSerializer.Serialize(new { source = duplicate.Path, status = "duplicate", duplicateOf = duplicate.DuplicateOf }));
                foreach (var skip in report.Skipped)
                    output.WriteLine(JsonSerializer.Serialize(new { skipped = skip.Path, reason = skip.Reason }));
                return report.Failed.Count > 0 ? 1 : 0;
            }
            report = ShowsProgress(result, json)
                ? RunWithProgressBar(opened, result.GetValue(paths)!, options)
                : opened.Ingest(result.GetValue(paths)!, options);

            if (result.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    documents = report.Documents.Select(d => new { id = d.Id, title = d.Title, source = d.Source, status = d.Status.ToString().ToLowerInvariant(), version = d.Version, warnings = WarningsJson(d), sameTextAs = d.SameTextAs }),
                    duplicates = report.Duplicates.Select(d => new { path = d.Path, duplicateOf = d.DuplicateOf }),
                    failed = report.Failed.Select(f => new { path = f.Path, error = f.Error, line = f.Line }),
                    skipped = report.Skipped.Select(s => new { path = s.Path, reason = s.Reason }),
                }, CliJson.Options));
            else
            {
                foreach (var failure in report.Failed)
                    error.WriteLine($"error: {IngestWording.Failure(failure)}");
                foreach (var document in report.Documents)
                {
                    foreach (var warning in document.Warnings)
                        error.WriteLine($"warning: {IngestWording.Warning(document, warning)}");
                }
                foreach (var duplicate in report.Duplicates)
                    output.WriteLine($"duplicate: {IngestWording.Duplicate(duplicate)}");
                foreach (var sameText in report.Documents.Select(IngestWording.SameText).OfType<string>())
                    output.WriteLine($"same text: {sameText}");
                if (IngestWording.Skipped(report) is { } skipped)
                    output.WriteLine(skipped);
                output.WriteLine(IngestWording.Summary(report));
            }
            return report.Failed.Count > 0 ? 1 : 0;
        }));
        return command;
    }

    private static object[] WarningsJson(IngestedDocument document)
        => [.. document.Warnings.Select(w => new { message = w.Message, line = w.Line, column = w.Column })];

    // A progress bar only for a person at a terminal: never in JSON, a pipe or a test.
    private static bool ShowsProgress(ParseResult result, Option<bool> json)
        => !result.GetValue(json) && !Console.IsOutputRedirected && result.InvocationConfiguration.Output == Console.Out;

    private static IngestReport RunWithProgressBar(Archiving.Archive archive, string[] paths, IngestOptions options)
    {
        IngestReport? report = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("ingesting");
                report = archive.Ingest(paths, options, new Progress<IngestProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
                task.Value = task.MaxValue;
            });
        return report!;
    }
}
