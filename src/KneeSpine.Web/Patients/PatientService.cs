using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Store.Database;
using KneeSpine.Store.Patients;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Patients;

/// <summary>Patient records for the API and the pages. Callers check access with <see cref="KneeSpineClaims.CanAccessPatient"/>.</summary>
public sealed class PatientService(KneeSpineDbContext db, TimeProvider time, FollowUpCalendar followUps)
{
    public const int MaxNameLength = 200;

    /// <summary>Every problem with <paramref name="request"/>, keyed by JSON path; empty when valid.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Validate(CreatePatientRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new("name", "Enter the patient's name."));
        }
        else if (request.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new("name", $"The name must be at most {MaxNameLength} characters."));
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (request.BirthDate is not { } birthDate)
        {
            errors.Add(new("birthDate", "Enter the date of birth (YYYY-MM-DD)."));
        }
        else if (birthDate > today)
        {
            errors.Add(new("birthDate", "The date of birth cannot be in the future."));
        }
        else if (birthDate < today.AddYears(-130))
        {
            errors.Add(new("birthDate", "The date of birth is more than 130 years ago."));
        }

        if (string.IsNullOrEmpty(request.Sex))
        {
            errors.Add(new("sex", $"Enter the sex: {string.Join(", ", Code<Sex>.All)}."));
        }
        else if (!Code<Sex>.TryParse(request.Sex, out _))
        {
            errors.Add(new("sex", $"Unknown sex '{request.Sex}'; use one of: {string.Join(", ", Code<Sex>.All)}."));
        }

        errors.AddRange(ContactDetails.Validate(request.Email, request.Phone));
        return errors;
    }

    /// <summary>Stores a patient; <paramref name="request"/> must have passed <see cref="Validate"/>.</summary>
    public async Task<Patient> CreateAsync(CreatePatientRequest request, string createdBy, CancellationToken cancellationToken = default)
    {
        var patient = Build(request, createdBy);
        db.Patients.Add(patient);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return patient;
    }

    /// <summary>A new patient, not yet stored, for callers that store it together with more rows (a SMART launch's identifier).</summary>
    public Patient Build(CreatePatientRequest request, string createdBy)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request).Count > 0)
        {
            throw new ArgumentException("The request is not valid.", nameof(request));
        }

        Code<Sex>.TryParse(request.Sex!, out var sex);
        var now = time.GetUtcNow();
        return new Patient
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name!.Trim(),
            BirthDate = request.BirthDate!.Value,
            Sex = sex,
            Email = ContactDetails.Normalize(request.Email),
            Phone = ContactDetails.Normalize(request.Phone),
            CreatedAt = now,
            CreatedBy = createdBy,
        };
    }

    public Task<Patient?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Patients.AsNoTracking().Include(p => p.User).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<PatientResponse> ToResponseAsync(Patient patient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var latest = await LatestAsync([patient.Id], cancellationToken).ConfigureAwait(false);
        return ToResponse(patient, latest.GetValueOrDefault(patient.Id));
    }

    internal async Task<Dictionary<Guid, LatestAssessmentResponse>> LatestAsync(List<Guid> patientIds, CancellationToken cancellationToken)
    {
        var current = await db.Assessments.AsNoTracking()
            .Where(a => patientIds.Contains(a.PatientId))
            .Where(a => !db.Assessments.Any(newer => newer.SupersedesId == a.Id))
            .Select(a => new { a.Id, a.PatientId, a.AssessedOn, a.DaysSinceSurgery, a.Triage, a.Version, a.SeriesId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return current
            .GroupBy(a => a.PatientId)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.SeriesId).Select(a => new LatestAssessmentResponse(a.Id, a.AssessedOn, a.DaysSinceSurgery, Code<Engine.Results.TriageLevel>.ToCode(a.Triage))).First());
    }

    /// <summary>
    /// Changes the patient's email and phone (blank clears one); the problems, keyed "email"/"phone", when they are not
    /// valid, and then nothing is stored. Null when there is no such patient.
    /// </summary>
    public async Task<IReadOnlyList<KeyValuePair<string, string>>?> UpdateContactAsync(Guid id, string? email, string? phone, CancellationToken cancellationToken = default)
    {
        var errors = ContactDetails.Validate(email, phone).ToList();
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false);
        if (patient is null)
        {
            return null;
        }

        if (errors.Count == 0)
        {
            patient.Email = ContactDetails.Normalize(email);
            patient.Phone = ContactDetails.Normalize(phone);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return errors;
    }

    internal PatientResponse ToResponse(Patient patient, LatestAssessmentResponse? latest) => new(
        patient.Id,
        patient.Name,
        patient.BirthDate,
        Code<Sex>.ToCode(patient.Sex),
        patient.SurgeryDate is { } date
            ? new SurgeryResponse(
                date,
                patient.SurgerySide is { } side ? Code<SurgerySide>.ToCode(side) : null,
                patient.SurgeryProcedure is { } procedure ? Code<SurgeryProcedure>.ToCode(procedure) : null,
                patient.Anesthesia is { } anesthesia ? Code<Anesthesia>.ToCode(anesthesia) : null)
            : null,
        latest,
        patient.User is not null,
        patient.IsDemo,
        patient.CreatedAt,
        patient.CreatedBy,
        patient.Email,
        patient.Phone,
        patient.RemindersOptedOut,
        followUps.Next(patient.SurgeryDate, latest?.AssessedOn) is { } next ? new NextFollowUpResponse(next.DueOn, next.Overdue, next.Day) : null);
}
