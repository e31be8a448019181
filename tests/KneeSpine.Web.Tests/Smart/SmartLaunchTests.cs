using System.Net;
using Hl7.Fhir.Model;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.Smart;

/// <summary>The SMART EHR launch end to end against a real OpenIddict authorization server (<see cref="MockEhr"/>), on both databases.</summary>
public abstract class SmartLaunchTests(SmartApp fixture)
{
    public const string MrnSystem = "urn:oid:1.2.36.146.595.217.0.1";

    private TestApp App => fixture.App;

    private MockEhr Ehr => fixture.Ehr;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_launch_lands_on_the_patients_page_and_a_second_launch_finds_the_same_patient()
    {
        var practitioner = await ClinicianAsync();
        var mrn = NewPatient(out var ehrPatientId);

        using var first = new SmartBrowser(App, Ehr);
        var (landed, _) = await first.GoAsync(LaunchUrl(Ehr.FhirBase, Ehr.NewLaunch(ehrPatientId, practitioner)));

        await AssertStatusAsync(HttpStatusCode.OK, landed);
        var patientPage = first.Visited[^1];
        Assert.Matches("^/patients/[0-9a-f-]{36}$", patientPage.AbsolutePath);
        Assert.Contains("Ada Lovelace", await landed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var patientId = Guid.Parse(patientPage.Segments[^1]);
        Assert.Equal((MrnSystem, mrn), await IdentifierOfAsync(patientId));

        var authorize = Ehr.AuthorizationRequests.Last();
        Assert.Equal("S256", authorize["code_challenge_method"]);
        Assert.Equal("launch openid fhirUser patient/Patient.rs patient/QuestionnaireResponse.rs", authorize["scope"]);
        Assert.False(string.IsNullOrEmpty(authorize["nonce"]));
        Assert.Equal(Ehr.FhirBase.AbsoluteUri, authorize["aud"]);

        using var second = new SmartBrowser(App, Ehr);
        var (again, _) = await second.GoAsync(LaunchUrl(Ehr.FhirBase, Ehr.NewLaunch(ehrPatientId, practitioner)));

        await AssertStatusAsync(HttpStatusCode.OK, again);
        Assert.Equal(patientPage, second.Visited[^1]);
        Assert.Equal(1, await CountAsync(db => db.PatientIdentifiers.CountAsync(i => i.System == MrnSystem && i.Value == mrn, Cancel)));

        await WaitForAuditAsync(e => e.Action == AuditAction.PatientCreate && e.PatientId == patientId && e.Detail!.Contains(mrn));
        await WaitForAuditAsync(e => e.Action == AuditAction.SmartSignIn && e.Outcome == AuditOutcome.Success && e.PatientId == patientId
            && e.UserName == practitioner + SmartApp.UserDomain && e.Detail!.Contains("patient created"));
        await WaitForAuditAsync(e => e.Action == AuditAction.SmartSignIn && e.Outcome == AuditOutcome.Success && e.PatientId == patientId
            && e.Detail!.Contains("patient matched"));
        await WaitForAuditAsync(e => e.Action == AuditAction.SmartLaunch && e.Outcome == AuditOutcome.Success && e.UserName == Ehr.FhirBase.AbsoluteUri);
    }

    [Fact]
    public async Task The_launch_matches_by_the_configured_identifier_system_not_the_first_identifier()
    {
        var practitioner = await ClinicianAsync();
        var mrn = NewPatient(out var ehrPatientId, otherIdentifierFirst: true);

        using var browser = new SmartBrowser(App, Ehr);
        var (landed, _) = await browser.GoAsync(LaunchUrl(Ehr.MrnFhirBase, Ehr.NewLaunch(ehrPatientId, practitioner)));

        await AssertStatusAsync(HttpStatusCode.OK, landed);
        Assert.Equal(MockEhr.MrnClientId, Ehr.AuthorizationRequests.Last()["client_id"]);
        Assert.Equal((MrnSystem, mrn), await IdentifierOfAsync(Guid.Parse(browser.Visited[^1].Segments[^1])));
    }

    [Fact]
    public async Task A_callback_with_another_state_is_refused_and_signs_no_one_in()
    {
        var practitioner = await ClinicianAsync();
        NewPatient(out var ehrPatientId);
        var patientsBefore = await CountAsync(db => db.Patients.CountAsync(Cancel));
        using var browser = new SmartBrowser(App, Ehr);
        var (_, callback) = await browser.GoAsync(LaunchUrl(Ehr.FhirBase, Ehr.NewLaunch(ehrPatientId, practitioner)), IsCallback);
        Assert.NotNull(callback);

        var forged = new Uri(callback.AbsoluteUri.Replace("state=", "state=forged", StringComparison.Ordinal));
        var (refused, _) = await browser.GoAsync(forged);

        await AssertStatusAsync(HttpStatusCode.BadRequest, refused);
        Assert.Contains("does not match a launch started in this browser", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAppAsync("/patients")).StatusCode);
        Assert.Equal(patientsBefore, await CountAsync(db => db.Patients.CountAsync(Cancel)));
        await WaitForAuditAsync(e => e.Action == AuditAction.SmartSignIn && e.Outcome == AuditOutcome.Denied && e.Detail!.Contains("state does not match"));
    }

    [Fact]
    public async Task An_issuer_that_is_not_configured_is_refused_without_calling_it()
    {
        using var browser = new SmartBrowser(App, Ehr);
        var (refused, _) = await browser.GoAsync(LaunchUrl(new Uri("https://ehr.unknown.example/fhir"), "some-launch"));

        await AssertStatusAsync(HttpStatusCode.BadRequest, refused);
        Assert.Contains("not set up to open KneeSpine", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Single(browser.Visited);
        await WaitForAuditAsync(e => e.Action == AuditAction.SmartLaunch && e.Outcome == AuditOutcome.Denied
            && e.UserName == "https://ehr.unknown.example/fhir" && e.Detail!.Contains("is not configured"));
    }

    [Fact]
    public async Task An_expired_code_is_refused_by_the_ehr_and_nothing_is_stored()
    {
        var practitioner = await ClinicianAsync();
        NewPatient(out var ehrPatientId);
        var patientsBefore = await CountAsync(db => db.Patients.CountAsync(Cancel));
        using var browser = new SmartBrowser(App, Ehr);
        var (_, callback) = await browser.GoAsync(LaunchUrl(Ehr.FhirBase, Ehr.NewLaunch(ehrPatientId, practitioner)), IsCallback);
        Assert.NotNull(callback);

        // Past the code's lifetime at the EHR, well within the launch's at KneeSpine: both clocks move together.
        var wait = MockEhr.CodeLifetime + TimeSpan.FromMinutes(1);
        Ehr.Time.Advance(wait);
        App.Time.Advance(wait);
        var (refused, _) = await browser.GoAsync(callback);

        await AssertStatusAsync(HttpStatusCode.BadRequest, refused);
        Assert.Contains("may have expired", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(patientsBefore, await CountAsync(db => db.Patients.CountAsync(Cancel)));
        await WaitForAuditAsync(e => e.Action == AuditAction.SmartSignIn && e.Outcome == AuditOutcome.Denied && e.Detail!.Contains("invalid_grant"));
    }

    [Fact]
    public async Task A_patient_without_an_identifier_is_refused_with_a_clear_page_and_not_created()
    {
        var practitioner = await ClinicianAsync();
        var ehrPatientId = Guid.NewGuid().ToString("N");
        Ehr.Patients[ehrPatientId] = new Patient
        {
            Id = ehrPatientId,
            Name = [new HumanName { Given = ["Grace"], Family = "Hopper" }],
            BirthDate = "1950-02-03",
            Gender = AdministrativeGender.Female,
        };
        var patientsBefore = await CountAsync(db => db.Patients.CountAsync(Cancel));
        using var browser = new SmartBrowser(App, Ehr);

        var (refused, _) = await browser.GoAsync(LaunchUrl(Ehr.FhirBase, Ehr.NewLaunch(ehrPatientId, practitioner)));

        await AssertStatusAsync(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("has no identifier", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(patientsBefore, await CountAsync(db => db.Patients.CountAsync(Cancel)));
        Assert.Contains(Ehr.FhirReads, path => path.EndsWith("/Patient/" + ehrPatientId, StringComparison.Ordinal));
        await WaitForAuditAsync(e => e.Action == AuditAction.SmartSignIn && e.Outcome == AuditOutcome.Denied && e.Detail!.Contains("no usable identifier"));
    }

    [Fact]
    public async Task A_fhir_user_without_a_matching_account_is_refused_before_the_patient_is_read()
    {
        NewPatient(out var ehrPatientId);
        var stranger = "no-account-" + Guid.NewGuid().ToString("N");
        using var browser = new SmartBrowser(App, Ehr);

        var (refused, _) = await browser.GoAsync(LaunchUrl(Ehr.FhirBase, Ehr.NewLaunch(ehrPatientId, stranger)));

        await AssertStatusAsync(HttpStatusCode.Forbidden, refused);
        Assert.Contains("do not have a KneeSpine account", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain(Ehr.FhirReads, path => path.EndsWith("/Patient/" + ehrPatientId, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAppAsync("/patients")).StatusCode);
        await WaitForAuditAsync(e => e.Action == AuditAction.SmartSignIn && e.Outcome == AuditOutcome.Denied && e.Detail!.Contains(stranger));
    }

    [Fact]
    public async Task A_patient_account_mapped_from_the_ehr_is_refused()
    {
        var practitioner = "patient-" + Guid.NewGuid().ToString("N");
        var ownRecord = await App.WithServiceAsync<KneeSpine.Web.Patients.PatientService, KneeSpine.Store.Patients.Patient>(patients =>
            patients.CreateAsync(new KneeSpine.Web.Patients.CreatePatientRequest("Own Record", new DateOnly(1950, 1, 1), "male"), "test"));
        await App.CreateAccountAsync(Roles.Patient, ownRecord.Id, practitioner + SmartApp.UserDomain);
        NewPatient(out var ehrPatientId);
        using var browser = new SmartBrowser(App, Ehr);

        var (refused, _) = await browser.GoAsync(LaunchUrl(Ehr.FhirBase, Ehr.NewLaunch(ehrPatientId, practitioner)));

        await AssertStatusAsync(HttpStatusCode.Forbidden, refused);
        Assert.Contains("not a clinician account", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_launch_authenticated_by_private_key_jwt_lands_on_the_patient_with_an_assertion_for_the_token_endpoint()
    {
        var practitioner = await ClinicianAsync();
        var mrn = NewPatient(out var ehrPatientId);
        var before = Ehr.AcceptedClientAssertions.Count;

        using var browser = new SmartBrowser(App, Ehr);
        var (landed, _) = await browser.GoAsync(LaunchUrl(Ehr.JwtFhirBase, Ehr.NewLaunch(ehrPatientId, practitioner)));

        await AssertStatusAsync(HttpStatusCode.OK, landed);
        Assert.Equal((MrnSystem, mrn), await IdentifierOfAsync(Guid.Parse(browser.Visited[^1].Segments[^1])));
        Assert.Equal(MockEhr.JwtClientId, Ehr.AuthorizationRequests.Last()["client_id"]);
        var assertion = new JsonWebToken(Assert.Single(Ehr.AcceptedClientAssertions.Skip(before)));
        Assert.Equal((MockEhr.JwtClientId, MockEhr.JwtClientId, MockEhr.ClientKeyId), (assertion.Issuer, assertion.Subject, assertion.Kid));
        Assert.Equal([new Uri(Ehr.BaseAddress, "/connect/token").AbsoluteUri], assertion.Audiences);
        Assert.Equal("RS384", assertion.Alg);
    }

    [Fact]
    public async Task A_launch_signed_with_a_key_the_ehr_does_not_know_is_refused_at_the_token_endpoint_and_signs_no_one_in()
    {
        var practitioner = await ClinicianAsync();
        NewPatient(out var ehrPatientId);
        var before = Ehr.AcceptedClientAssertions.Count;

        using var browser = new SmartBrowser(App, Ehr);
        var (refused, _) = await browser.GoAsync(LaunchUrl(Ehr.UnregisteredKeyFhirBase, Ehr.NewLaunch(ehrPatientId, practitioner)));

        await AssertStatusAsync(HttpStatusCode.BadRequest, refused);
        Assert.Equal(before, Ehr.AcceptedClientAssertions.Count);
        Assert.DoesNotContain(browser.Visited, v => v.AbsolutePath.StartsWith("/patients/", StringComparison.Ordinal));
        await WaitForAuditAsync(e => e.Action == AuditAction.SmartSignIn && e.Outcome == AuditOutcome.Denied && e.Detail!.Contains("token endpoint refused") && e.Detail.Contains("signing key"));
    }

    [Fact]
    public async Task An_ehr_that_does_not_answer_gives_a_503_page_not_an_error()
    {
        using var browser = new SmartBrowser(App, Ehr);

        var (unavailable, _) = await browser.GoAsync(LaunchUrl(fixture.Unreachable, "any-launch"));

        await AssertStatusAsync(HttpStatusCode.ServiceUnavailable, unavailable);
        Assert.NotNull(unavailable.Headers.RetryAfter);
        Assert.Contains("The EHR is not answering", await unavailable.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await WaitForAuditAsync(e => e.Action == AuditAction.SmartLaunch && e.Outcome == AuditOutcome.Failure && e.StatusCode == 503);
    }

    /// <summary>The status, or a failure that shows the page and the latest audit details (why a launch went wrong).</summary>
    private async Task AssertStatusAsync(HttpStatusCode expected, HttpResponseMessage response)
    {
        if (response.StatusCode != expected)
        {
            var details = await App.WithServiceAsync<KneeSpineDbContext, List<string?>>(db =>
                db.AuditEvents.OrderByDescending(e => e.Id).Take(3).Select(e => e.Detail).ToListAsync(Cancel));
            Assert.Fail($"Expected {expected}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}\nAudit: {string.Join(" | ", details)}");
        }
    }

    private static bool IsCallback(Uri next) => next.AbsolutePath == "/smart/callback";

    private static Uri LaunchUrl(Uri issuer, string launch) =>
        new($"http://localhost/smart/launch?iss={Uri.EscapeDataString(issuer.AbsoluteUri)}&launch={Uri.EscapeDataString(launch)}");

    /// <summary>A clinician account the mapping finds; the practitioner id the EHR knows them by.</summary>
    private async Task<string> ClinicianAsync()
    {
        var practitioner = "pr" + Guid.NewGuid().ToString("N");
        await App.CreateAccountAsync(Roles.Clinician, email: practitioner + SmartApp.UserDomain);
        return practitioner;
    }

    /// <summary>A patient in the EHR with a fresh medical record number (returned).</summary>
    private string NewPatient(out string ehrPatientId, bool otherIdentifierFirst = false)
    {
        var mrn = Guid.NewGuid().ToString("N")[..10];
        ehrPatientId = Guid.NewGuid().ToString("N");
        var patient = new Patient
        {
            Id = ehrPatientId,
            Name = [new HumanName { Use = HumanName.NameUse.Official, Given = ["Ada"], Family = "Lovelace" }],
            BirthDate = "1952-12-10",
            Gender = AdministrativeGender.Female,
        };
        if (otherIdentifierFirst)
        {
            patient.Identifier.Add(new Identifier("http://hl7.org/fhir/sid/us-ssn", "999-" + mrn));
        }

        patient.Identifier.Add(new Identifier(MrnSystem, mrn));
        Ehr.Patients[ehrPatientId] = patient;
        return mrn;
    }

    private Task<(string, string)> IdentifierOfAsync(Guid patientId) =>
        App.WithServiceAsync<KneeSpineDbContext, (string, string)>(async db =>
        {
            var identifier = await db.PatientIdentifiers.SingleAsync(i => i.PatientId == patientId, Cancel);
            return (identifier.System, identifier.Value);
        });

    private Task<int> CountAsync(Func<KneeSpineDbContext, Task<int>> count) => App.WithServiceAsync(count);

    /// <summary>The audit event is written as the request ends; wait for it (generously: the machine is busy).</summary>
    private async Task WaitForAuditAsync(System.Linq.Expressions.Expression<Func<KneeSpine.Store.Audit.AuditEvent, bool>> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await App.WithServiceAsync<KneeSpineDbContext, bool>(db => db.AuditEvents.AnyAsync(match, Cancel)))
        {
            Assert.True(DateTime.UtcNow < deadline, "No audit event matched " + match);
            await Task.Delay(50, Cancel);
        }
    }
}

public sealed class SmartLaunchOnSqlite(SqliteSmartApp app) : SmartLaunchTests(app), IClassFixture<SqliteSmartApp>;

public sealed class SmartLaunchOnPostgres(PostgresSmartApp app) : SmartLaunchTests(app), IClassFixture<PostgresSmartApp>;
