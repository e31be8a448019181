using System.Net;
using System.Text.Json.Nodes;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.Worklist;

/// <summary>Assessment inputs at each triage level (from the calm baseline of <see cref="Inputs"/>), and stored worklist items.</summary>
public static class Levels
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Chest pain or shortness of breath: possible pulmonary embolism, an emergency.</summary>
    public static JsonObject Emergency(DateOnly assessedOn)
    {
        var input = Inputs.Valid(assessedOn);
        input["redFlags"]!["chestPainOrShortnessOfBreath"] = true;
        return input;
    }

    /// <summary>Fever or chills after surgery: urgent.</summary>
    public static JsonObject Urgent(DateOnly assessedOn)
    {
        var input = Inputs.Valid(assessedOn);
        input["redFlags"]!["feverOrChills"] = true;
        return input;
    }

    /// <summary>Moderate pain seven weeks after surgery: soon.</summary>
    public static JsonObject Soon(DateOnly assessedOn) => Inputs.Valid(assessedOn, daysSinceSurgery: 50, backPain: 6);

    /// <summary>No warning signs.</summary>
    public static JsonObject Calm(DateOnly assessedOn) => Inputs.Valid(assessedOn);

    /// <summary>Stores <paramref name="input"/> for <paramref name="patient"/>; the stored assessment.</summary>
    public static async Task<JsonObject> StoreAsync(HttpClient clinician, Guid patient, JsonObject input)
    {
        var response = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(input), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    /// <summary>The id of the worklist item that <paramref name="assessmentId"/> opened.</summary>
    public static Task<Guid> ItemOfAsync(TestApp app, Guid assessmentId) =>
        app.WithServiceAsync<KneeSpineDbContext, Guid>(db =>
            db.WorklistItems.Where(i => i.AssessmentId == assessmentId).Select(i => i.Id).SingleAsync(Cancel));
}
