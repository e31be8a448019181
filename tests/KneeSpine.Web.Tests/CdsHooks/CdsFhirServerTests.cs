using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Evaluation;
using KneeSpine.Fhir.CdsHooks;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Web.Tests.Fhir;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.CdsHooks;

/// <summary>
/// Without prefetch, KneeSpine searches the EHR's own FHIR server (a real Kestrel server on 127.0.0.1) with the EHR's
/// access token, but only a server on the calling client's allow-list; one that fails, is unreachable, answers
/// nonsense or too slowly gives 412 with an OperationOutcome. The client's keys come from its JWKS URL on the same server.
/// </summary>
public abstract class CdsFhirServerTests(CdsFhirServerApp fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    private FakeEhrServer Ehr => fixture.Ehr;

    [Theory]
    [MemberData(nameof(FhirHttp.ExampleNames), MemberType = typeof(FhirHttp))]
    public async Task Without_prefetch_the_latest_response_is_fetched_with_the_access_token_and_gives_the_evaluator_s_card(string example)
    {
        var patientId = "ehr-" + example[..2] + "-" + Guid.NewGuid().ToString("N")[..6];
        var accessToken = "ehr-access-" + Guid.NewGuid().ToString("N");
        Ehr.Responses[patientId] = CdsCalls.SearchBundle(example, patientId);
        var expected = CdsCardBuilder.Default.BuildCard(AssessmentEvaluator.Default.Evaluate(FhirHttp.ExampleInput(example)), new Uri("http://localhost/"));

        var response = await CallAsync(CdsCalls.Request(patientId, prefetch: null, Ehr.FhirBase().AbsoluteUri, accessToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var search = Assert.Single(Ehr.Requests, r => r.PathAndQuery.Contains(patientId, StringComparison.Ordinal));
        Assert.Equal("Bearer " + accessToken, search.Authorization);
        var template = CdsServiceDiscovery.Prefetch[CdsServiceDiscovery.LatestAssessmentKey].Replace("{{context.patientId}}", patientId, StringComparison.Ordinal);
        Assert.Equal("/fhir/" + template, Uri.UnescapeDataString(search.PathAndQuery));
        var card = Assert.Single((await response.ReadObjectAsync())["cards"]!.AsArray())!.AsObject();
        Assert.True(Guid.TryParse(card["uuid"]!.GetValue<string>(), out _));
        card.Remove("uuid");
        Assert.True(JsonNode.DeepEquals(Card(expected), card), card.ToJsonString());
        Assert.InRange(card["summary"]!.GetValue<string>().Length, 1, 139);
    }

    [Fact]
    public async Task A_server_without_any_response_gives_no_cards()
    {
        var response = await CallAsync(CdsCalls.Request("ehr-nobody-" + Guid.NewGuid().ToString("N"), prefetch: null, Ehr.FhirBase().AbsoluteUri, "token"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await response.ReadObjectAsync())["cards"]!.AsArray());
    }

    [Fact]
    public async Task A_response_about_another_patient_never_gives_this_patient_a_card()
    {
        var patientId = "ehr-mixup-" + Guid.NewGuid().ToString("N");
        Ehr.Responses[patientId] = CdsCalls.SearchBundle("02-cauda-equina-on-anticoagulant", "someone-else");

        var fetched = await CallAsync(CdsCalls.Request(patientId, prefetch: null, Ehr.FhirBase().AbsoluteUri, "token"));
        var prefetched = await CallAsync(CdsCalls.Request(patientId, CdsCalls.Prefetched("02-cauda-equina-on-anticoagulant", "someone-else")));

        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Empty((await fetched.ReadObjectAsync())["cards"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, prefetched.StatusCode);
        Assert.Empty((await prefetched.ReadObjectAsync())["cards"]!.AsArray());
    }

    [Theory]
    [InlineData("/broken")]
    [InlineData("/garbage")]
    [InlineData("/slow")]
    [InlineData("unreachable")]
    public async Task A_failing_unreachable_or_slow_server_gives_412_OperationOutcome_naming_both_sources(string which)
    {
        var server = which == "unreachable" ? fixture.Unreachable : Ehr.FhirBase(which);

        var response = await CallAsync(CdsCalls.Request("ehr-" + Guid.NewGuid().ToString("N"), prefetch: null, server.AbsoluteUri, "token"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var outcome = FhirJson.Parse<OperationOutcome>(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(["prefetch.latestAssessment", "fhirServer"], outcome.Issue.SelectMany(i => i.Expression));
        Assert.Equal(OperationOutcome.IssueType.Transient, outcome.Issue[1].Code);
    }

    [Theory]
    [InlineData("{ehr}/other/fhir")]
    [InlineData("http://localhost:{port}/fhir")]
    [InlineData("{ehr}/fhir?_format=json")]
    [InlineData("http://user:secret@127.0.0.1:{port}/fhir")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task A_fhirServer_off_the_client_s_allow_list_is_never_contacted_and_gives_412(string template)
    {
        var server = template.Replace("{ehr}", Ehr.BaseAddress.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal)
            .Replace("{port}", Ehr.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var patientId = "ehr-ssrf-" + Guid.NewGuid().ToString("N");
        Ehr.Responses[patientId] = CdsCalls.SearchBundle("02-cauda-equina-on-anticoagulant", patientId);

        var response = await CallAsync(CdsCalls.Request(patientId, prefetch: null, server, "secret-access-token"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var outcome = FhirJson.Parse<OperationOutcome>(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Contains(outcome.Issue, i => i.Code == OperationOutcome.IssueType.Security && i.Expression.SequenceEqual(["fhirServer"]));
        Assert.DoesNotContain(Ehr.Requests, r => r.PathAndQuery.Contains(patientId, StringComparison.Ordinal) || r.Authorization == "Bearer secret-access-token");
    }

    [Fact]
    public async Task Keys_come_from_the_client_s_JWKS_URL_and_a_key_not_in_it_is_refused()
    {
        using var otherKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP384);
        var foreign = new SigningCredentials(new ECDsaSecurityKey(otherKey) { KeyId = "ec-1" }, SecurityAlgorithms.EcdsaSha384);
        var body = CdsCalls.Request("ehr-jwks", CdsCalls.Prefetched("01-mild-pain-after-spinal", "ehr-jwks"));

        var trusted = await CdsCalls.SendAsync(App.Anonymous(), CdsCalls.ServicePath, EhrKeys.Token(fixture.Keys.Rs384, CdsCalls.ServiceUrl, App.Time.GetUtcNow()), body);
        var refused = await CdsCalls.SendAsync(App.Anonymous(), CdsCalls.ServicePath, EhrKeys.Token(foreign, CdsCalls.ServiceUrl, App.Time.GetUtcNow()), body);

        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(Ehr.Requests, r => r.PathAndQuery == "/.well-known/jwks.json");
    }

    private Task<HttpResponseMessage> CallAsync(JsonObject body) =>
        CdsCalls.SendAsync(App.Anonymous(), CdsCalls.ServicePath, EhrKeys.Token(fixture.Keys.Es384, CdsCalls.ServiceUrl, App.Time.GetUtcNow()), body);

    /// <summary>The card as the service writes it, without the per-call uuid.</summary>
    private static JsonObject Card(Hl7.Fhir.Model.CdsHooks.Card card) =>
        JsonNode.Parse(CdsHooksJson.Serialize(new Hl7.Fhir.Model.CdsHooks.Response { Cards = [card] }))!["cards"]![0]!.AsObject();
}

public sealed class CdsFhirServerOnSqlite(SqliteCdsFhirServerApp app) : CdsFhirServerTests(app), IClassFixture<SqliteCdsFhirServerApp>;

public sealed class CdsFhirServerOnPostgres(PostgresCdsFhirServerApp app) : CdsFhirServerTests(app), IClassFixture<PostgresCdsFhirServerApp>;
