using System.CommandLine;
using System.Globalization;
using KneeSpine.Cli.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Engine.Codes;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Fhir.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Audit;

/// <summary>
/// <c>kneespine audit [--data DIR] [--patient ID] [--user TEXT] [--action CODE] [--outcome CODE] [--since WHEN]
/// [--until WHEN] [--limit N] [--json | --fhir]</c>: lists the audit trail, newest first.
/// </summary>
internal static class AuditCommand
{
    public const int DefaultTableLimit = 100;

    private const string Summary = "List the audit trail, newest first: who read or changed which record, sign-ins, tokens, imports, exports.";

    private const string Help = """
        List the audit trail, newest first: every read and change of patient records, sign-ins, tokens, account
        changes, imports and exports, with who, when (UTC), the outcome and from where.

        Output: a table to read (the newest 100 unless --limit says otherwise); --json writes one JSON object
        per line with every field (patientId included); --fhir writes one FHIR R4 AuditEvent per line (NDJSON).
        --json and --fhir write every matching event unless --limit is given.

        Examples:
          kneespine audit --patient 0193a1b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b
          kneespine audit --action login --outcome failure --since 2026-11-01
          kneespine audit --json --since 2026-11-01 > audit.ndjson

        Reading the trail is itself recorded (action audit-read). Exit codes: 0 done; 2 wrong arguments
        (a patient id that is not a UUID, an unknown action, a date that does not read); 1 unexpected failure.
        """;

    public static Command Create(CliConsole console)
    {
        var patient = new Option<Guid?>("--patient") { Description = "Only events about this patient's record (the patient id).", HelpName = "PATIENT-ID" };
        var user = new Option<string?>("--user") { Description = "Only events whose user name contains this text (any case), or whose account id it is." };
        var action = new Option<string?>("--action") { Description = "Only this action: " + string.Join(", ", Code<AuditAction>.All) + "." };
        action.AcceptOnlyFromAmong([.. Code<AuditAction>.All]);
        var outcome = new Option<string?>("--outcome") { Description = "Only this outcome: success, failure or denied." };
        outcome.AcceptOnlyFromAmong([.. Code<AuditOutcome>.All]);
        var since = new Option<DateTimeOffset?>("--since") { Description = "From this day (YYYY-MM-DD, UTC) or instant.", CustomParser = AuditArguments.Since };
        var until = new Option<DateTimeOffset?>("--until") { Description = "Up to the end of this day (YYYY-MM-DD, UTC), or up to this instant.", CustomParser = AuditArguments.Until };
        var limit = new Option<int?>("--limit") { Description = $"At most this many events (default {DefaultTableLimit} for the table, all for --json and --fhir)." };
        ValueForm.WholeNumberFrom(limit, 1);
        var json = new Option<bool>("--json") { Description = "One JSON object per event and line." };
        var fhir = new Option<bool>("--fhir") { Description = "One FHIR R4 AuditEvent per line (NDJSON)." };
        var data = DataOption.Create();

        var command = new DetailedCommand("audit", Summary, Help) { patient, user, action, outcome, since, until, limit, json, fhir, data };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(fhir))
            {
                result.AddError("--json and --fhir cannot be used together: choose one output format.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = new AuditFilter
            {
                PatientId = parse.GetValue(patient),
                User = parse.GetValue(user),
                Action = parse.GetValue(action) is { } a && Code<AuditAction>.TryParse(a, out var act) ? act : null,
                Outcome = parse.GetValue(outcome) is { } o && Code<AuditOutcome>.TryParse(o, out var outc) ? outc : null,
                From = parse.GetValue(since),
                Until = parse.GetValue(until),
            };
            var asJson = parse.GetValue(json);
            var asFhir = parse.GetValue(fhir);
            var max = parse.GetValue(limit) ?? (asJson || asFhir ? (int?)null : DefaultTableLimit);

            var app = await CliServices.OpenAsync(parse.GetValue(data), cancellationToken).ConfigureAwait(false);
            await using (app.ConfigureAwait(false))
            {
                var scope = app.Services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var services = scope.ServiceProvider;
                    var started = CliAudit.Now(services);
                    IQueryable<AuditEvent> query = services.GetRequiredService<KneeSpineDbContext>().AuditEvents.AsNoTracking().Matching(filter).NewestFirst();
                    if (max is { } n)
                    {
                        query = query.Take(n);
                    }

                    var written = 0;
                    if (asJson || asFhir)
                    {
                        await foreach (var e in query.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
                        {
                            await console.Out.WriteLineAsync(asJson ? AuditJsonLine.Of(e) : FhirNdjson.Line(AuditEntries.ToFhir(e))).ConfigureAwait(false);
                            written++;
                        }
                    }
                    else
                    {
                        var events = await query.ToListAsync(cancellationToken).ConfigureAwait(false);
                        await AuditTable.WriteAsync(console.Out, events).ConfigureAwait(false);
                        written = events.Count;
                    }

                    var detail = $"{written.ToString(CultureInfo.InvariantCulture)} event(s) listed as {(asJson ? "JSON" : asFhir ? "FHIR" : "a table")}";
                    return await CliAudit.RecordAsync(services, console, started, AuditAction.AuditRead, AuditOutcome.Success, "audit", detail, filter.PatientId)
                        .ConfigureAwait(false) ? ExitCodes.Success : ExitCodes.Failure;
                }
            }
        });
        return command;
    }
}
