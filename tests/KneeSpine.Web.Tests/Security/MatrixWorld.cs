using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Security;

/// <summary>Two patients with one assessment each, a patient account for each, a clinician and an admin.</summary>
public sealed class MatrixWorld
{
    private readonly TestApp _app;
    private readonly Dictionary<CallerKind, HttpClient> _clients;
    private readonly Dictionary<CallerKind, string> _emails;

    private MatrixWorld(TestApp app, Dictionary<CallerKind, HttpClient> clients, Dictionary<CallerKind, string> emails, string patientAName, Guid patientA, Guid assessmentA, Guid patientB, Guid worklistItemA)
    {
        WorklistItemA = worklistItemA;
        _app = app;
        _clients = clients;
        _emails = emails;
        PatientAName = patientAName;
        PatientA = patientA;
        AssessmentA = assessmentA;
        PatientB = patientB;
    }

    public string PatientAName { get; }

    public Guid PatientA { get; }

    public Guid AssessmentA { get; }

    public Guid PatientB { get; }

    /// <summary>An open worklist item of patient A (an urgent result stored after <see cref="AssessmentA"/>).</summary>
    public Guid WorklistItemA { get; }

    /// <summary>The account id of patient A's account (the admin's account pages take an account id).</summary>
    public string AccountA { get; private init; } = "";

    public HttpClient Anonymous => _clients[CallerKind.Anonymous];

    public static async Task<MatrixWorld> CreateAsync(TestApp app)
    {
        var clinician = await app.ClientAsync(Roles.Clinician);
        var nameA = "Matrix Alice " + Guid.NewGuid().ToString("N")[..8];
        var patientA = await PatientsApiTests.CreatePatientAsync(clinician, nameA);
        var patientB = await PatientsApiTests.CreatePatientAsync(clinician, "Matrix Bob " + Guid.NewGuid().ToString("N")[..8]);
        var assessmentA = await CreateAssessmentAsync(clinician, patientA);
        await CreateAssessmentAsync(clinician, patientB);
        var worrying = await CreateAssessmentAsync(clinician, patientA, Worklist.Levels.Urgent(TestApp.Today.AddDays(-1)));
        var itemA = await Worklist.Levels.ItemOfAsync(app, worrying);

        var emails = new Dictionary<CallerKind, string>();
        async Task<HttpClient> PatientAsync(CallerKind kind, Guid patient)
        {
            emails[kind] = $"patient-{Guid.NewGuid():N}@example.org";
            var (_, token) = await app.CreateAccountAsync(Roles.Patient, patient, emails[kind]);
            var client = app.Anonymous();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        var clients = new Dictionary<CallerKind, HttpClient>
        {
            [CallerKind.Anonymous] = app.Anonymous(),
            [CallerKind.PatientA] = await PatientAsync(CallerKind.PatientA, patientA),
            [CallerKind.PatientB] = await PatientAsync(CallerKind.PatientB, patientB),
            [CallerKind.Clinician] = clinician,
            [CallerKind.Admin] = await app.ClientAsync(Roles.Admin),
        };
        var accountA = (await app.FindUserAsync(emails[CallerKind.PatientA]))!.Id;
        return new MatrixWorld(app, clients, emails, nameA, patientA, assessmentA, patientB, itemA)
        {
            AccountA = accountA,
            FhirIds = await FhirIdsAsync(clinician, clients[CallerKind.Admin], patientA),
            ExportJobs = (await ExportAsync(clients[CallerKind.Admin], waitForFiles: true), await ExportAsync(clients[CallerKind.Admin], waitForFiles: false)),
        };
    }

    public IEnumerable<(CallerKind Kind, HttpClient Client)> Callers() =>
        _clients.Select(c => (c.Key, c.Value));

    /// <summary>The id of one resource of each FHIR type in patient A's record (from $everything), and of an AuditEvent about it.</summary>
    public IReadOnlyDictionary<string, string> FhirIds { get; private init; } = new Dictionary<string, string>();

    /// <summary>The value for a route parameter: patient A's record, or what the rule says <c>{id}</c> holds.</summary>
    public string Value(string parameter, IdKind id, string resourceType = "") => parameter.ToLowerInvariant() switch
    {
        "patientid" => PatientA.ToString(),
        "assessmentid" => AssessmentA.ToString(),
        "documentname" => "v1",
        "vid" => "1",
        "path" => "favicon.svg",
        "file" => "Patient.ndjson",
        "table" => "headline",
        "id" => id switch
        {
            IdKind.Patient => PatientA.ToString(),
            IdKind.Assessment => AssessmentA.ToString(),
            IdKind.Questionnaire => "kneespine-assessment",
            IdKind.WorklistItem => WorklistItemA.ToString(),
            IdKind.Account => AccountA,
            IdKind.FhirResource => FhirIds[resourceType],
            IdKind.OperationDefinition => KneeSpine.Fhir.Questionnaires.AssessOperation.Id,
            IdKind.ExportGroup => "all",
            IdKind.ExportJob => ExportJobs.Completed,
            IdKind.ExportJobToCancel => ExportJobs.ToCancel,
            _ => throw new InvalidOperationException("The rule does not say what {id} holds."),
        },
        _ => throw new InvalidOperationException($"No value for route parameter {{{parameter}}}: teach MatrixWorld.Value about it."),
    };

    /// <summary>A browser-like client signed in through the login form (cookie, antiforgery token).</summary>
    public async Task<HttpClient> SignInWithCookieAsync(string role)
    {
        var email = $"cookie-{role}-{Guid.NewGuid():N}@example.org";
        await _app.CreateAccountAsync(role, email: email);
        return await _app.SignInWithCookieAsync(email);
    }

    /// <summary>A browser-like client signed in as the patient account of the matrix (A or B).</summary>
    public Task<HttpClient> SignInWithCookieAsync(CallerKind patient) => _app.SignInWithCookieAsync(_emails[patient]);

    public (string Completed, string ToCancel) ExportJobs { get; private init; }

    /// <summary>Kicks off a bulk export as the admin; waits (polling its status) until its files exist when asked.</summary>
    private static async Task<string> ExportAsync(HttpClient admin, bool waitForFiles)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var kickOff = new HttpRequestMessage(HttpMethod.Get, "/fhir/$export?_type=Patient");
        kickOff.Headers.Add("Prefer", "respond-async");
        kickOff.Headers.Add("Accept", "application/fhir+json");
        using var accepted = await admin.SendAsync(kickOff, cancel);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
        var status = accepted.Content.Headers.ContentLocation ?? accepted.Headers.Location
            ?? new Uri(accepted.Headers.GetValues("Content-Location").Single(), UriKind.RelativeOrAbsolute);
        var id = status.OriginalString.TrimEnd('/').Split('/')[^1];
        while (waitForFiles)
        {
            using var poll = await admin.GetAsync(status, cancel);
            if (poll.StatusCode == System.Net.HttpStatusCode.OK)
            {
                break;
            }

            Assert.Equal(System.Net.HttpStatusCode.Accepted, poll.StatusCode);
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancel);
        }

        return id;
    }

    private static async Task<Dictionary<string, string>> FhirIdsAsync(HttpClient clinician, HttpClient admin, Guid patient)
    {
        var cancel = TestContext.Current.CancellationToken;
        var everything = KneeSpine.Fhir.Serialization.FhirJson.Parse<Hl7.Fhir.Model.Bundle>(await clinician.GetStringAsync($"/fhir/Patient/{patient}/$everything", cancel));
        var audit = KneeSpine.Fhir.Serialization.FhirJson.Parse<Hl7.Fhir.Model.Bundle>(await admin.GetStringAsync($"/fhir/AuditEvent?patient=Patient/{patient}&_count=1", cancel));
        var ids = everything.Entry.Concat(audit.Entry).Select(e => e.Resource!)
            .GroupBy(r => r.TypeName, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id!, StringComparer.OrdinalIgnoreCase);
        return ids;
    }

    private static async Task<Guid> CreateAssessmentAsync(HttpClient client, Guid patient, JsonObject? input = null)
    {
        var response = await client.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(input ?? Inputs.Valid()), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<Guid>();
    }
}
