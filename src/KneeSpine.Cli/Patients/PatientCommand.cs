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
/// <c>kneespine patient list [--search TEXT] [--json]</c> and <c>kneespine patient add --name NAME --birth-date DATE
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
        var json = new Option<bool>("--json") { Description = "One JSON object per patient and line, as GET /api/v1/patients gives it." };
        var data = DataOption.Create();
        var list = new Command("list", "List patients by name: id, name, birth date and age, surgery date, latest triage.") { search, json, data };
        list.SetAction((parse, cancellationToken) => CliServices.RunAsync(parse.GetValue(data), async (services, started) =>
        {
            var text = parse.GetValue(search);
            var patients = await services.GetRequiredService<PatientService>().SearchAllAsync(text, cancellationToken).ConfigureAwait(false);
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

    // PatientService names problems by the API's JSON path; here they are the options.
    private static string OptionFor(string path) => path switch
    {
        "birthDate" => "--birth-date",
        _ => "--" + path,
    };
}
