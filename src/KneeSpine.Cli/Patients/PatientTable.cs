using System.Globalization;
using KneeSpine.Cli.Hosting;
using KneeSpine.Web.Patients;

namespace KneeSpine.Cli.Patients;

/// <summary>Patients as a plain table (<see cref="PlainTable"/>): the id to copy first, then who, the surgery and the latest triage.</summary>
internal static class PatientTable
{
    private static readonly string[] Headings = ["ID", "NAME", "BORN (AGE)", "SURGERY", "LATEST TRIAGE"];

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<PatientResponse> patients, DateOnly today)
    {
        if (patients.Count == 0)
        {
            await output.WriteLineAsync("No patients match.").ConfigureAwait(false);
            return;
        }

        await PlainTable.WriteAsync(output, Headings, [.. patients.Select(p => Cells(p, today))]).ConfigureAwait(false);
    }

    private static string[] Cells(PatientResponse p, DateOnly today) =>
    [
        p.Id.ToString(),
        p.Name,
        $"{Day(p.BirthDate)} ({AgeOn(p.BirthDate, today).ToString(CultureInfo.InvariantCulture)})",
        p.Surgery is { } surgery ? Day(surgery.Date) : "-",
        p.Latest is { } latest ? $"{latest.Triage} ({Day(latest.AssessedOn)})" : "-",
    ];

    private static int AgeOn(DateOnly birth, DateOnly today) =>
        today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
