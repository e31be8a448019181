using System.Globalization;
using System.Text.Json.Nodes;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Store.Database;
using KneeSpine.Store.Patients;
using KneeSpine.Web.Assessments;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Demo;

/// <summary>
/// Seeds clearly fictional patients (every name starts "Demo Patient") with several follow-ups each, dated relative
/// to today, so a first-time user sees a living app. Does nothing when demo patients already exist.
/// </summary>
internal sealed partial class DemoSeeder(KneeSpineDbContext db, AssessmentService assessments, TimeProvider time, ILogger<DemoSeeder> logger)
{
    public const string Author = "demo";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Patients.AnyAsync(p => p.IsDemo, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var demo in DemoPatients.All)
        {
            var patient = new Patient
            {
                Id = Guid.CreateVersion7(now),
                Name = demo.Name,
                BirthDate = demo.BirthDate,
                Sex = demo.Sex,
                IsDemo = true,
                CreatedAt = now,
                CreatedBy = Author,
            };
            db.Patients.Add(patient);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            var surgeryDate = today.AddDays(-demo.SurgeryDaysAgo);
            foreach (var visit in demo.Visits)
            {
                var input = Input(demo, surgeryDate, visit);
                var outcome = await assessments.RecordAsync(patient.Id, System.Text.Encoding.UTF8.GetBytes(input.ToJsonString()), Author, cancellationToken).ConfigureAwait(false);
                if (outcome.Assessment is null)
                {
                    throw new InvalidOperationException($"Demo assessment for {demo.Name} day {visit.Day} is invalid: {string.Join("; ", outcome.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
                }
            }
        }

        LogSeeded(logger, DemoPatients.All.Count);
    }

    private static JsonObject Input(DemoPatient demo, DateOnly surgeryDate, DemoVisit visit)
    {
        var assessedOn = surgeryDate.AddDays(visit.Day);
        var age = assessedOn.Year - demo.BirthDate.Year - (assessedOn < demo.BirthDate.AddYears(assessedOn.Year - demo.BirthDate.Year) ? 1 : 0);
        var surgery = demo.Surgery.DeepClone().AsObject();
        surgery["date"] = Date(surgeryDate);
        var input = new JsonObject
        {
            ["schemaVersion"] = AssessmentInput.SchemaVersion,
            ["assessedOn"] = Date(assessedOn),
            ["patient"] = new JsonObject { ["ageYears"] = age, ["sex"] = Code<Sex>.ToCode(demo.Sex), ["heightCm"] = 168, ["weightKg"] = 74 },
            ["surgery"] = surgery,
            ["backPain"] = new JsonObject { ["intensityNow"] = visit.BackPain, ["startedWhen"] = "after-surgery", ["historyBeforeSurgery"] = "occasional" },
            ["knee"] = new JsonObject { ["painNow"] = visit.KneePain, ["painBeforeSurgery"] = 7 },
            ["activity"] = new JsonObject { ["exerciseMinutesPerWeek"] = Math.Min(visit.Day * 5, 180), ["walkingAid"] = visit.Day < 21 ? "crutches" : "none" },
            // Every red-flag question answered: an unanswered one is never a "no".
            ["redFlags"] = new JsonObject([.. InputFields.All.Where(f => f.Section == "redFlags").Select(f => KeyValuePair.Create(f.Path["redFlags.".Length..], (JsonNode?)false))]),
        };
        visit.Adjust?.Invoke(input);
        return input;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} fictional demo patients")]
    private static partial void LogSeeded(ILogger logger, int count);
}
