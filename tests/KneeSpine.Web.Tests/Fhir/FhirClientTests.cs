// Firely's POCOs declare every element nullable; tests navigate them freely, and a null there fails the test anyway.
#nullable disable warnings
using Hl7.Fhir.Model;
using Hl7.Fhir.Rest;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Tests.Infrastructure;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.Fhir;

/// <summary>
/// KneeSpine's FHIR endpoint driven by Firely's own <see cref="FhirClient"/>, as an integrator drives it (issue 13):
/// every search pages with Continue, operations are called the way the client calls them (POST with Parameters),
/// every fullUrl resolves, and stored responses are versioned (Location with _history, ETag, vread).
/// </summary>
public abstract class FhirClientTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_response_search_pages_with_next_and_previous_links_that_Continue_follows()
    {
        var (client, patient, _) = await PatientWithClientAsync(Roles.Clinician, "Paging Patient");
        foreach (var example in (string[])["01-mild-pain-after-spinal", "04-fever-after-surgery", "05-poor-sleep-inactive-bow-legs"])
        {
            await client.CreateAsync(FhirHttp.ExampleResponse(example, $"Patient/{patient}"), Cancel);
        }

        var first = await client.SearchAsync<QuestionnaireResponse>(new SearchParams().Where($"subject=Patient/{patient}").LimitTo(2), Cancel);
        var second = await client.ContinueAsync(first, PageDirection.Next, Cancel);
        var end = await client.ContinueAsync(second, PageDirection.Next, Cancel);
        var back = await client.ContinueAsync(second, PageDirection.Previous, Cancel);

        Assert.Equal(3, first.Total);
        Assert.Equal(2, first.Entry.Count);
        Assert.Single(second.Entry);
        Assert.Null(end);
        Assert.Equal(first.Entry.Select(e => e.Resource.Id), back.Entry.Select(e => e.Resource.Id));
        Assert.Equal(3, first.Entry.Concat(second.Entry).Select(e => e.Resource.Id).Distinct().Count());
    }

    [Fact]
    public async Task Everything_by_POST_as_the_client_calls_it_and_by_GET_give_the_same_record_whose_every_full_url_resolves()
    {
        var (client, patient, _) = await PatientWithClientAsync(Roles.Clinician, "Everything Client Patient");
        await client.CreateAsync(FhirHttp.ExampleResponse("01-mild-pain-after-spinal", $"Patient/{patient}"), Cancel);
        await client.CreateAsync(FhirHttp.ExampleResponse("02-cauda-equina-on-anticoagulant", $"Patient/{patient}"), Cancel);
        var location = new Uri($"Patient/{patient}", UriKind.Relative);

        var posted = Assert.IsType<Bundle>(await Described(() => client.InstanceOperationAsync(location, "everything", ct: Cancel)));
        var got = Assert.IsType<Bundle>(await client.InstanceOperationAsync(location, "everything", useGet: true, ct: Cancel));

        Assert.Equal(posted.Entry.Select(e => e.FullUrl), got.Entry.Select(e => e.FullUrl));
        Assert.Contains(posted.Entry, e => e.Resource is RiskAssessment);
        Assert.Contains(posted.Entry, e => e.Resource is Flag);
        Assert.Contains(posted.Entry, e => e.Resource is CarePlan);
        Assert.Contains(posted.Entry, e => e.Resource is Observation);
        Assert.Contains(posted.Entry, e => e.Resource is Procedure);
        foreach (var entry in posted.Entry)
        {
            var read = await client.ReadAsync<Resource>(entry.FullUrl, ct: Cancel);
            Assert.Equal((entry.Resource.TypeName, entry.Resource.Id), (read.TypeName, read.Id));
            // The same content as $everything gives it (an earlier assessment's Flags inactive, and so on).
            Assert.True(entry.Resource.IsExactly(read), $"{entry.FullUrl} reads differently from $everything");
        }
    }

    [Fact]
    public async Task Create_answers_an_absolute_versioned_location_and_an_etag_and_an_edit_is_a_new_version_vread_still_finds()
    {
        var (client, patient, http) = await PatientWithClientAsync(Roles.Clinician, "Version Client Patient");

        var created = await client.CreateAsync(FhirHttp.ExampleResponse("01-mild-pain-after-spinal", $"Patient/{patient}"), Cancel);
        var location = client.LastResult.Location;
        var createdEtag = client.LastResult.Etag;

        Assert.Equal("1", created.Meta.VersionId);
        Assert.Equal(new Uri(http.BaseAddress!, $"fhir/QuestionnaireResponse/{created.Id}/_history/1").AbsoluteUri, location);
        Assert.Equal("W/\"1\"", createdEtag);

        // An edit through the API is version 2 of the same FHIR resource.
        var edit = await http.PutAsync($"/api/v1/patients/{patient}/assessments/{created.Id}", Inputs.Json(Inputs.Valid()), Cancel);
        Assert.Equal(System.Net.HttpStatusCode.Created, edit.StatusCode);

        var current = await client.ReadAsync<QuestionnaireResponse>($"QuestionnaireResponse/{created.Id}", ct: Cancel);
        Assert.Equal((created.Id, "2"), (current.Id, current.Meta.VersionId));
        Assert.Equal("W/\"2\"", client.LastResult.Etag);
        var first = await client.ReadAsync<QuestionnaireResponse>(location, ct: Cancel);
        Assert.Equal((created.Id, "1"), (first.Id, first.Meta.VersionId));
        Assert.Equal(created.Item.Count, first.Item.Count);
        var missing = await Assert.ThrowsAsync<FhirOperationException>(() => client.ReadAsync<QuestionnaireResponse>($"QuestionnaireResponse/{created.Id}/_history/3", ct: Cancel));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.Status);
    }

    [Fact]
    public async Task Authored_comes_back_exactly_as_sent_on_read_vread_search_and_everything_with_the_receipt_time_apart()
    {
        var (client, patient, http) = await PatientWithClientAsync(Roles.Clinician, "Authored Client Patient");
        var sent = FhirHttp.ExampleResponse("01-mild-pain-after-spinal", $"Patient/{patient}");
        // An offset and a precision the server's own clock (UTC, to the tick) would never write.
        sent.Authored = "2026-11-24T21:30:00+05:30";
        App.Time.Advance(TimeSpan.FromMinutes(7));
        var receivedAt = App.Time.GetUtcNow();

        var created = await client.CreateAsync(sent, Cancel);
        var read = await client.ReadAsync<QuestionnaireResponse>($"QuestionnaireResponse/{created.Id}", ct: Cancel);
        var vread = await client.ReadAsync<QuestionnaireResponse>($"QuestionnaireResponse/{created.Id}/_history/1", ct: Cancel);
        var found = await client.SearchAsync<QuestionnaireResponse>(new SearchParams().Where($"subject=Patient/{patient}"), Cancel);
        var everything = Assert.IsType<Bundle>(await client.InstanceOperationAsync(new Uri($"Patient/{patient}", UriKind.Relative), "everything", useGet: true, ct: Cancel));

        Assert.Equal(sent.Authored, created.Authored);
        Assert.Equal(sent.Authored, read.Authored);
        Assert.Equal(sent.Authored, vread.Authored);
        Assert.Equal(sent.Authored, Assert.IsType<QuestionnaireResponse>(Assert.Single(found.Entry).Resource).Authored);
        Assert.Equal(sent.Authored, Assert.Single(everything.Entry.Select(e => e.Resource).OfType<QuestionnaireResponse>()).Authored);
        Assert.Equal(receivedAt, read.Meta.LastUpdated);

        // An edit is answers changed here and now: the new version is authored at its receipt; the first keeps what was sent.
        App.Time.Advance(TimeSpan.FromMinutes(3));
        var edit = await http.PutAsync($"/api/v1/patients/{patient}/assessments/{created.Id}", Inputs.Json(Inputs.Valid()), Cancel);
        Assert.Equal(System.Net.HttpStatusCode.Created, edit.StatusCode);
        var current = await client.ReadAsync<QuestionnaireResponse>($"QuestionnaireResponse/{created.Id}", ct: Cancel);
        var first = await client.ReadAsync<QuestionnaireResponse>($"QuestionnaireResponse/{created.Id}/_history/1", ct: Cancel);
        Assert.Equal(new FhirDateTime(App.Time.GetUtcNow()).Value, current.Authored);
        Assert.Equal(sent.Authored, first.Authored);
    }

    [Fact]
    public async Task A_response_stored_without_a_sent_authored_as_every_record_before_it_was_kept_reads_with_its_receipt_time()
    {
        // /api/v1 has no authored: its rows leave the column empty, exactly as rows stored before the column existed.
        var (client, patient, http) = await PatientWithClientAsync(Roles.Clinician, "Receipt Time Patient");
        App.Time.Advance(TimeSpan.FromMinutes(11));
        var posted = await http.PostAsync($"/api/v1/patients/{patient}/assessments", Inputs.Json(Inputs.Valid()), Cancel);
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);

        var found = await client.SearchAsync<QuestionnaireResponse>(new SearchParams().Where($"subject=Patient/{patient}"), Cancel);

        var response = Assert.IsType<QuestionnaireResponse>(Assert.Single(found.Entry).Resource);
        Assert.Equal(new FhirDateTime(App.Time.GetUtcNow()).Value, response.Authored);
        Assert.Equal(App.Time.GetUtcNow(), response.Meta.LastUpdated);
    }

    [Fact]
    public async Task An_authored_that_is_not_a_fhir_date_time_is_refused_naming_it_and_nothing_is_stored()
    {
        var (client, patient, http) = await PatientWithClientAsync(Roles.Clinician, "Bad Authored Patient");
        var sent = FhirHttp.ExampleResponse("01-mild-pain-after-spinal", $"Patient/{patient}");
        sent.Authored = "yesterday evening";

        var refused = await http.PostAsync("/fhir/QuestionnaireResponse", FhirHttp.Content(sent), Cancel);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains((await refused.OutcomeAsync()).Issue, i => i.Expression.Any(e => e.Contains("authored", StringComparison.Ordinal)));
        var found = await client.SearchAsync<QuestionnaireResponse>(new SearchParams().Where($"subject=Patient/{patient}"), Cancel);
        Assert.Empty(found.Entry);
    }

    [Fact]
    public async Task Assess_takes_parameters_from_the_client_and_a_bare_response_alike()
    {
        var client = Client(App.Anonymous());
        var response = FhirHttp.ExampleResponse("02-cauda-equina-on-anticoagulant");
        var parameters = new Parameters { { AssessOperation.ResponseParameter, response } };

        var wrapped = Assert.IsType<Bundle>(await client.TypeOperationAsync<QuestionnaireResponse>("assess", parameters, ct: Cancel));
        var bare = await (await App.Anonymous().PostAsync("/fhir/QuestionnaireResponse/$assess", FhirHttp.Content(response), Cancel)).ReadAsync<Bundle>();

        Assert.Equal(Bundle.BundleType.Collection, wrapped.Type);
        var risk = wrapped.Entry.Select(e => e.Resource).OfType<RiskAssessment>().Single();
        Assert.True(risk.IsExactly(bare.Entry.Select(e => e.Resource).OfType<RiskAssessment>().Single()));
        Assert.Equal("emergency", risk.Prediction[0].QualitativeRisk.Coding[0].Code);
    }

    [Fact]
    public async Task Parameters_without_a_response_are_refused_naming_the_parameter()
    {
        var client = Client(App.Anonymous());
        var parameters = new Parameters { { "answers", new FhirString("none") } };

        var refused = await Assert.ThrowsAsync<FhirOperationException>(() => client.TypeOperationAsync<QuestionnaireResponse>("assess", parameters, ct: Cancel));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("response", refused.Outcome.Issue[0].Details.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_questionnaire_is_found_by_canonical_url_and_version_and_only_by_them()
    {
        var client = Client(App.Anonymous());

        var byUrl = await client.SearchAsync<Questionnaire>(new SearchParams().Where("url=" + KneeSpineCodeSystems.QuestionnaireUrl), Cancel);
        var byVersion = await client.SearchAsync<Questionnaire>(
            new SearchParams().Where("url=" + KneeSpineCodeSystems.QuestionnaireUrl).Where("version=" + AssessmentQuestionnaire.Version), Cancel);
        var byPinnedCanonical = await client.SearchAsync<Questionnaire>(new SearchParams().Where("url=" + AssessmentQuestionnaire.VersionedCanonical), Cancel);
        var otherVersion = await client.SearchAsync<Questionnaire>(
            new SearchParams().Where("url=" + KneeSpineCodeSystems.QuestionnaireUrl).Where("version=99"), Cancel);
        var otherUrl = await client.SearchAsync<Questionnaire>(new SearchParams().Where("url=http://example.org/Questionnaire/phq-9"), Cancel);

        Assert.Equal(KneeSpineCodeSystems.QuestionnaireUrl, Assert.IsType<Questionnaire>(Assert.Single(byUrl.Entry).Resource).Url);
        Assert.Single(byVersion.Entry);
        Assert.Single(byPinnedCanonical.Entry);
        Assert.Empty(otherVersion.Entry);
        Assert.Empty(otherUrl.Entry);
    }

    [Fact]
    public async Task The_assess_operation_definition_is_found_from_the_capability_statement()
    {
        var client = Client(App.Anonymous());

        var capabilities = await client.CapabilityStatementAsync(ct: Cancel);
        var assess = capabilities.Rest[0].Resource.Single(r => r.Type == "QuestionnaireResponse").Operation.Single(o => o.Name == "assess");
        var definition = await client.ReadAsync<OperationDefinition>($"OperationDefinition/{assess.Definition.Split('/')[^1]}", ct: Cancel);

        Assert.Equal(assess.Definition, definition.Url);
        Assert.Equal("assess", definition.Code);
        Assert.Contains(definition.Parameter, p => p.Name == AssessOperation.ResponseParameter && p.Use == OperationParameterUse.In);
        Assert.Contains(capabilities.Rest[0].Resource, r => r.Type == "OperationDefinition");
    }

    [Fact]
    public async Task Audit_event_task_and_procedure_searches_page_through_the_client()
    {
        var (client, patient, _) = await PatientWithClientAsync(Roles.Admin, "Audit Paging Patient");
        await client.CreateAsync(FhirHttp.ExampleResponse("02-cauda-equina-on-anticoagulant", $"Patient/{patient}"), Cancel);
        await client.CreateAsync(FhirHttp.ExampleResponse("04-fever-after-surgery", $"Patient/{patient}"), Cancel);

        var audit = await client.SearchAsync<AuditEvent>(new SearchParams().Where($"patient=Patient/{patient}").LimitTo(1), Cancel);
        var auditNext = await client.ContinueAsync(audit, PageDirection.Next, Cancel);
        var tasks = await client.SearchAsync<Hl7.Fhir.Model.Task>(new SearchParams().Where($"patient={patient}").LimitTo(1), Cancel);
        var tasksNext = await client.ContinueAsync(tasks, PageDirection.Next, Cancel);
        var procedures = await client.SearchAsync<Procedure>(new SearchParams().Where($"patient={patient}"), Cancel);

        Assert.True(audit.Total >= 2, $"total {audit.Total}");
        Assert.NotEqual(Assert.Single(audit.Entry).Resource.Id, Assert.Single(auditNext.Entry).Resource.Id);
        var auditRead = await client.ReadAsync<AuditEvent>(audit.Entry[0].FullUrl, ct: Cancel);
        Assert.Equal(audit.Entry[0].Resource.Id, auditRead.Id);
        Assert.Equal(2, tasks.Total);
        Assert.NotEqual(Assert.Single(tasks.Entry).Resource.Id, Assert.Single(tasksNext.Entry).Resource.Id);
        var procedure = Assert.Single(procedures.Entry);
        Assert.Equal(procedure.Resource.Id, (await client.ReadAsync<Procedure>(procedure.FullUrl, ct: Cancel)).Id);
    }

    /// <summary>A refusal's OperationOutcome in the failure message, so a failing run says what the server objected to.</summary>
    private static async Task<T> Described<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (FhirOperationException refused)
        {
            Assert.Fail($"{refused.Status}: " + string.Join("; ", refused.Outcome?.Issue.Select(i => $"{i.Details?.Text} at {string.Join(",", i.Expression)}") ?? []));
            throw;
        }
    }

    private async Task<(FhirClient Client, Guid Patient, HttpClient Http)> PatientWithClientAsync(string role, string name)
    {
        var http = await App.ClientAsync(role);
        var patient = await PatientsApiTests.CreatePatientAsync(http, name);
        return (Client(http), patient, http);
    }

    /// <summary>
    /// Firely's client over the test app's HttpClient (which carries the account's token), asking for JSON: the
    /// server serves JSON only (CapabilityStatement.format) and answers 406 to the client's default of XML.
    /// </summary>
    private static FhirClient Client(HttpClient http) =>
        new(new Uri(http.BaseAddress!, "fhir/"), http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json });
}

public sealed class FhirClientOnSqlite(SqliteApp app) : FhirClientTests(app), IClassFixture<SqliteApp>;

public sealed class FhirClientOnPostgres(PostgresApp app) : FhirClientTests(app), IClassFixture<PostgresApp>;
