using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Reports;

/// <summary>Small cohorts with known answers, stored through the API as a clinic would; each test uses its own surgery date so its filter sees only its patients.</summary>
internal static class ReportCohort
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<Guid> PatientAsync(HttpClient clinician, string birthDate = "1955-06-15", string sex = "female")
    {
        var response = await clinician.PostAsJsonAsync("/api/v1/patients", new { name = $"Report Patient {Guid.NewGuid():N}", birthDate, sex }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    /// <summary>Stores an assessment <paramref name="day"/> days after <paramref name="surgery"/>; returns the stored response (id, result).</summary>
    public static async Task<JsonObject> AssessAsync(
        HttpClient clinician, Guid patient, DateOnly surgery, int day, int backPain, string sex = "female", string anesthesia = "spinal", Action<JsonObject>? change = null)
    {
        var input = Inputs.Valid(surgery.AddDays(day), daysSinceSurgery: day, backPain: backPain);
        input["patient"]!["sex"] = sex;
        input["surgery"]!["anesthesia"] = anesthesia;
        change?.Invoke(input);
        var response = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(input), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    public static string Query(DateOnly surgery, string extra = "") => $"from={Inputs.Date(surgery)}&to={Inputs.Date(surgery)}{extra}";
}
