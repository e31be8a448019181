using System.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Fhir.Bulk;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Export;

/// <summary><c>kneespine export --out DIR [--data DIR]</c>: the store as FHIR Bulk Data NDJSON, one file per resource type.</summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for Patient.ndjson, Procedure.ndjson, QuestionnaireResponse.ndjson, ...", Required = true };
        var data = DataOption.Create();
        var command = new Command("export", "Export the store as FHIR NDJSON (Bulk Data format), one file per resource type.") { output, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = parse.GetRequiredValue(output);
            var app = await CliServices.OpenAsync(parse.GetValue(data), cancellationToken).ConfigureAwait(false);
            await using (app.ConfigureAwait(false))
            {
                var scope = app.Services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var started = CliAudit.Now(scope.ServiceProvider);
                    var exporter = scope.ServiceProvider.GetRequiredService<FhirBulkExport>();
                    var counts = await BulkProgress.RunAsync(console, "Exporting",
                        progress => exporter.ExportAsync(directory.FullName, progress, cancellationToken)).ConfigureAwait(false);
                    foreach (var (type, count) in counts)
                    {
                        await console.Out.WriteLineAsync($"{type}.ndjson: {count}").ConfigureAwait(false);
                    }

                    var detail = "exported " + (counts.Count == 0 ? "nothing" : string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
                    return await CliAudit.RecordAsync(scope.ServiceProvider, console, started, AuditAction.BulkExport, AuditOutcome.Success,
                        "export --out " + directory.FullName, detail).ConfigureAwait(false)
                        ? ExitCodes.Success
                        : ExitCodes.Failure;
                }
            }
        });
        return command;
    }
}
