using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Questionnaires;
using KneeSpine.Fhir.Terminology;
using KneeSpine.Store.Database;
using KneeSpine.Web.Assessments;
using KneeSpine.Web.Patients;
using Microsoft.EntityFrameworkCore;
using StoredPatient = KneeSpine.Store.Patients.Patient;

namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>
/// Reads FHIR NDJSON (Patient, Procedure, QuestionnaireResponse) into the store. Lines may come in any order:
/// patients are stored first, so a response may name a patient further down. Ids that are UUIDs are kept; others
/// map to a name-based UUID, so importing the same file twice changes nothing. Assessments are stored through
/// <see cref="AssessmentService"/>, the same path as /api/v1, and evaluated afresh; derived resources are skipped.
/// </summary>
public sealed class FhirBulkImport(KneeSpineDbContext db, PatientService patients, AssessmentService assessments, TimeProvider time)
{
    private static readonly string[] DerivedTypes = ["RiskAssessment", "Flag", "CarePlan", "Observation"];

    public async Task<ImportReport> ImportAsync(TextReader reader, string importedBy, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<ImportLineError>();
        var parsed = new List<(int Line, Resource Resource)>();
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                parsed.Add((number, FhirNdjson.Parse(line)));
            }
            catch (DeserializationFailedException failed)
            {
                errors.Add(new(number, "not valid FHIR: " + string.Join("; ", failed.Exceptions.Take(3).Select(e => e.Message))));
            }
            catch (JsonException invalid)
            {
                errors.Add(new(number, "not valid JSON: " + invalid.Message));
            }
        }

        var ordered = parsed.OrderBy(p => Rank(p.Resource)).ThenBy(p => p.Line).ToList();
        int imported = 0, present = 0, skipped = 0, done = 0;
        foreach (var (line, resource) in ordered)
        {
            var outcome = resource switch
            {
                Patient patient => await ImportPatientAsync(patient, importedBy, cancellationToken).ConfigureAwait(false),
                Procedure procedure => await ImportProcedureAsync(procedure, cancellationToken).ConfigureAwait(false),
                QuestionnaireResponse response => await ImportResponseAsync(response, importedBy, cancellationToken).ConfigureAwait(false),
                _ when DerivedTypes.Contains(resource.TypeName) => LineOutcome.Skipped,
                _ => LineOutcome.Error($"{resource.TypeName} is not imported; only Patient, Procedure and QuestionnaireResponse are."),
            };
            switch (outcome.Kind)
            {
                case LineKind.Imported: imported++; break;
                case LineKind.Present: present++; break;
                case LineKind.Skipped: skipped++; break;
                default: errors.Add(new(line, outcome.Message!)); break;
            }

            progress?.Invoke(++done, ordered.Count);
        }

        return new ImportReport(imported, present, skipped, [.. errors.OrderBy(e => e.Line)]);
    }

    /// <summary>The store id of a FHIR id: the UUID itself, else a name-based UUID (RFC 9562 version 8) of type and id.</summary>
    public static Guid StoreId(string type, string fhirId)
    {
        ArgumentNullException.ThrowIfNull(fhirId);
        if (Guid.TryParse(fhirId, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("kneespine-import\n" + type + "/" + fhirId), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static int Rank(Resource resource) => resource switch
    {
        Patient => 0,
        Procedure => 1,
        QuestionnaireResponse => 2,
        _ => 3,
    };

    private async Task<LineOutcome> ImportPatientAsync(Patient patient, string importedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(patient.Id))
        {
            return LineOutcome.Error("Patient.id is required, so that other lines can refer to it.");
        }

        var id = StoreId("Patient", patient.Id);
        if (await db.Patients.AnyAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return LineOutcome.Present;
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
        var request = new CreatePatientRequest(fullName, birthDate, sex);
        var problems = patients.Validate(request);
        if (problems.Count > 0)
        {
            return LineOutcome.Error(string.Join("; ", problems.Select(p => $"Patient.{FhirElement(p.Key)}: {p.Value}")));
        }

        Engine.Codes.Code<Sex>.TryParse(sex!, out var parsedSex);
        db.Patients.Add(new StoredPatient
        {
            Id = id,
            Name = fullName!.Trim(),
            BirthDate = birthDate!.Value,
            Sex = parsedSex,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = importedBy,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return LineOutcome.Imported;
    }

    private async Task<LineOutcome> ImportProcedureAsync(Procedure procedure, CancellationToken cancellationToken)
    {
        var patient = await PatientOfAsync(procedure.Subject?.Reference, cancellationToken).ConfigureAwait(false);
        if (patient is null)
        {
            return LineOutcome.Error("Procedure.subject must refer to a patient in this file or in the store (Patient/{id}).");
        }

        if (procedure.Performed is not FhirDateTime performed || !DateOnly.TryParseExact(performed.Value?[..Math.Min(10, performed.Value.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return LineOutcome.Error("Procedure.performedDateTime must give the date of the knee replacement.");
        }

        var codes = procedure.Code?.Coding ?? [];
        var isKneeReplacement = codes.Any(c => c.System == StandardCodes.Snomed && c.Code == StandardCodes.TotalKneeReplacementCode)
            || codes.Any(c => c.System == KneeSpineCodeSystems.ForInputField("surgery.procedure"));
        if (!isKneeReplacement)
        {
            return LineOutcome.Error($"Procedure.code must be a knee replacement (SNOMED CT {StandardCodes.TotalKneeReplacementCode} or a KneeSpine surgery.procedure code).");
        }

        if (patient.SurgeryDate is not null)
        {
            // The latest assessment already describes the surgery; it stays the source of these fields.
            return LineOutcome.Present;
        }

        patient.SurgeryDate = date;
        patient.SurgerySide = procedure.BodySite.SelectMany(b => b.Coding).Select(c => c.Code).FirstOrDefault() switch
        {
            "82169009" => SurgerySide.Left,
            "6757004" => SurgerySide.Right,
            "36701003" => SurgerySide.Both,
            _ => null,
        };
        var kind = codes.FirstOrDefault(c => c.System == KneeSpineCodeSystems.ForInputField("surgery.procedure"))?.Code;
        patient.SurgeryProcedure = kind is not null && Engine.Codes.Code<SurgeryProcedure>.TryParse(kind, out var parsed) ? parsed : null;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return LineOutcome.Imported;
    }

    private async Task<LineOutcome> ImportResponseAsync(QuestionnaireResponse response, string importedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(response.Id))
        {
            return LineOutcome.Error("QuestionnaireResponse.id is required, so that a second import does not store it twice.");
        }

        var patient = await PatientOfAsync(response.Subject?.Reference, cancellationToken).ConfigureAwait(false);
        if (patient is null)
        {
            return LineOutcome.Error("QuestionnaireResponse.subject must refer to a patient in this file or in the store (Patient/{id}).");
        }

        var id = StoreId("QuestionnaireResponse", response.Id);
        if (await db.Assessments.AnyAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return LineOutcome.Present;
        }

        var mapping = QuestionnaireResponseMapper.ToInput(response);
        if (!mapping.IsValid)
        {
            return LineOutcome.Error(string.Join("; ", mapping.Errors.Select(e => $"{e.LinkId}: {e.Message}")));
        }

        var recordedAt = response.AuthoredElement?.TryToDateTimeOffset(out var authored) == true ? authored : time.GetUtcNow();
        var outcome = await assessments.ImportAsync(patient.Id, id, mapping.Input!, recordedAt, importedBy, cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return outcome.Assessment is not null
            ? LineOutcome.Imported
            : LineOutcome.Error(outcome.Conflict ?? string.Join("; ", outcome.Errors.Select(e => $"{e.Path}: {e.Message}")));
    }

    private async Task<StoredPatient?> PatientOfAsync(string? reference, CancellationToken cancellationToken)
    {
        const string prefix = "Patient/";
        if (reference is null || !reference.StartsWith(prefix, StringComparison.Ordinal) || reference.Length == prefix.Length)
        {
            return null;
        }

        var id = StoreId("Patient", reference[prefix.Length..]);
        return await db.Patients.SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
    }

    private static string FhirElement(string requestPath) => requestPath switch
    {
        "name" => "name",
        "birthDate" => "birthDate",
        "sex" => "gender",
        _ => requestPath,
    };

    private enum LineKind { Imported, Present, Skipped, Error }

    private sealed record LineOutcome(LineKind Kind, string? Message = null)
    {
        public static readonly LineOutcome Imported = new(LineKind.Imported);
        public static readonly LineOutcome Present = new(LineKind.Present);
        public static readonly LineOutcome Skipped = new(LineKind.Skipped);

        public static LineOutcome Error(string message) => new(LineKind.Error, message);
    }
}
