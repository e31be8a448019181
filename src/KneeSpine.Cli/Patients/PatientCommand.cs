using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using KneeSpine.Cli.Hosting;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Patients;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Patients;

/// <summary>
/// <c>kneespine patient list [--search TEXT] [--sort ORDER] [--open-item LEVEL] [--overdue] [--json]</c> and <c>kneespine patient add --name NAME --birth-date DATE
/// --sex SEX</c>, both with <c>[--data DIR]</c>: find a patient's id (for <c>user add --patient</c>, <c>audit --patient</c>)
/// or create a record, as <c>GET</c> and <c>POST /api/v1/patients</c> do, recorded in the audit trail.
/// </summary>
internal static class PatientCommand
{
    // The API's JSON shape (camelCase), so scripts read the same fields from both.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create(CliConsole console) =>
        new("patient", "Find patients (and their ids) or add one.") { List(console), Add(console) };

    private static Command List(CliConsole console)
    {
        var search = new Option<string?>("--search") { Description = "Only patients whose name contains this text (any case)." };
        var sort = new Option<string?>("--sort") { Description = "Order: " + string.Join(", ", Code<PatientSort>.All) + " (default name).", HelpName = "ORDER" };
        var openItem = new Option<string?>("--open-item") { Description = "Only patients with an open worklist item of this level: " + string.Join(", ", Code<OpenItemFilter>.All) + ".", HelpName = "LEVEL" };
        var overdue = new Option<bool>("--overdue") { Description = "Only patients whose follow-up check-in is overdue." };
        var json = new Option<bool>("--json") { Description = "One JSON object per patient and line, as GET /api/v1/patients gives each item." };
        var data = DataOption.Create();
        var list = new Command("list", "List patients as the web's patient list does: id, name, birth date and age, surgery date, latest triage.")
        {
            search, sort, openItem, overdue, json, data,
        };
        list.SetAction((parse, cancellationToken) => CliServices.RunAsync(parse.GetValue(data), async (services, started) =>
        {
            var text = parse.GetValue(search);
            var first = PatientListQuery.Create(text, parse.GetValue(sort), parse.GetValue(openItem), parse.GetValue(overdue), null, null, null,
                1, PatientListQuery.MaxPageSize, out var problems);
            if (problems.Count > 0)
            {
                foreach (var (key, message) in problems)
                {
                    console.WriteError($"{ListOptionFor(key)}: {message}");
                }

                return ExitCodes.InvalidInput;
            }

            // The web's query (PatientDirectory), page by page, so the CLI and the patient list mean the same thing.
            var directory = services.GetRequiredService<PatientDirectory>();
            var patients = new List<PatientResponse>();
            for (var query = first; ; query = query with { Page = query.Page + 1 })
            {
                var page = await directory.ListForOperatorAsync(query, cancellationToken).ConfigureAwait(false);
                patients.AddRange(page.Items);
                if (page.Items.Count < query.PageSize || patients.Count >= page.Total)
                {
                    break;
                }
            }

            if (parse.GetValue(json))
            {
                foreach (var patient in patients)
                {
                    await console.Out.WriteLineAsync(JsonSerializer.Serialize(patient, Json)).ConfigureAwait(false);
                }
            }
            else
            {
                await PatientTable.WriteAsync(console.Out, patients, DateOnly.FromDateTime(started.UtcDateTime)).ConfigureAwait(false);
            }

            var detail = $"{patients.Count.ToString(CultureInfo.InvariantCulture)} patient(s) listed"
                + (string.IsNullOrWhiteSpace(text) ? "" : $" matching '{text.Trim()}'");
            return await CliAudit.RecordAsync(services, console, started, AuditAction.PatientList, AuditOutcome.Success, "patient list", detail)
                .ConfigureAwait(false) ? ExitCodes.Success : ExitCodes.Failure;
        }, cancellationToken));
        return list;
    }

    private static Command Add(CliConsole console)
    {
        var name = new Option<string>("--name") { Description = "Full name, as the clinic writes it.", Required = true };
        var birthDate = new Option<DateOnly>("--birth-date") { Description = "Date of birth, YYYY-MM-DD.", Required = true };
        var sex = new Option<string>("--sex") { Description = string.Join(", ", Code<Sex>.All) + ".", Required = true };
        sex.AcceptOnlyFromAmong([.. Code<Sex>.All]);
        var data = DataOption.Create();
        var add = new Command("add", "Add a patient record and print its id (as POST /api/v1/patients does).") { name, birthDate, sex, data };
        add.SetAction((parse, cancellationToken) => CliServices.RunAsync(parse.GetValue(data), async (services, started) =>
        {
            var patients = services.GetRequiredService<PatientService>();
            var request = new CreatePatientRequest(parse.GetValue(name), parse.GetValue(birthDate), parse.GetValue(sex));
            var problems = patients.Validate(request);
            if (problems.Count > 0)
            {
                foreach (var (path, message) in problems)
                {
                    console.WriteError($"{OptionFor(path)}: {message}");
                }

                await CliAudit.RecordAsync(services, console, started, AuditAction.PatientCreate, AuditOutcome.Failure, "patient add",
                    string.Join(" ", problems.Select(p => p.Value))).ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var patient = await patients.CreateAsync(request, Environment.UserName, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(patient.Id.ToString()).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"Added patient {patient.Name}; the line above is the id.").ConfigureAwait(false);
            return await CliAudit.RecordAsync(services, console, started, AuditAction.PatientCreate, AuditOutcome.Success, "patient add",
                "patient " + patient.Id, patient.Id).ConfigureAwait(false) ? ExitCodes.Success : ExitCodes.Failure;
        }, cancellationToken));
        return add;
    }

    // PatientListQuery names problems by the API's query parameter; here they are the options.
    private static string ListOptionFor(string key) => key switch
    {
        "openItem" => "--open-item",
        _ => "--" + key,
    };

    // PatientService names problems by the API's JSON path; here they are the options.
    private static string OptionFor(string path) => path switch
    {
        "birthDate" => "--birth-date",
        _ => "--" + path,
    };
}
