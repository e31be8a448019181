using System.Net;
using System.Text.RegularExpressions;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Handouts;

/// <summary>The downloaded handout names the clinic configured under <c>KneeSpine:Clinic</c> and gives its numbers.</summary>
public sealed class HandoutClinicTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_downloaded_handout_prints_the_configured_clinic_name_phone_and_emergency_number()
    {
        await using var app = await TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Clinic:Name"] = "Riverside Knee Clinic",
            ["KneeSpine:Clinic:Phone"] = "01632 960123",
            ["KneeSpine:Clinic:EmergencyNumber"] = "999",
        });
        var clinician = await app.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Handout Clinic Patient");
        var created = await clinician.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(Inputs.Valid()), Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var assessment = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();

        var pdf = await clinician.GetByteArrayAsync($"/patients/{patient}/assessments/{assessment}/handout", Cancel);

        var pages = PdfText.Pages(pdf);
        Assert.Contains("Riverside Knee Clinic, phone 01632 960123", Regex.Replace(pages[0], @"\s+", " "), StringComparison.Ordinal);
        var all = Regex.Replace(string.Join(' ', pages), @"\s+", " ");
        Assert.Contains("Call Riverside Knee Clinic on 01632 960123.", all, StringComparison.Ordinal);
        Assert.Contains("Emergency number: 999.", all, StringComparison.Ordinal);
    }
}
