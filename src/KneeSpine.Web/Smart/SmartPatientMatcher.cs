using System.Globalization;
using Hl7.Fhir.Model;
using KneeSpine.Store.Database;
using KneeSpine.Store.Patients;
using KneeSpine.Web.Patients;
using Microsoft.EntityFrameworkCore;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace KneeSpine.Web.Smart;

/// <summary>
/// The KneeSpine patient for the EHR's launch patient: found by an identifier the EHR gives (system and value, stored
/// with the patient), or created with that identifier. Never matched by name: a record without a usable identifier is refused.
/// </summary>
public sealed class SmartPatientMatcher(KneeSpineDbContext db, PatientService patients, TimeProvider time)
{
    public async Task<SmartPatientMatch> MatchOrCreateAsync(SmartEhrOptions ehr, FhirPatient ehrPatient, string createdBy, CancellationToken cancellationToken)
    {
        var identifier = IdentifierOf(ehr, ehrPatient)
            ?? throw new SmartLaunchRefusedException(
                ehr.PatientIdentifierSystem is { } system
                    ? $"The EHR's record for this patient has no identifier of {system}, so KneeSpine cannot tell who the patient is. Nothing was stored."
                    : "The EHR's record for this patient has no identifier (system and value), so KneeSpine cannot tell who the patient is. Nothing was stored.",
                "EHR patient has no usable identifier", StatusCodes.Status422UnprocessableEntity);

        if (await FindAsync(identifier, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new SmartPatientMatch(existing, identifier.System, identifier.Value, Created: false);
        }

        var request = RequestFor(ehrPatient);
        if (patients.Validate(request) is { Count: > 0 } problems)
        {
            throw new SmartLaunchRefusedException(
                "The EHR's record for this patient lacks what KneeSpine needs to add the patient: " + string.Join(" ", problems.Select(p => p.Value)) + " Nothing was stored.",
                "EHR patient incomplete: " + string.Join(", ", problems.Select(p => p.Key)), StatusCodes.Status422UnprocessableEntity);
        }

        var patient = patients.Build(request, createdBy);
        db.Patients.Add(patient);
        db.PatientIdentifiers.Add(new PatientIdentifier
        {
            Patient = patient,
            System = identifier.System,
            Value = identifier.Value,
            Source = ehr.Issuer!.AbsoluteUri,
            CreatedAt = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new SmartPatientMatch(patient.Id, identifier.System, identifier.Value, Created: true);
        }
        catch (DbUpdateException)
        {
            // Another launch for the same patient stored the identifier first (the unique key decided): use its patient.
            db.ChangeTracker.Clear();
            return await FindAsync(identifier, cancellationToken).ConfigureAwait(false) is { } winner
                ? new SmartPatientMatch(winner, identifier.System, identifier.Value, Created: false)
                : throw new SmartEhrUnavailableException("The patient could not be stored; try again.");
        }
    }

    private async Task<Guid?> FindAsync((string System, string Value) identifier, CancellationToken cancellationToken) =>
        await db.PatientIdentifiers.AsNoTracking()
            .Where(i => i.System == identifier.System && i.Value == identifier.Value)
            .Select(i => (Guid?)i.PatientId)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    private static (string System, string Value)? IdentifierOf(SmartEhrOptions ehr, FhirPatient patient) =>
        patient.Identifier
            .Where(i => !string.IsNullOrWhiteSpace(i.System) && !string.IsNullOrWhiteSpace(i.Value)
                && i.System.Length <= PatientIdentifier.Limits.System && i.Value.Length <= PatientIdentifier.Limits.Value)
            .Where(i => ehr.PatientIdentifierSystem is null || string.Equals(i.System, ehr.PatientIdentifierSystem, StringComparison.Ordinal))
            // An identifier that has ended (period.end) or is marked old no longer names the patient.
            .Where(i => i.Use != Identifier.IdentifierUse.Old)
            .Select(i => ((string System, string Value)?)(i.System!, i.Value!.Trim()))
            .FirstOrDefault();

    private static CreatePatientRequest RequestFor(FhirPatient patient)
    {
        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        var text = name is null ? null
            : !string.IsNullOrWhiteSpace(name.Text) ? name.Text
            : string.Join(' ', name.Given.Append(name.Family).Where(part => !string.IsNullOrWhiteSpace(part)));
        DateOnly? birthDate = DateOnly.TryParseExact(patient.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ? born : null;
        return new CreatePatientRequest(text, birthDate, patient.Gender?.ToString().ToLowerInvariant());
    }
}
