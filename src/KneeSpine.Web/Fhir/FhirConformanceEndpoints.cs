using Hl7.Fhir.Model;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Terminology;

namespace KneeSpine.Web.Fhir;

/// <summary>
/// The open, definitional resources: the Questionnaire (read, and search by canonical <c>url</c> and <c>version</c>
/// as SDC form fillers do) and the OperationDefinition of <c>$assess</c>.
/// </summary>
internal static class FhirConformanceEndpoints
{
    public static IEndpointRouteBuilder MapFhirConformance(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Questionnaire/{id}", Questionnaire).AllowAnonymous()
            .WithSummary("The KneeSpine assessment Questionnaire (id kneespine-assessment)");
        fhir.MapGet("/Questionnaire", SearchQuestionnaires).AllowAnonymous()
            .WithSummary("Search the Questionnaire by canonical url and version");
        fhir.MapGet("/OperationDefinition/{id}", OperationDefinition).AllowAnonymous()
            .WithSummary("The OperationDefinition of QuestionnaireResponse/$assess");
        return fhir;
    }

    internal static FhirResult Questionnaire(string id) =>
        id == KneeSpineCodeSystems.QuestionnaireId
            ? new FhirResult(AssessmentQuestionnaire.Build())
            : FhirOutcomes.NotFound($"Questionnaire/{id} is not known; this server has only Questionnaire/{KneeSpineCodeSystems.QuestionnaireId}.");

    internal static FhirResult SearchQuestionnaires(HttpRequest request)
    {
        var unknown = request.Query.Keys.FirstOrDefault(k => k is not ("url" or "version" or "_count" or "_offset" or "_format"));
        if (unknown is not null)
        {
            return FhirOutcomes.BadRequest($"Search parameter '{unknown}' is not supported on Questionnaire; see /fhir/metadata.", unknown);
        }

        var (page, error) = FhirPage.Read(request, FhirStoredEndpoints.DefaultCount, FhirStoredEndpoints.MaxCount);
        if (error is not null)
        {
            return error;
        }

        // url may carry the version as canonical|version; version then must agree with it.
        var url = request.Query["url"].ToString();
        var version = request.Query["version"].ToString();
        if (url.Split('|', 2) is [var bare, var pinned])
        {
            url = bare;
            version = version.Length == 0 || version == pinned ? pinned : "\u0000";
        }

        var questionnaire = AssessmentQuestionnaire.Build();
        var matches = (url.Length == 0 || url == questionnaire.Url) && (version.Length == 0 || version == questionnaire.Version)
            ? new List<Resource> { questionnaire }
            : [];
        return new FhirResult(page!.Searchset(request, page.Of(matches), matches.Count));
    }

    internal static FhirResult OperationDefinition(string id) =>
        id == AssessOperation.Id
            ? new FhirResult(AssessOperation.Build(FhirApi.SoftwareVersion))
            : FhirOutcomes.NotFound($"OperationDefinition/{id} is not known; this server defines only OperationDefinition/{AssessOperation.Id}.");
}
