using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Model;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Serialization;

namespace KneeSpine.Web.Tests.Fhir;

/// <summary>FHIR over HTTP for tests: resources in and out through the Firely SDK, spec examples as responses.</summary>
internal static class FhirHttp
{
    public const string FhirJsonType = "application/fhir+json";

    public static StringContent Content(Resource resource, string mediaType = FhirJsonType) =>
        new(FhirJson.Serialize(resource), Encoding.UTF8, mediaType);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) where T : Resource =>
        FhirJson.Parse<T>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>The body as an OperationOutcome, after checking the FHIR media type.</summary>
    public static async Task<OperationOutcome> OutcomeAsync(this HttpResponseMessage response)
    {
        Assert.Equal(FhirJsonType, response.Content.Headers.ContentType?.MediaType);
        var outcome = await response.ReadAsync<OperationOutcome>();
        Assert.NotEmpty(outcome.Issue);
        return outcome;
    }

    public static HttpRequestMessage Get(string url, string? accept = FhirJsonType)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        }

        return request;
    }

    public static AssessmentInput ExampleInput(string name)
    {
        var read = AssessmentInputReader.Read(File.ReadAllBytes(RepositorySpec.InputOf(name)));
        Assert.True(read.Input is not null, string.Join("; ", read.Errors));
        return read.Input!;
    }

    public static QuestionnaireResponse ExampleResponse(string name, string? subject = null) =>
        QuestionnaireResponseMapper.ToQuestionnaireResponse(ExampleInput(name), subject);

    /// <summary>The spec examples' names (without .input.json).</summary>
    public static TheoryData<string> ExampleNames => RepositorySpec.ExampleNameData;
}
