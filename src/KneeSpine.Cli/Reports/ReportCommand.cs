using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KneeSpine.Cli.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Web.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Reports;

/// <summary><c>kneespine report [--from DATE] [--to DATE] [filters] [--format table|json|csv] [--table ID] [--data DIR]</c>: the outcomes report of <c>/reports</c>.</summary>
internal static class ReportCommand
{
    private const string Summary = "The outcomes report of /reports, as a table, JSON or CSV.";

    private const string Help = """
        The outcomes report, the same numbers as the /reports page (definitions in docs/reports.md), for the patients
        whose surgery date is in --from/--to and who match the other filters. Counts below
        KneeSpine:Reports:MinimumCellSize (default 5) are shown as "<5" in every format.

        Formats: table (default) prints every table for people; json writes one object with "patients",
        "assessments", "dataAsOf" and "tables" (each with "title", "columns", "rows"); csv writes every table as CSV,
        each after a line with its id, separated by a blank line (or only the one named by --table).

        Examples:
          kneespine report
          kneespine report --from 2026-01-01 --to 2026-06-30 --format json
          kneespine report --sex female --age 65-74 --format csv --table back-pain-course

        Exit codes: 0 done; 2 wrong arguments (a date that does not read, an unknown code or table); 1 unexpected failure.
        """;

    public static Command Create(CliConsole console)
    {
        var from = new Option<DateOnly?>("--from") { Description = "Earliest surgery date (YYYY-MM-DD), inclusive." };
        var to = new Option<DateOnly?>("--to") { Description = "Latest surgery date (YYYY-MM-DD), inclusive." };
        var age = new Option<string?>("--age") { Description = "Age at surgery: " + string.Join(", ", AgeBands.All.Select(AgeBands.Code)) + "." };
        age.AcceptOnlyFromAmong([.. AgeBands.All.Select(AgeBands.Code)]);
        var sex = CodeOption<Sex>("--sex", "Sex");
        var anaesthesia = CodeOption<Anesthesia>("--anaesthesia", "Anaesthesia");
        var procedure = CodeOption<SurgeryProcedure>("--procedure", "Procedure");
        var side = CodeOption<SurgerySide>("--side", "Side");
        var format = new Option<string>("--format") { Description = "table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var tableId = new Option<string?>("--table") { Description = "Only this table (its id, e.g. back-pain-course)." };
        tableId.AcceptOnlyFromAmong(ReportTables.Headline, ReportTables.FollowUp, ReportTables.TriageByWeek, ReportTables.Alerts, ReportTables.Factors,
            ReportTables.PainCourse, ReportTables.PersistentPain, ReportTables.Phq2, ReportTables.Gad2, ReportTables.BackFunction);
        var data = DataOption.Create();
        var command = new DetailedCommand("report", Summary, Help) { from, to, age, sex, anaesthesia, procedure, side, format, tableId, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var values = new Dictionary<string, string?>
            {
                ["from"] = parse.GetValue(from)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["to"] = parse.GetValue(to)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["age"] = parse.GetValue(age),
                ["sex"] = parse.GetValue(sex),
                ["anaesthesia"] = parse.GetValue(anaesthesia),
                ["procedure"] = parse.GetValue(procedure),
                ["side"] = parse.GetValue(side),
            };
            var (filter, errors) = ReportFilter.Parse(name => values[name]);
            if (errors.Count > 0)
            {
                foreach (var (name, message) in errors)
                {
                    await console.Error.WriteLineAsync($"--{name}: {message}").ConfigureAwait(false);
                }

                return ExitCodes.InvalidInput;
            }

            return await CliServices.RunAsync(parse.GetValue(data), async (services, _) =>
            {
                // The server backfills in the background; the CLI opens no server, so it does the same first (ADR-150).
                await services.GetRequiredService<ReportRowBackfill>().RunAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                var report = await services.GetRequiredService<ReportService>().BuildAsync(filter, cancellationToken).ConfigureAwait(false);
                var only = parse.GetValue(tableId);
                var tables = report.Tables.Where(t => only is null || t.Id == only).ToList();
                switch (parse.GetValue(format))
                {
                    case "json":
                        await console.Out.WriteLineAsync(ReportJson.ToJson(report with { Tables = tables }).ToJsonString(new JsonSerializerOptions { WriteIndented = true })).ConfigureAwait(false);
                        break;
                    case "csv":
                        for (var i = 0; i < tables.Count; i++)
                        {
                            if (only is null)
                            {
                                await console.Out.WriteLineAsync((i > 0 ? Environment.NewLine : "") + "# " + tables[i].Id).ConfigureAwait(false);
                            }

                            await console.Out.WriteAsync(ReportCsv.ToText(tables[i])).ConfigureAwait(false);
                        }

                        break;
                    default:
                        await WriteTablesAsync(console.Out, report, tables).ConfigureAwait(false);
                        break;
                }

                if (report.TooFew)
                {
                    await console.Error.WriteLineAsync($"Fewer than {report.MinimumCellSize} patients match this filter, so no table is given; widen the filter.").ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Option<string?> CodeOption<TCode>(string name, string what) where TCode : struct, Enum
    {
        var option = new Option<string?>(name) { Description = $"{what}: {string.Join(", ", Code<TCode>.All)}." };
        option.AcceptOnlyFromAmong([.. Code<TCode>.All]);
        return option;
    }

    private static async Task WriteTablesAsync(TextWriter output, OutcomesReport report, IReadOnlyList<ReportTable> tables)
    {
        string Count(long? n) => n is { } value ? value.ToString("N0", CultureInfo.InvariantCulture) : "<" + report.MinimumCellSize.ToString(CultureInfo.InvariantCulture);
        await output.WriteLineAsync($"Patients: {Count(report.Patients)}   Assessments: {Count(report.Assessments)}").ConfigureAwait(false);
        await output.WriteLineAsync("Data as of " + (report.DataAsOf?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "(no assessments yet)")).ConfigureAwait(false);
        foreach (var table in tables)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync(table.Title).ConfigureAwait(false);
            await PlainTable.WriteAsync(output, [.. table.Columns], table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(c => c.Text)])).ConfigureAwait(false);
        }
    }
}
