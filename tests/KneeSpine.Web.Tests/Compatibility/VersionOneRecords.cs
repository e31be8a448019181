using System.Text.Json.Nodes;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Results;
using KneeSpine.Store.Assessments;
using KneeSpine.Store.Database;
using KneeSpine.Store.Patients;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Compatibility;

/// <summary>
/// Assessments exactly as the version 1 code (main 7e70150, schemaVersion 1, knowledge base 2026.11) stored them:
/// captured through its POST /api/v1/patients/{id}/assessments and read back from its database
/// (TestData/v1/stored-assessments.json), then inserted row by row as it wrote them.
/// </summary>
internal static class VersionOneRecords
{
    /// <summary>The v1 emergency result's own headline (version 2 words it differently).</summary>
    public const string EmergencyHeadline = "Call emergency services or go to the emergency department now.";

    public static JsonArray Rows { get; } =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "v1", "stored-assessments.json")))!["assessments"]!.AsArray();

    /// <summary>The stored rows: day 1 self-care (back pain 3), then day 4 emergency (back pain 7, saddle numbness on a therapeutic anticoagulant).</summary>
    public static (JsonObject SelfCare, JsonObject Emergency) Captured => (Rows[0]!.AsObject(), Rows[1]!.AsObject());

    public static string ExportNdjsonPath { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "v1", "export.ndjson");

    /// <summary>Creates a patient and inserts both captured rows for it; returns the patient and the two assessment ids.</summary>
    public static async Task<(Guid Patient, Guid SelfCare, Guid Emergency)> InsertAsync(TestApp app)
    {
        var patientId = Guid.NewGuid();
        var ids = (SelfCare: Guid.NewGuid(), Emergency: Guid.NewGuid());
        await app.WithServiceAsync<KneeSpineDbContext, int>(async db =>
        {
            db.Patients.Add(new Patient
            {
                Id = patientId,
                Name = "Version One Record",
                BirthDate = new DateOnly(1951, 7, 21),
                Sex = Engine.Input.Sex.Female,
                SurgeryDate = new DateOnly(2026, 11, 16),
                CreatedAt = app.Time.GetUtcNow(),
                CreatedBy = "v1@example.org",
            });
            db.Assessments.Add(Row(Captured.SelfCare, ids.SelfCare, patientId, app.Time.GetUtcNow()));
            db.Assessments.Add(Row(Captured.Emergency, ids.Emergency, patientId, app.Time.GetUtcNow()));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        return (patientId, ids.SelfCare, ids.Emergency);
    }

    private static Assessment Row(JsonObject row, Guid id, Guid patientId, DateTimeOffset createdAt) => new()
    {
        Id = id,
        PatientId = patientId,
        SeriesId = id,
        Version = 1,
        AssessedOn = DateOnly.Parse(row["AssessedOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
        DaysSinceSurgery = row["DaysSinceSurgery"]!.GetValue<int>(),
        Triage = Code<TriageLevel>.TryParse(row["Triage"]!.GetValue<string>(), out var triage) ? triage : throw new FormatException("Unknown triage level."),
        BackPainNow = row["BackPainNow"]!.GetValue<int>(),
        KneePainNow = row["KneePainNow"]?.GetValue<int>(),
        KnowledgeBaseVersion = row["KnowledgeBaseVersion"]!.GetValue<string>(),
        InputJson = row["InputJson"]!.GetValue<string>(),
        ResultJson = row["ResultJson"]!.GetValue<string>(),
        CreatedAt = createdAt,
        CreatedBy = row["CreatedBy"]!.GetValue<string>(),
    };
}
