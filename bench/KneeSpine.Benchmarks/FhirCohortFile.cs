using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Fhir.Questionnaires;

namespace KneeSpine.Benchmarks;

/// <summary>
/// FHIR NDJSON for bench/import.sh: per patient one Patient, one Procedure and four QuestionnaireResponses two weeks
/// apart (six lines, the shape of the 20,000-patient, 120,000-resource file), from <see cref="InputGenerator"/>.
/// Written through the KneeSpine FHIR mappers, so the file is what <c>kneespine export</c> would write.
/// </summary>
internal static class FhirCohortFile
{
    public const int ResponsesPerPatient = 4;

    public static int Generate(int patients, string file)
    {
        var options = new JsonSerializerOptions().ForFhir();
        var generator = new InputGenerator(2026);
        var random = new Random(14);
        using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < patients; i++)
        {
            random.NextBytes(bytes);
            var id = new Guid(bytes).ToString();
            var reference = "Patient/" + id;
            var first = generator.Next();
            var surgery = first.Surgery;
            Write(FhirAssessmentMapper.ToPatient(new PatientDetails(id, $"Family{i}", [$"Given{i % 977}"], surgery.Date.AddYears(-first.Patient.AgeYears), first.Patient.Sex ?? Sex.Female)));
            Write(FhirAssessmentMapper.ToProcedure(id + "-knee-replacement", reference, surgery));
            for (var k = 0; k < ResponsesPerPatient; k++)
            {
                var input = (k == 0 ? first : generator.Next()) with { Surgery = surgery, AssessedOn = surgery.Date.AddDays(14 * (k + 1)) };
                var response = QuestionnaireResponseMapper.ToQuestionnaireResponse(input, reference,
                    new DateTimeOffset(input.AssessedOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
                random.NextBytes(bytes);
                response.Id = new Guid(bytes).ToString();
                Write(response);
            }
        }

        return 0;

        void Write(Resource resource) => writer.WriteLine(JsonSerializer.Serialize(resource, options));
    }
}
