using System.Net;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Tests.Fhir;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Audit;

/// <summary>What the audit trail records for each kind of request: who, what, which patient, outcome, from where.</summary>
public abstract class AuditTrailTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Reading_a_patient_over_the_api_records_the_account_its_token_the_patient_and_success()
    {
        var (clinician, token) = await App.CreateAccountAsync(Roles.Clinician);
        var client = Bearer(token);
        var patient = await PatientsApiTests.CreatePatientAsync(client, "Audit Read Patient");
        var mark = await AuditTrail.MarkAsync(App);

        var (response, _) = await AuditTrail.GetAsync(client, $"/api/v1/patients/{patient}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var e = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal(AuditAction.PatientRead, e.Action);
        Assert.Equal(AuditOutcome.Success, e.Outcome);
        Assert.Equal(200, e.StatusCode);
        Assert.Equal(clinician.Email, e.UserName);
        Assert.Equal(clinician.Id, e.UserId);
        Assert.Equal(Roles.Clinician, e.Role);
        Assert.Equal(await TokenIdAsync(clinician), e.TokenId);
        Assert.Equal(patient, e.PatientId);
        Assert.Equal($"GET /api/v1/patients/{patient}", e.Resource);
        Assert.Equal(AuditTrail.UserAgent, e.UserAgent);
        Assert.Equal(TestApp.Now, e.OccurredAt);
        Assert.Null(e.Client);
    }

    [Fact]
    public async Task The_caller_s_network_address_is_recorded()
    {
        var (_, token) = await App.CreateAccountAsync(Roles.Clinician);
        var mark = await AuditTrail.MarkAsync(App);

        var context = await App.Server.SendAsync(request =>
        {
            request.Request.Method = "GET";
            request.Request.Path = "/api/v1/patients";
            request.Request.Headers.Authorization = "Bearer " + token;
            request.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.9");
        }, TestContext.Current.CancellationToken);

        // SendAsync returns once the answer starts; the body ends when the request (and its audit write) has finished.
        using (var body = new StreamReader(context.Response.Body))
        {
            await body.ReadToEndAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(200, context.Response.StatusCode);
        var e = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal(("203.0.113.9", AuditAction.PatientList), (e.RemoteAddress, e.Action));
    }

    [Fact]
    public async Task Storing_listing_and_revising_assessments_each_write_one_event_naming_the_patient()
    {
        var client = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(client, "Audit Write Patient");

        var mark = await AuditTrail.MarkAsync(App);
        var (created, body) = await AuditTrail.SendAsync(client, HttpMethod.Post, $"/api/v1/patients/{patient}/assessments", Inputs.Json(Inputs.Valid()));
        var stored = await AuditTrail.SingleSinceAsync(App, mark);
        var assessment = System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!.GetValue<Guid>();

        mark = await AuditTrail.MarkAsync(App);
        await AuditTrail.GetAsync(client, $"/api/v1/patients/{patient}/assessments");
        await AuditTrail.SendAsync(client, HttpMethod.Put, $"/api/v1/patients/{patient}/assessments/{assessment}", Inputs.Json(Inputs.Valid(TestApp.Today, backPain: 5)));
        var (invalid, _) = await AuditTrail.SendAsync(client, HttpMethod.Post, $"/api/v1/patients/{patient}/assessments", Inputs.Json("{}"));
        var later = await AuditTrail.SinceAsync(App, mark);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal((AuditAction.AssessmentCreate, AuditOutcome.Success, 201, patient), (stored.Action, stored.Outcome, stored.StatusCode, stored.PatientId));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(
            [(AuditAction.AssessmentList, AuditOutcome.Success, 200), (AuditAction.AssessmentRevise, AuditOutcome.Success, 201), (AuditAction.AssessmentCreate, AuditOutcome.Failure, 400)],
            later.Select(e => (e.Action, e.Outcome, e.StatusCode ?? 0)));
        Assert.All(later, e => Assert.Equal(patient, e.PatientId));
    }

    [Fact]
    public async Task A_body_that_does_not_read_is_recorded_with_the_400_the_caller_got()
    {
        var client = await App.ClientAsync(Roles.Clinician);
        var mark = await AuditTrail.MarkAsync(App);

        var (response, _) = await AuditTrail.SendAsync(client, HttpMethod.Post, "/api/v1/patients", Inputs.Json("{\"name\": [1, 2"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var e = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal((AuditAction.PatientCreate, AuditOutcome.Failure, 400), (e.Action, e.Outcome, e.StatusCode ?? 0));
    }

    [Fact]
    public async Task Creating_a_patient_over_the_api_names_the_new_patient()
    {
        var client = await App.ClientAsync(Roles.Clinician);
        var mark = await AuditTrail.MarkAsync(App);

        var patient = await PatientsApiTests.CreatePatientAsync(client, "Audit New Patient");

        var e = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal((AuditAction.PatientCreate, AuditOutcome.Success, patient), (e.Action, e.Outcome, e.PatientId));
    }

    [Fact]
    public async Task Patient_b_aiming_at_patient_a_s_record_is_recorded_as_denied_with_a_s_id_on_every_surface()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patientA = await PatientsApiTests.CreatePatientAsync(clinician, "Audit Alice");
        var patientB = await PatientsApiTests.CreatePatientAsync(clinician, "Audit Bob");
        var (posted, body) = await AuditTrail.SendAsync(clinician, HttpMethod.Post, $"/api/v1/patients/{patientA}/assessments", Inputs.Json(Inputs.Valid()));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var assessmentA = System.Text.Json.Nodes.JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
        var emailB = $"audit-b-{Guid.NewGuid():N}@example.org";
        var (userB, tokenB) = await App.CreateAccountAsync(Roles.Patient, patientB, emailB);
        var apiB = Bearer(tokenB);
        var browserB = await Browser.SignedInAsync(App, emailB);
        var mark = await AuditTrail.MarkAsync(App);

        var answers = new List<HttpStatusCode>();
        foreach (var (client, url) in new[]
        {
            (apiB, $"/api/v1/patients/{patientA}"),
            (apiB, $"/api/v1/patients/{patientA}/assessments/{assessmentA}"),
            (apiB, $"/fhir/Patient/{patientA}"),
            (apiB, $"/fhir/QuestionnaireResponse/{assessmentA}"),
            (browserB.Client, $"/me/assessments/{assessmentA}"),
            (browserB.Client, $"/me/assessments/{assessmentA}/handout"),
        })
        {
            answers.Add((await AuditTrail.GetAsync(client, url)).Response.StatusCode);
        }

        var events = await AuditTrail.SinceAsync(App, mark);
        Assert.All(answers, status => Assert.Contains(status, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden }));
        Assert.Equal(6, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal(AuditOutcome.Denied, e.Outcome);
            Assert.Equal(patientA, e.PatientId);
            Assert.Equal(emailB, e.UserName);
            Assert.Equal(userB.Id, e.UserId);
            Assert.Equal(Roles.Patient, e.Role);
        });
        Assert.Equal(
            [AuditAction.PatientRead, AuditAction.AssessmentRead, AuditAction.PatientRead, AuditAction.AssessmentRead, AuditAction.AssessmentRead, AuditAction.HandoutDownload],
            events.Select(e => e.Action));
    }

    [Fact]
    public async Task A_patient_reading_their_own_pages_is_recorded_against_their_own_record()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Audit Own Pages");
        var email = $"audit-own-{Guid.NewGuid():N}@example.org";
        await App.CreateAccountAsync(Roles.Patient, patient, email);
        var browser = await Browser.SignedInAsync(App, email);
        var mark = await AuditTrail.MarkAsync(App);

        var (response, _) = await AuditTrail.GetAsync(browser.Client, "/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var e = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal((AuditAction.PatientRead, AuditOutcome.Success, patient, email, (Guid?)null), (e.Action, e.Outcome, e.PatientId, e.UserName, e.TokenId));
    }

    [Fact]
    public async Task Sign_in_success_wrong_password_unknown_account_and_lockout_are_each_recorded()
    {
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        var browser = Browser.Open(App);
        var mark = await AuditTrail.MarkAsync(App);

        await browser.SignInAsync(user.Email!, TestApp.Password);
        await browser.SignInAsync(unknown, TestApp.Password);
        for (var i = 0; i < 5; i++)
        {
            await Browser.Open(App).SignInAsync(user.Email!, "wrong password " + i);
        }

        var events = await AuditTrail.SinceAsync(App, mark);
        Assert.All(events, e => Assert.Equal(AuditAction.Login, e.Action));
        Assert.Equal(7, events.Count);
        Assert.Equal((AuditOutcome.Success, 302, user.Id, user.Email), (events[0].Outcome, events[0].StatusCode, events[0].UserId, events[0].UserName));
        Assert.Equal((AuditOutcome.Failure, null, unknown, "no such account"), (events[1].Outcome, events[1].UserId, events[1].UserName, events[1].Detail));
        Assert.All(events[2..6], e => Assert.Equal((AuditOutcome.Failure, user.Id, "wrong password"), (e.Outcome, e.UserId, e.Detail)));
        // The fifth wrong password locks the account.
        Assert.Equal((AuditOutcome.Denied, user.Id), (events[6].Outcome, events[6].UserId));
        Assert.Contains("locked", events[6].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_and_password_changes_are_recorded_with_their_outcome()
    {
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        var browser = await Browser.SignedInAsync(App, user.Email!);
        var mark = await AuditTrail.MarkAsync(App);

        await browser.PostFormAsync("/account/change-password", "/account/change-password",
            new Dictionary<string, string> { ["Input.CurrentPassword"] = "not the password", ["Input.NewPassword"] = "another long password" });
        await browser.PostFormAsync("/account/change-password", "/account/change-password",
            new Dictionary<string, string> { ["Input.CurrentPassword"] = TestApp.Password, ["Input.NewPassword"] = "another long password" });
        await browser.PostFormAsync("/account", "/account/logout", new Dictionary<string, string>());

        var events = await AuditTrail.SinceAsync(App, mark);
        Assert.Equal(
            [(AuditAction.PasswordChange, AuditOutcome.Failure), (AuditAction.PasswordChange, AuditOutcome.Success), (AuditAction.Logout, AuditOutcome.Success)],
            events.Select(e => (e.Action, e.Outcome)));
        Assert.All(events, e => Assert.Equal((user.Id, user.Email), (e.UserId, e.UserName)));
        Assert.Contains("PasswordMismatch", events[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_and_revoking_a_token_on_the_account_page_records_the_token_id()
    {
        var (user, _) = await App.CreateAccountAsync(Roles.Clinician);
        var browser = await Browser.SignedInAsync(App, user.Email!);
        var mark = await AuditTrail.MarkAsync(App);

        await browser.PostFormAsync("/account", "/account?handler=create", new Dictionary<string, string> { ["name"] = "audit script" });
        var created = await App.WithServiceAsync<Web.Tokens.PersonalAccessTokens, IReadOnlyList<Web.Tokens.TokenSummary>>(t => t.ListAsync(user.Id));
        var tokenId = created.Single(t => t.Name == "audit script").Id;
        await browser.PostFormAsync("/account", "/account?handler=revoke", new Dictionary<string, string> { ["id"] = tokenId.ToString() });

        var events = await AuditTrail.SinceAsync(App, mark);
        Assert.Equal(
            [(AuditAction.TokenCreate, AuditOutcome.Success, (Guid?)tokenId), (AuditAction.TokenRevoke, AuditOutcome.Success, tokenId)],
            events.Select(e => (e.Action, e.Outcome, e.TokenId)));
        Assert.Equal("token name: audit script", events[0].Detail);
    }

    [Fact]
    public async Task A_rejected_token_is_recorded_as_denied_and_a_token_on_a_public_route_as_token_use()
    {
        var (user, token) = await App.CreateAccountAsync(Roles.Clinician);
        var mark = await AuditTrail.MarkAsync(App);

        var (refused, _) = await AuditTrail.GetAsync(Bearer("ksp_not-a-real-token"), "/api/v1/patients");
        var (publicRoute, _) = await AuditTrail.SendAsync(Bearer("ksp_not-a-real-token"), HttpMethod.Post, "/api/v1/evaluate", Inputs.Json(Inputs.Valid()));
        await AuditTrail.SendAsync(Bearer(token), HttpMethod.Post, "/api/v1/evaluate", Inputs.Json(Inputs.Valid()));

        var events = await AuditTrail.SinceAsync(App, mark);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicRoute.StatusCode);
        Assert.Equal(
            [(AuditAction.PatientList, AuditOutcome.Denied, 401), (AuditAction.TokenUse, AuditOutcome.Denied, 200), (AuditAction.TokenUse, AuditOutcome.Success, 200)],
            events.Select(e => (e.Action, e.Outcome, e.StatusCode ?? 0)));
        Assert.Equal([AuditMiddlewareAnonymous, AuditMiddlewareAnonymous, user.Email], events.Select(e => e.UserName));
        Assert.Contains("personal access token", events[0].Detail, StringComparison.Ordinal);
        Assert.Equal(await TokenIdAsync(user), events[2].TokenId);
    }

    [Fact]
    public async Task Anonymous_visits_to_signed_in_routes_are_recorded_as_denied()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Audit Anonymous Target");
        var mark = await AuditTrail.MarkAsync(App);

        var (page, _) = await AuditTrail.GetAsync(App.Anonymous(), $"/patients/{patient}");
        var (api, _) = await AuditTrail.GetAsync(App.Anonymous(), $"/api/v1/patients/{patient}");
        await AuditTrail.GetAsync(App.Anonymous(), "/account");

        var events = await AuditTrail.SinceAsync(App, mark);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(
            [(AuditAction.PatientRead, (Guid?)patient), (AuditAction.PatientRead, patient), (AuditAction.AccessDenied, null)],
            events.Select(e => (e.Action, e.PatientId)));
        Assert.All(events, e => Assert.Equal((AuditOutcome.Denied, AuditMiddlewareAnonymous, "not signed in"), (e.Outcome, e.UserName, e.Detail)));
    }

    [Fact]
    public async Task Clinic_pages_record_the_patient_page_a_stored_form_and_the_handout()
    {
        var (clinician, token) = await App.CreateAccountAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(Bearer(token), "Audit Page Patient");
        var browser = await Browser.SignedInAsync(App, clinician.Email!);
        var form = SpecFormFields();
        var mark = await AuditTrail.MarkAsync(App);

        await AuditTrail.GetAsync(browser.Client, $"/patients/{patient}");
        var (stored, _) = await browser.PostFormAsync($"/patients/{patient}/assessments/new", $"/patients/{patient}/assessments/new", form);
        var result = stored.Headers.Location!.OriginalString;
        var (pdf, _) = await AuditTrail.GetAsync(browser.Client, result + "/handout");

        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var events = await AuditTrail.SinceAsync(App, mark);
        Assert.Equal(
            [
                (AuditAction.PatientRead, AuditOutcome.Success, "GET"),
                (AuditAction.PatientRead, AuditOutcome.Success, "GET"),
                (AuditAction.AssessmentCreate, AuditOutcome.Success, "POST"),
                (AuditAction.HandoutDownload, AuditOutcome.Success, "GET"),
            ],
            events.Select(e => (e.Action, e.Outcome, e.Resource![..e.Resource!.IndexOf(' ', StringComparison.Ordinal)])));
        Assert.All(events, e => Assert.Equal((patient, clinician.Email, (Guid?)null), (e.PatientId, e.UserName, e.TokenId)));
    }

    [Fact]
    public async Task A_form_sent_back_with_errors_is_recorded_as_a_failure()
    {
        var (clinician, _) = await App.CreateAccountAsync(Roles.Clinician);
        var browser = await Browser.SignedInAsync(App, clinician.Email!);
        var mark = await AuditTrail.MarkAsync(App);

        var (answer, _) = await browser.PostFormAsync("/patients/new", "/patients/new", new Dictionary<string, string> { ["Name"] = "", ["BirthDate"] = "", ["Sex"] = "" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var e = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal((AuditAction.PatientCreate, AuditOutcome.Failure, (Guid?)null), (e.Action, e.Outcome, e.PatientId));
    }

    [Fact]
    public async Task Creating_an_account_on_the_admin_page_records_the_admin_the_account_and_its_patient()
    {
        var (admin, token) = await App.CreateAccountAsync(Roles.Admin);
        var patient = await PatientsApiTests.CreatePatientAsync(Bearer(token), "Audit Linked Patient");
        var browser = await Browser.SignedInAsync(App, admin.Email!);
        var email = $"audit-new-{Guid.NewGuid():N}@example.org";
        var mark = await AuditTrail.MarkAsync(App);

        var (created, _) = await browser.PostFormAsync("/admin/users/new", "/admin/users/new", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Role"] = Roles.Patient,
            ["Input.PatientId"] = patient.ToString(),
            ["Input.Password"] = TestApp.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var events = await AuditTrail.SinceAsync(App, mark);
        // Reading the form lists the patients without an account: a read of names, recorded as such.
        Assert.Equal([AuditAction.PatientList, AuditAction.UserCreate], events.Select(e => e.Action));
        var e = events[1];
        Assert.Equal((AuditOutcome.Success, admin.Email, Roles.Admin, (Guid?)patient), (e.Outcome, e.UserName, e.Role, e.PatientId));
        Assert.Equal($"patient account {email}", e.Detail);
    }

    [Fact]
    public async Task Fhir_reads_and_searches_are_recorded_with_the_patient_they_concern()
    {
        var client = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(client, "Audit Fhir Patient");
        var (posted, _) = await AuditTrail.SendAsync(client, HttpMethod.Post, "/fhir/QuestionnaireResponse",
            FhirHttp.Content(FhirHttp.ExampleResponse("04-fever-after-surgery", $"Patient/{patient}")));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var mark = await AuditTrail.MarkAsync(App);

        foreach (var url in new[]
        {
            $"/fhir/Patient/{patient}/$everything",
            $"/fhir/QuestionnaireResponse?subject=Patient/{patient}",
            $"/fhir/Procedure?patient={patient}",
            $"/fhir/Patient/{patient}",
            posted.Headers.Location!.OriginalString,
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await AuditTrail.SendAsync(client, HttpMethod.Get, url)).Response.StatusCode);
        }

        var events = await AuditTrail.SinceAsync(App, mark);
        Assert.Equal(
            [AuditAction.RecordRead, AuditAction.AssessmentList, AuditAction.PatientRead, AuditAction.PatientRead, AuditAction.AssessmentRead],
            events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal((AuditOutcome.Success, (Guid?)patient), (e.Outcome, e.PatientId)));
        // The query string (it can hold names) is never stored.
        Assert.Equal("GET /fhir/QuestionnaireResponse", events[1].Resource);
    }

    private const string AuditMiddlewareAnonymous = Web.Audit.AuditMiddleware.Anonymous;

    private HttpClient Bearer(string token) => AuditTrail.Bearer(App, token);

    /// <summary>The id of the one token <see cref="TestApp.CreateAccountAsync"/> made for <paramref name="user"/>.</summary>
    private Task<Guid?> TokenIdAsync(KneeSpineUser user) =>
        App.WithServiceAsync<Web.Tokens.PersonalAccessTokens, Guid?>(async tokens => Assert.Single(await tokens.ListAsync(user.Id)).Id);

    /// <summary>The calm baseline assessment as the clinician's form posts it (control names are JSON paths).</summary>
    private static Dictionary<string, string> SpecFormFields()
    {
        var input = Engine.Input.AssessmentInputReader.Read(System.Text.Encoding.UTF8.GetBytes(Inputs.Valid().ToJsonString())).Input!;
        var form = Web.Assessments.Forms.AssessmentFormData.FromInput(input);
        return Engine.Input.InputFields.All.Where(f => form.Value(f.Path).Length > 0).ToDictionary(f => f.Path, f => form.Value(f.Path));
    }
}

public sealed class AuditTrailOnSqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailOnPostgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
