using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Audit;
using KneeSpine.Web.FollowUps;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.FollowUps;

/// <summary><c>kneespine followups due [--as-of DATE] [--data DIR] [--json]</c>: who is due or overdue for a check-in.</summary>
internal static class FollowUpsCommand
{
    private const string DueHelp = """
        List the patients whose next follow-up check-in is due or overdue (check-ins at KneeSpine:FollowUp:Days
        after surgery; done by any assessment from 3 days before). Most overdue first.

        Output: a table (patient id, name, check-in day, due date, days overdue, reminders sent); --json writes the
        same as GET /api/v1/followups/due: {"asOf", "items": [...], "total"}.

        Examples:
          kneespine followups due
          kneespine followups due --as-of 2026-12-01 --json

        Listing is recorded in the audit trail (action patient-list). Exit codes: 0 done; 2 wrong arguments (a date
        that does not read); 1 unexpected failure.
        """;

    private static readonly string[] Headings = ["PATIENT ID", "NAME", "CHECK-IN", "DUE", "DAYS OVERDUE", "REMINDERS SENT"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CliConsole console)
    {
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The date to list for (YYYY-MM-DD); default today.", CustomParser = ParseDate };
        var json = new Option<bool>("--json") { Description = "The list as one JSON document." };
        var data = DataOption.Create();
        var due = new Command("due", DueHelp) { asOf, json, data };
        due.SetAction(async (parse, cancellationToken) =>
        {
            var app = await CliServices.OpenAsync(parse.GetRequiredValue(data), cancellationToken).ConfigureAwait(false);
            await using (app.ConfigureAwait(false))
            {
                var scope = app.Services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var services = scope.ServiceProvider;
                    var started = CliAudit.Now(services);
                    var date = parse.GetValue(asOf) ?? services.GetRequiredService<FollowUpCalendar>().Today;
                    var items = await services.GetRequiredService<FollowUpService>().DueAsync(date, cancellationToken).ConfigureAwait(false);
                    if (parse.GetValue(json))
                    {
                        await console.Out.WriteLineAsync(JsonSerializer.Serialize(new DueFollowUpsResponse(date, items, items.Count), Json)).ConfigureAwait(false);
                    }
                    else if (items.Count == 0)
                    {
                        await console.Out.WriteLineAsync($"No check-ins are due on or before {Day(date)}.").ConfigureAwait(false);
                    }
                    else
                    {
                        await PlainTable.WriteAsync(console.Out, Headings, items.Select(Cells)).ConfigureAwait(false);
                    }

                    var detail = $"{items.Count.ToString(CultureInfo.InvariantCulture)} follow-up(s) due as of {Day(date)}";
                    return await CliAudit.RecordAsync(services, console, started, AuditAction.PatientList, AuditOutcome.Success, "followups due", detail)
                        .ConfigureAwait(false) ? ExitCodes.Success : ExitCodes.Failure;
                }
            }
        });
        return new Command("followups", "Follow-up check-ins: who is due or overdue.") { due };
    }

    private static string[] Cells(DueFollowUp d) =>
    [
        d.PatientId.ToString(),
        d.Name,
        "day " + d.Day.ToString(CultureInfo.InvariantCulture),
        Day(d.DueOn),
        d.DaysOverdue.ToString(CultureInfo.InvariantCulture),
        d.RemindersSent.ToString(CultureInfo.InvariantCulture) + (d.HasEmail ? d.RemindersOptedOut ? " (opted out)" : "" : " (no email)"),
    ];

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--as-of: '{text}' is not a date; use YYYY-MM-DD.");
        return null;
    }
}
