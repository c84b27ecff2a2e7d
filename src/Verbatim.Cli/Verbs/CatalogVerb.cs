using System.CommandLine;
using System.Text.Json;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim catalog show|migrate`: which catalog the archive uses, and moving it to another.</summary>
public static class CatalogVerb
{
    public static Command Create(Option<string?> archive)
    {
        var command = new Command("catalog", "The archive's catalog: where it lives (SQLite or PostgreSQL), and moving it from one to the other.");

        var json = ArchiveOptions.Json("what the catalog is");
        var show = new Command("show", "Say where the archive's catalog lives, how many documents it holds and whether its schema is this build's.") { json };
        show.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var catalog = opened.Catalog;
            var (documents, generation) = (catalog.Count, catalog.Generation);
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { catalog = opened.CatalogLocation.Describe, backend = opened.CatalogLocation.Backend, documents, generation, current = catalog.IsCurrent }, CliJson.Options));
                return 0;
            }
            output.WriteLine($"catalog: {opened.CatalogLocation.Describe}");
            output.WriteLine($"{Wording.Counted(documents, "document")}; generation {generation}; schema {(catalog.IsCurrent ? "current" : "of another version (any write rebuilds it)")}");
            return 0;
        }));
        command.Subcommands.Add(show);

        var to = new Option<string>("--to")
        {
            Description = "The catalog to move to, as init --catalog takes it: \"sqlite\", a postgresql:// address or connection string, or env:NAME.",
            Required = true,
        };
        var wait = ArchiveOptions.Wait();
        var migrate = new Command("migrate", "Move the archive to another catalog: build it from the store, then record it; until it is built the archive stays on its old one.") { to, wait };
        migrate.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            using var opened = ArchiveOptions.Open(result, archive, wait);
            var from = opened.CatalogLocation.Describe;
            var (report, leftBehind) = opened.MigrateCatalog(result.GetValue(to)!);
            output.WriteLine($"{Wording.Counted(report.Documents, "document")} catalogued in {opened.CatalogLocation.Describe}; the archive no longer uses {from}.");
            if (leftBehind is not null)
                output.WriteLine($"note: {leftBehind}");
            return ReindexVerb.Damaged(report, error);
        }));
        command.Subcommands.Add(migrate);
        return command;
    }
}
