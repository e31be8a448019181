namespace KneeSpine.Web.Patients;

/// <summary>Body of <c>POST /api/v1/patients</c>. Fields are nullable so a missing one is reported by name rather than as unreadable JSON.</summary>
/// <param name="Name">Full name, as the clinic writes it.</param>
/// <param name="BirthDate">Date of birth (ISO 8601 date).</param>
/// <param name="Sex">female, male, other or unknown.</param>
/// <param name="Email">Optional: where follow-up reminders go.</param>
/// <param name="Phone">Optional: for the clinic to call.</param>
public sealed record CreatePatientRequest(string? Name, DateOnly? BirthDate, string? Sex, string? Email = null, string? Phone = null);
