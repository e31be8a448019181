using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KneeSpine.Store.Database;
using KneeSpine.Store.Notifications;
using KneeSpine.Web.FollowUps;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.FollowUps;

/// <summary>Patients placed on the follow-up schedule through the API, and the reminder rows the outbox holds for them.</summary>
internal static class FollowUpPatients
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<Guid> CreateAsync(HttpClient clinician, string name, string? email = null, string? phone = null)
    {
        var response = await clinician.PostAsJsonAsync("/api/v1/patients", new { name, birthDate = "1955-06-15", sex = "female", email, phone }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>Stores a calm assessment dated <paramref name="assessedOn"/> for a surgery on <paramref name="surgery"/>.</summary>
    public static async Task AssessAsync(HttpClient client, Guid patient, DateOnly surgery, DateOnly assessedOn)
    {
        var input = Inputs.Valid(assessedOn, daysSinceSurgery: assessedOn.DayNumber - surgery.DayNumber);
        var response = await client.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(input), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, Guid patient) =>
        await (await client.GetAsync($"/api/v1/patients/{patient}", Cancel)).ReadObjectAsync();

    /// <summary>The patient's reminder rows, by key.</summary>
    public static Task<List<OutboxMessage>> RemindersAsync(TestApp app, Guid patient) =>
        app.WithServiceAsync<KneeSpineDbContext, List<OutboxMessage>>(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.PatientId == patient && m.Topic == ReminderKey.Topic)
            .OrderBy(m => m.DeduplicationKey)
            .ToListAsync(Cancel));

    public static string Key(Guid patient, DateOnly dueOn, int number) => new ReminderKey(patient, dueOn, number).ToString();
}
