// Firely's POCOs declare every element nullable; tests navigate them freely, and a null there fails the test anyway.
#nullable disable warnings
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Tests.Support;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.Fhir;

/// <summary>
/// Every error under /fhir is an OperationOutcome, whichever layer refuses the request: the rate limiter (429),
/// the size ceilings (413), the body and format checks (415, 406), authentication and access (401, 403), routing
/// (404, 405). The database outage (503) is in <c>DatabaseOutageTests</c>. None of these depends on the store, so
/// the class runs on SQLite only.
/// </summary>
public sealed class FhirErrorOutcomeTests(SqliteApp fixture, FhirValidatorFixture validator) : IClassFixture<SqliteApp>
{
    private const string Assess = "/fhir/QuestionnaireResponse/$assess";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task Assess_beyond_the_rate_limit_is_429_OperationOutcome_with_retry_after()
    {
        await using var limited = await TestApp.StartAsync(TestDatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["KneeSpine:Evaluate:PermitLimit"] = "2",
            ["KneeSpine:Evaluate:WindowSeconds"] = "3600",
        });
        var client = limited.Anonymous();
        var body = FhirHttp.ExampleResponse("01-mild-pain-after-spinal");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Assess, FhirHttp.Content(body), Cancel)).StatusCode);
        }

        var refused = await client.PostAsync(Assess, FhirHttp.Content(body), Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var issue = await IssueAsync(refused);
        Assert.Equal(OperationOutcome.IssueType.Throttled, issue.Code);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        Assert.Contains(((int)retryAfter.Value.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), issue.Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_past_the_one_MiB_ceiling_is_413_OperationOutcome_before_anything_reads_it()
    {
        var response = await App.Anonymous().PostAsync(Assess, new StringContent(Padded(2 * 1024 * 1024), Encoding.UTF8, FhirHttp.FhirJsonType), Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.TooCostly, (await IssueAsync(response)).Code);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_resource_past_64_KiB_is_413_OperationOutcome_with_or_without_a_declared_length(bool declaredLength)
    {
        var bytes = Encoding.UTF8.GetBytes(Padded(200 * 1024));
        HttpContent content = declaredLength ? new ByteArrayContent(bytes) : new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue(FhirHttp.FhirJsonType);
        if (!declaredLength)
        {
            content.Headers.ContentLength = null;
        }

        var clinician = await App.ClientAsync(Roles.Clinician);
        var response = await clinician.PostAsync("/fhir/QuestionnaireResponse", content, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.TooCostly, (await IssueAsync(response)).Code);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/fhir+xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_JSON_is_415_OperationOutcome(string mediaType)
    {
        var response = await App.Anonymous().PostAsync(Assess, FhirHttp.Content(FhirHttp.ExampleResponse("01-mild-pain-after-spinal"), mediaType), Cancel);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.NotSupported, (await IssueAsync(response)).Code);
    }

    [Theory]
    [InlineData("/fhir/metadata")]
    [InlineData("/fhir/Observation/1")]
    [InlineData(Assess)]
    public async Task Asking_for_XML_is_406_OperationOutcome_on_every_route(string path)
    {
        using var request = FhirHttp.Get(path, "application/fhir+xml");

        var response = await App.Anonymous().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.NotSupported, (await IssueAsync(response)).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ksp_not-a-real-token")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")]
    public async Task Without_a_valid_token_stored_records_are_401_OperationOutcome(string? token)
    {
        var client = App.Anonymous();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var read = await client.SendAsync(FhirHttp.Get($"/fhir/QuestionnaireResponse?subject=Patient/{Guid.NewGuid()}"), Cancel);
        var write = await client.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse("01-mild-pain-after-spinal", $"Patient/{Guid.NewGuid()}")), Cancel);

        foreach (var response in new[] { read, write })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Null(response.Headers.Location);
            Assert.Equal(OperationOutcome.IssueType.Login, (await IssueAsync(response)).Code);
        }
    }

    [Fact]
    public async Task A_patient_account_reaching_for_another_record_is_403_OperationOutcome_on_every_stored_route()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var own = await PatientsApiTests.CreatePatientAsync(clinician, "Own Outcome Patient");
        var other = await PatientsApiTests.CreatePatientAsync(clinician, "Other Outcome Patient");
        var patient = await App.ClientAsync(Roles.Patient, own);

        var responses = new[]
        {
            await patient.SendAsync(FhirHttp.Get($"/fhir/Patient/{other}"), Cancel),
            await patient.SendAsync(FhirHttp.Get($"/fhir/Patient/{other}/$everything"), Cancel),
            await patient.SendAsync(FhirHttp.Get($"/fhir/QuestionnaireResponse?subject=Patient/{other}"), Cancel),
            await patient.SendAsync(FhirHttp.Get($"/fhir/Procedure?patient={other}"), Cancel),
            await patient.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse("01-mild-pain-after-spinal", $"Patient/{other}")), Cancel),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(OperationOutcome.IssueType.Forbidden, (await IssueAsync(response)).Code);
        }
    }

    [Theory]
    [InlineData("GET", "/fhir/Observation", HttpStatusCode.NotFound)]
    [InlineData("GET", "/fhir/Patient/00000000-0000-0000-0000-000000000001/$validate", HttpStatusCode.NotFound)]
    [InlineData("POST", "/fhir/Patient/$match", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/fhir/Questionnaire/kneespine-assessment/$populate", HttpStatusCode.NotFound)]
    [InlineData("PATCH", "/fhir/Patient/00000000-0000-0000-0000-000000000001", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PUT", "/fhir/Questionnaire/kneespine-assessment", HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/fhir/metadata", HttpStatusCode.MethodNotAllowed)]
    public async Task Unknown_types_and_operations_and_wrong_methods_are_404_or_405_OperationOutcome(string method, string path, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{\"resourceType\":\"Parameters\"}", Encoding.UTF8, FhirHttp.FhirJsonType);
        }

        var response = await App.Anonymous().SendAsync(request, Cancel);

        Assert.Equal(status, response.StatusCode);
        var issue = await IssueAsync(response);
        Assert.Contains(issue.Code, new OperationOutcome.IssueType?[] { OperationOutcome.IssueType.NotSupported, OperationOutcome.IssueType.NotFound });
    }

    /// <summary>The one issue of the answer's OperationOutcome, which must be valid R4 itself.</summary>
    private async Task<OperationOutcome.IssueComponent> IssueAsync(HttpResponseMessage response)
    {
        var outcome = await response.OutcomeAsync();
        validator.AssertValid(outcome);
        return Assert.Single(outcome.Issue);
    }

    /// <summary>A QuestionnaireResponse padded to about <paramref name="bytes"/> bytes.</summary>
    private static string Padded(int bytes) =>
        "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"id\":\"" + new string('a', bytes) + "\"}";
}
