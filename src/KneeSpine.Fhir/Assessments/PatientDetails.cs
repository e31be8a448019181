using KneeSpine.Engine.Input;

namespace KneeSpine.Fhir.Assessments;

/// <summary>What KneeSpine stores about a patient, to be exported as a FHIR Patient.</summary>
/// <param name="Id">The patient's id (becomes Patient.id).</param>
/// <param name="FamilyName">Family name, when recorded.</param>
/// <param name="GivenNames">Given names, in order; may be empty.</param>
/// <param name="BirthDate">Date of birth, when recorded.</param>
/// <param name="Sex">Sex as the assessment records it, when recorded.</param>
public sealed record PatientDetails(string Id, string? FamilyName, IReadOnlyList<string> GivenNames, DateOnly? BirthDate, Sex? Sex);
