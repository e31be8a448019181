using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Web.Fhir.Bulk;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.BulkImport;

/// <summary>FHIR NDJSON lines as another system would export them, built from the tests' usual inputs, and imported through the service <c>kneespine import</c> runs.</summary>
internal sealed class NdjsonFile
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir();

    public List<string> Lines { get; } = [];

    public override string ToString() => string.Join('\n', Lines);

    public NdjsonFile Patient(string id, DateOnly birthDate, Sex sex)
    {
        Lines.Add(Line(FhirAssessmentMapper.ToPatient(new PatientDetails(id, "Imported", ["Pat", id], birthDate, sex))));
        return this;
    }

    public NdjsonFile Procedure(string patientId, SurgeryInfo surgery)
    {
        Lines.Add(Line(FhirAssessmentMapper.ToProcedure(patientId + "-knee", "Patient/" + patientId, surgery)));
        return this;
    }

    /// <summary>A QuestionnaireResponse of <paramref name="input"/> (built with <see cref="Inputs"/>), authored at 09:30 on its assessment date.</summary>
    public NdjsonFile Response(string id, string patientId, JsonObject input)
    {
        var read = AssessmentInputReader.Read(Encoding.UTF8.GetBytes(input.ToJsonString()));
        var parsed = read.Input ?? throw new InvalidOperationException("The test input is not valid: " + string.Join("; ", read.Errors.Select(e => e.ToString())));
        var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(parsed, "Patient/" + patientId,
            new DateTimeOffset(parsed.AssessedOn.ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero));
        response.Id = id;
        Lines.Add(Line(response));
        return this;
    }

    public NdjsonFile Raw(string line)
    {
        Lines.Add(line);
        return this;
    }

    public Task<ImportReport> ImportAsync(TestApp app) =>
        app.WithServiceAsync<FhirBulkImport, ImportReport>(import =>
            import.ImportAsync(new StringReader(ToString()), "import:test", cancellationToken: TestContext.Current.CancellationToken));

    private static string Line(Resource resource) => JsonSerializer.Serialize(resource, Fhir);
}
