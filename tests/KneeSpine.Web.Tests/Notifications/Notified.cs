using System.Net;
using System.Text.Json.Nodes;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Store.Notifications;
using KneeSpine.Store.Worklist;
using KneeSpine.Web.Notifications;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.Notifications;

/// <summary>What the notification tests share: an app told about a test SMTP server, worrying results, the outbox.</summary>
internal static class Notified
{
    public const string PublicBaseUrl = "https://kneespine.test";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static Dictionary<string, string?> Settings(SmtpTestServer? smtp, params string[] careTeam)
    {
        var settings = new Dictionary<string, string?>(smtp?.Settings ?? new Dictionary<string, string?>())
        {
            ["KneeSpine:PublicBaseUrl"] = PublicBaseUrl,
        };
        for (var i = 0; i < careTeam.Length; i++)
        {
            settings[$"KneeSpine:Notifications:CareTeam:Emails:{i}"] = careTeam[i];
        }

        return settings;
    }

    /// <summary>An input whose result is an emergency (new bladder or bowel problem: cauda equina syndrome).</summary>
    public static JsonObject Emergency() => WithRedFlag("newBladderOrBowelProblem");

    /// <summary>An input whose result is urgent (fever or chills after surgery).</summary>
    public static JsonObject Urgent() => WithRedFlag("feverOrChills");

    public static async Task<(HttpClient Clinician, Guid Patient)> PatientAsync(TestApp app, string name)
    {
        var clinician = await app.ClientAsync(Roles.Clinician);
        return (clinician, await PatientsApiTests.CreatePatientAsync(clinician, name));
    }

    /// <summary>Stores an assessment through the API (which must answer 201) and returns its id.</summary>
    public static async Task<Guid> StoreAsync(HttpClient clinician, Guid patient, JsonObject input)
    {
        var response = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(input), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    public static Task<List<OutboxMessage>> OutboxAsync(TestApp app) =>
        app.WithServiceAsync<KneeSpineDbContext, List<OutboxMessage>>(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(Cancel));

    public static Task<WorklistItem> ItemOfAsync(TestApp app, Guid assessment) =>
        app.WithServiceAsync<KneeSpineDbContext, WorklistItem>(db => db.WorklistItems.AsNoTracking().SingleAsync(i => i.AssessmentId == assessment, Cancel));

    public static Task<OutboxRun> SendAsync(TestApp app) => app.Services.GetRequiredService<OutboxSender>().RunOnceAsync(Cancel);

    /// <summary>Runs the sender, moving the app's clock on by <paramref name="step"/> each time, until <paramref name="done"/> holds.</summary>
    public static async Task SendUntilAsync(TestApp app, Func<List<OutboxMessage>, bool> done, TimeSpan step, int mostRuns = 200)
    {
        for (var run = 0; run < mostRuns; run++)
        {
            await SendAsync(app);
            if (done(await OutboxAsync(app)))
            {
                return;
            }

            app.Time.Advance(step);
        }

        Assert.Fail($"The outbox did not reach the expected state in {mostRuns} runs.");
    }

    private static JsonObject WithRedFlag(string flag)
    {
        var input = Inputs.Valid(TestApp.Today, daysSinceSurgery: 10);
        input["redFlags"]![flag] = true;
        return input;
    }
}
