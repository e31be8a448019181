using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KneeSpine.Engine.Input;
using KneeSpine.Engine.Results;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Web.Evaluate;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>
/// The CPU half of an import: one NDJSON line to a <see cref="PreparedLine"/>. Pure (no database), so lines are
/// prepared in parallel while the writer stores the previous batch.
/// </summary>
internal sealed class ImportLineParser(AssessmentEvaluation evaluation, TimeProvider time)
{
    private static readonly string[] DerivedTypes = ["RiskAssessment", "Flag", "CarePlan", "Observation"];

    public PreparedLine Prepare(int number, string line)
    {
        Resource resource;
        try
        {
            // KneeSpine's own response shape without Firely's general deserializer; anything else through Firely (ADR-165).
            resource = (Resource?)ResponseFastReader.TryRead(line) ?? FhirNdjson.Parse(line);
        }
        catch (DeserializationFailedException failed)
        {
            return PreparedLine.Failed(number, line, "not valid FHIR: " + string.Join("; ", failed.Exceptions.Take(3).Select(e => e.Message)));
        }
        catch (JsonException invalid)
        {
            return PreparedLine.Failed(number, line, "not valid JSON: " + invalid.Message);
        }

        return resource switch
        {
            Hl7.Fhir.Model.Patient patient => PreparePatient(number, line, patient),
            Procedure procedure => PrepareProcedure(number, line, procedure),
            QuestionnaireResponse response => PrepareResponse(number, line, response),
            _ when DerivedTypes.Contains(resource.TypeName) => new PreparedLine(number, line, PreparedKind.Skipped),
            _ => PreparedLine.Failed(number, line, $"{resource.TypeName} is not imported; only Patient, Procedure and QuestionnaireResponse are."),
        };
    }

    private static PreparedLine PreparePatient(int number, string line, Hl7.Fhir.Model.Patient patient)
    {
        if (string.IsNullOrEmpty(patient.Id))
        {
            return PreparedLine.Failed(number, line, "Patient.id is required, so that other lines can refer to it.");
        }

        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        var fullName = name is null ? null : string.Join(' ', name.Given.Append(name.Family).Where(w => !string.IsNullOrWhiteSpace(w)));
        if (string.IsNullOrWhiteSpace(fullName))
        {
            fullName = name?.Text;
        }

        DateOnly? birthDate = DateOnly.TryParseExact(patient.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ? born : null;
        var sex = patient.Gender switch
        {
            AdministrativeGender.Female => Engine.Codes.Code<Sex>.ToCode(Sex.Female),
            AdministrativeGender.Male => Engine.Codes.Code<Sex>.ToCode(Sex.Male),
            AdministrativeGender.Other => Engine.Codes.Code<Sex>.ToCode(Sex.Other),
            AdministrativeGender.Unknown => Engine.Codes.Code<Sex>.ToCode(Sex.Unknown),
            _ => null,
        };
        return new PreparedLine(number, line, PreparedKind.Patient)
        {
            PatientId = FhirBulkImport.StoreId("Patient", patient.Id),
            Patient = new ImportedPatient(fullName, birthDate, sex),
        };
    }

    private static PreparedLine PrepareProcedure(int number, string line, Procedure procedure)
    {
        if (!TryPatient(procedure.Subject?.Reference, out var patientId))
        {
            return PreparedLine.Failed(number, line, "Procedure.subject must refer to a patient in this file or in the store (Patient/{id}).");
        }

        if (procedure.Performed is not FhirDateTime performed || !DateOnly.TryParseExact(performed.Value?[..Math.Min(10, performed.Value.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return PreparedLine.Failed(number, line, "Procedure.performedDateTime must give the date of the knee replacement.");
        }

        var codes = procedure.Code?.Coding ?? [];
        var isKneeReplacement = codes.Any(c => c.System == StandardCodes.Snomed && c.Code == StandardCodes.TotalKneeReplacementCode)
            || codes.Any(c => c.System == KneeSpineCodeSystems.ForInputField("surgery.procedure"));
        if (!isKneeReplacement)
        {
            return PreparedLine.Failed(number, line, $"Procedure.code must be a knee replacement (SNOMED CT {StandardCodes.TotalKneeReplacementCode} or a KneeSpine surgery.procedure code).");
        }

        var side = procedure.BodySite.SelectMany(b => b.Coding).Select(c => c.Code).FirstOrDefault() switch
        {
            "82169009" => SurgerySide.Left,
            "6757004" => SurgerySide.Right,
            "36701003" => SurgerySide.Both,
            _ => (SurgerySide?)null,
        };
        var kind = codes.FirstOrDefault(c => c.System == KneeSpineCodeSystems.ForInputField("surgery.procedure"))?.Code;
        return new PreparedLine(number, line, PreparedKind.Procedure)
        {
            PatientId = patientId,
            Procedure = new ImportedProcedure(date, side, kind is not null && Engine.Codes.Code<SurgeryProcedure>.TryParse(kind, out var parsed) ? parsed : null),
        };
    }

    private PreparedLine PrepareResponse(int number, string line, QuestionnaireResponse response)
    {
        if (string.IsNullOrEmpty(response.Id))
        {
            return PreparedLine.Failed(number, line, "QuestionnaireResponse.id is required, so that a second import does not store it twice.");
        }

        if (!TryPatient(response.Subject?.Reference, out var patientId))
        {
            return PreparedLine.Failed(number, line, "QuestionnaireResponse.subject must refer to a patient in this file or in the store (Patient/{id}).");
        }

        var mapping = QuestionnaireResponseMapper.ToInput(response);
        if (!mapping.IsValid)
        {
            return PreparedLine.Failed(number, line, string.Join("; ", mapping.Errors.Select(e => $"{e.LinkId}: {e.Message}")));
        }

        // A valid mapping has passed the engine's validator already (any error would have made it invalid): evaluate only.
        var input = mapping.Input!;
        var result = evaluation.Evaluator.Evaluate(input);

        // Tolerates one day for time zones ahead of UTC; a later date is a typing error (as for every stored assessment).
        if (input.AssessedOn > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1))
        {
            return PreparedLine.Failed(number, line, "assessedOn: The assessment date cannot be in the future.");
        }

        return new PreparedLine(number, line, PreparedKind.Response)
        {
            PatientId = patientId,
            AssessmentId = FhirBulkImport.StoreId("QuestionnaireResponse", response.Id),
            Input = input,
            Result = result,
            // Serialized here, on every core, rather than by the single writer.
            InputJson = AssessmentInputJson.ToJson(input),
            ResultJson = AssessmentResultJson.ToJson(result),
            RecordedAt = response.AuthoredElement?.TryToDateTimeOffset(out var authored) == true ? authored : null,
        };
    }

    private static bool TryPatient(string? reference, out Guid id)
    {
        const string prefix = "Patient/";
        id = Guid.Empty;
        if (reference is null || !reference.StartsWith(prefix, StringComparison.Ordinal) || reference.Length == prefix.Length)
        {
            return false;
        }

        id = FhirBulkImport.StoreId("Patient", reference[prefix.Length..]);
        return true;
    }
}
