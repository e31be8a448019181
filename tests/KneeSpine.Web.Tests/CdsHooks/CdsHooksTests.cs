using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Fhir;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.CdsHooks;

/// <summary>CDS Hooks 2.0: public discovery, the JWT rules of "Trusting CDS Clients", cards, 412 and feedback.</summary>
public abstract class CdsHooksTests(CdsApp fixture)
{
    private const string ServiceUrl = CdsCalls.ServiceUrl;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    private DateTimeOffset Now => App.Time.GetUtcNow();

    [Fact]
    public async Task Discovery_is_public_and_lists_the_service_with_its_prefetch()
    {
        var response = await App.Anonymous().GetAsync("/cds-services", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var service = Assert.Single((await response.ReadObjectAsync())["services"]!.AsArray())!;
        Assert.Equal("kneespine-back-pain", service["id"]!.GetValue<string>());
        Assert.Equal("patient-view", service["hook"]!.GetValue<string>());
        var prefetch = service["prefetch"]!.AsObject();
        Assert.Equal("Patient/{{context.patientId}}", prefetch["patient"]!.GetValue<string>());
        Assert.Equal("Procedure?patient={{context.patientId}}&code=http://snomed.info/sct|609588000", prefetch["kneeReplacement"]!.GetValue<string>());
        Assert.Equal("QuestionnaireResponse?subject=Patient/{{context.patientId}}&questionnaire=https://kneespine.org/fhir/Questionnaire/kneespine-assessment&_sort=-authored&_count=1",
            prefetch["latestAssessment"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_valid_ES384_token_with_a_prefetched_emergency_gets_a_critical_card()
    {
        var response = await CallAsync(EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now), Request("ehr-patient-1", CdsCalls.Prefetched("02-cauda-equina-on-anticoagulant", "ehr-patient-1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single((await response.ReadObjectAsync())["cards"]!.AsArray())!;
        Assert.Equal("critical", card["indicator"]!.GetValue<string>());
        Assert.True(Guid.TryParse(card["uuid"]!.GetValue<string>(), out _));
        Assert.StartsWith("Emergency", card["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_RS384_token_gets_cards_too()
    {
        var response = await CallAsync(EhrKeys.Token(fixture.Keys.Rs384, ServiceUrl, Now), Request("ehr-patient-2", CdsCalls.Prefetched("01-mild-pain-after-spinal", "ehr-patient-2")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("info", Assert.Single((await response.ReadObjectAsync())["cards"]!.AsArray())!["indicator"]!.GetValue<string>());
    }

    public static TheoryData<string> Spoilt => ["missing", "expired", "wrong-audience", "wrong-key", "alg-none", "hmac", "unknown-issuer", "no-iat", "no-jti"];

    [Theory]
    [MemberData(nameof(Spoilt))]
    public async Task A_spoilt_token_is_refused_with_401(string how)
    {
        using var otherKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var token = how switch
        {
            "missing" => null,
            "expired" => EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now.AddHours(-1)),
            "wrong-audience" => EhrKeys.Token(fixture.Keys.Es384, "http://localhost/cds-services/other-service", Now),
            "wrong-key" => EhrKeys.Token(new SigningCredentials(new ECDsaSecurityKey(otherKey) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha384), ServiceUrl, Now),
            "alg-none" => EhrKeys.Unsigned(ServiceUrl, Now),
            "hmac" => EhrKeys.Token(new SigningCredentials(new SymmetricSecurityKey(new byte[64]) { KeyId = "ec-1" }, SecurityAlgorithms.HmacSha384), ServiceUrl, Now),
            "unknown-issuer" => EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now, issuer: "https://intruder.example.org"),
            "no-iat" => EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now, withIat: false),
            "no-jti" => EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now, jti: ""),
            _ => throw new ArgumentOutOfRangeException(nameof(how)),
        };

        var response = await CallAsync(token, Request("ehr-patient-3", CdsCalls.Prefetched("02-cauda-equina-on-anticoagulant", "ehr-patient-3")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("cards", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replayed_token_is_refused_with_401()
    {
        var token = EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now);

        var first = await CallAsync(token, Request("ehr-patient-4", CdsCalls.Prefetched("01-mild-pain-after-spinal", "ehr-patient-4")));
        var replay = await CallAsync(token, Request("ehr-patient-4", CdsCalls.Prefetched("01-mild-pain-after-spinal", "ehr-patient-4")));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_within_the_clock_skew_is_still_accepted_but_not_after_it()
    {
        var withinSkew = EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now.AddSeconds(-330), lifetime: TimeSpan.FromMinutes(5));
        var pastSkew = EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now.AddSeconds(-400), lifetime: TimeSpan.FromMinutes(5));

        // Expired 30 s ago (within the default 60 s skew), and 100 s ago (beyond it).
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(withinSkew, Request("ehr-patient-5", CdsCalls.Prefetched("01-mild-pain-after-spinal", "ehr-patient-5")))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(pastSkew, Request("ehr-patient-5", CdsCalls.Prefetched("01-mild-pain-after-spinal", "ehr-patient-5")))).StatusCode);
    }

    [Fact]
    public async Task Without_prefetch_or_a_reachable_FHIR_server_a_foreign_patient_gets_412_OperationOutcome()
    {
        var response = await CallAsync(EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now), Request("not-a-kneespine-patient", prefetch: null));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var outcome = FhirJson.Parse<OperationOutcome>(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(["prefetch.latestAssessment"], outcome.Issue[0].Expression);
    }

    [Fact]
    public async Task Without_prefetch_a_KneeSpine_patient_gets_the_card_of_the_stored_assessment_or_none()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var assessed = await PatientsApiTests.CreatePatientAsync(clinician, "Cds Stored Patient");
        var notAssessed = await PatientsApiTests.CreatePatientAsync(clinician, "Cds Unassessed Patient");
        var stored = await clinician.PostAsync("/fhir/QuestionnaireResponse",
            FhirHttp.Content(FhirHttp.ExampleResponse("04-fever-after-surgery", $"Patient/{assessed}")), Cancel);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);

        var withCard = await CallAsync(EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now), Request(assessed.ToString(), prefetch: null));
        var without = await CallAsync(EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now), Request(notAssessed.ToString(), prefetch: null));

        Assert.Equal(HttpStatusCode.OK, withCard.StatusCode);
        var card = Assert.Single((await withCard.ReadObjectAsync())["cards"]!.AsArray())!;
        Assert.Equal("warning", card["indicator"]!.GetValue<string>());
        Assert.Contains($"/patients/{assessed}", card["links"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, without.StatusCode);
        Assert.Empty((await without.ReadObjectAsync())["cards"]!.AsArray());
    }

    [Fact]
    public async Task Without_prefetch_the_card_is_of_the_latest_assessment_date_not_of_the_last_one_received()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Cds Several Assessments");
        // Received newest date first: the emergency (2026-05-13), then the mild (2026-03-16) and the fever (2026-02-09).
        foreach (var example in new[] { "02-cauda-equina-on-anticoagulant", "01-mild-pain-after-spinal", "04-fever-after-surgery" })
        {
            var stored = await clinician.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(FhirHttp.ExampleResponse(example, $"Patient/{patient}")), Cancel);
            Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        }

        var response = await CallAsync(EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now), Request(patient.ToString(), prefetch: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single((await response.ReadObjectAsync())["cards"]!.AsArray())!;
        Assert.Equal("critical", card["indicator"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_prefetch_without_any_response_gives_no_cards()
    {
        var empty = new Bundle { Type = Bundle.BundleType.Searchset, Total = 0 };

        var response = await CallAsync(EhrKeys.Token(fixture.Keys.Es384, ServiceUrl, Now), Request("ehr-patient-6", JsonNode.Parse(FhirJson.Serialize(empty))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.ReadObjectAsync())["cards"]!.AsArray());
    }

    [Fact]
    public async Task Feedback_needs_the_JWT_and_the_same_card_and_outcome_is_stored_once()
    {
        var card = Guid.NewGuid().ToString();
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = card,
                ["outcome"] = "overridden",
                ["overrideReason"] = new JsonObject { ["userComment"] = "Seen in clinic today." },
                ["outcomeTimestamp"] = "2026-11-25T09:58:00Z",
            }),
        };
        const string feedbackUrl = ServiceUrl + "/feedback";

        var anonymous = await PostFeedbackAsync(null, feedback);
        var first = await PostFeedbackAsync(EhrKeys.Token(fixture.Keys.Es384, feedbackUrl, Now), feedback);
        var again = await PostFeedbackAsync(EhrKeys.Token(fixture.Keys.Rs384, feedbackUrl, Now), feedback);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await App.WithServiceAsync<KneeSpineDbContext, List<Store.CdsHooks.CdsFeedback>>(db => db.CdsFeedback.Where(f => f.CardId == card).ToListAsync(Cancel));
        var row = Assert.Single(stored);
        Assert.Equal("overridden", row.Outcome);
        Assert.Equal(EhrKeys.Issuer, row.Issuer);
        Assert.Contains("Seen in clinic today.", row.OverrideReasonJson, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 58, 0, TimeSpan.Zero), row.OutcomeTimestamp);
    }

    [Fact]
    public async Task Invalid_feedback_is_400_naming_the_field()
    {
        var feedback = new JsonObject { ["feedback"] = new JsonArray(new JsonObject { ["card"] = "c", ["outcome"] = "ignored", ["outcomeTimestamp"] = "2026-11-25T09:58:00Z" }) };

        var response = await PostFeedbackAsync(EhrKeys.Token(fixture.Keys.Es384, ServiceUrl + "/feedback", Now), feedback);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]!["feedback[0].outcome"]);
    }

    private static JsonObject Request(string patientId, JsonNode? prefetch) => CdsCalls.Request(patientId, prefetch);

    private async Task<HttpResponseMessage> CallAsync(string? token, JsonObject body) => await SendAsync("/cds-services/kneespine-back-pain", token, body);

    private async Task<HttpResponseMessage> PostFeedbackAsync(string? token, JsonObject body) => await SendAsync("/cds-services/kneespine-back-pain/feedback", token, body);

    private async Task<HttpResponseMessage> SendAsync(string path, string? token, JsonObject body) => await CdsCalls.SendAsync(App.Anonymous(), path, token, body);
}

public sealed class CdsHooksOnSqlite(SqliteCdsApp app) : CdsHooksTests(app), IClassFixture<SqliteCdsApp>;

public sealed class CdsHooksOnPostgres(PostgresCdsApp app) : CdsHooksTests(app), IClassFixture<PostgresCdsApp>;
