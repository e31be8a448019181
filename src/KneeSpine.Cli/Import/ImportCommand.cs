using System.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Fhir.Bulk;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Import;

/// <summary>
/// <c>kneespine import FILE.ndjson [--data DIR]</c>: FHIR NDJSON (Patient, Procedure, QuestionnaireResponse) into the store.
/// Bad lines are reported by number on standard error and the rest is still imported; exit code 2 when any line was bad.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "FHIR NDJSON: one Patient, Procedure or QuestionnaireResponse per line." };
        var data = DataOption.Create();
        var command = new Command("import", "Import FHIR NDJSON (Bulk Data format) into the KneeSpine store.") { file, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = parse.GetRequiredValue(file);
            if (!input.Exists)
            {
                console.WriteError($"{input.FullName}: no such file.");
                return ExitCodes.InvalidInput;
            }

            var app = await CliServices.OpenAsync(parse.GetValue(data), cancellationToken).ConfigureAwait(false);
            await using (app.ConfigureAwait(false))
            {
                var scope = app.Services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var started = CliAudit.Now(scope.ServiceProvider);
                    var importer = scope.ServiceProvider.GetRequiredService<FhirBulkImport>();
                    var stream = input.OpenRead();
                    using var reader = new StreamReader(stream);
                    var length = Math.Max(1, stream.Length);
                    // The file is streamed, so progress is how far into it the reader is (in thousandths).
                    var report = await BulkProgress.RunAsync(console, "Importing " + input.Name,
                        progress => importer.ImportAsync(reader, "import:" + input.Name,
                            progress is null ? null : _ => progress((int)(Math.Min(stream.Position, length) * 1000 / length), 1000),
                            cancellationToken)).ConfigureAwait(false);
                    foreach (var error in report.Errors)
                    {
                        console.WriteError($"{input.Name} line {error.Line}: {error.Message}");
                    }

                    var summary = $"Imported {report.Imported}, already present {report.AlreadyPresent}, skipped (derived) {report.Skipped}, bad lines {report.Errors.Count}.";
                    await console.Out.WriteLineAsync(summary).ConfigureAwait(false);
                    var recorded = await CliAudit.RecordAsync(scope.ServiceProvider, console, started, AuditAction.BulkImport,
                        report.Errors.Count == 0 ? AuditOutcome.Success : AuditOutcome.Failure, "import " + input.FullName, summary).ConfigureAwait(false);
                    return report.Errors.Count > 0 ? ExitCodes.InvalidInput : recorded ? ExitCodes.Success : ExitCodes.Failure;
                }
            }
        });
        return command;
    }
}
