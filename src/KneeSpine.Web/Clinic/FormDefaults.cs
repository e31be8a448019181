using System.Globalization;
using KneeSpine.Engine.Codes;
using KneeSpine.Engine.Input;
using KneeSpine.Fhir.Assessments;
using KneeSpine.Store.Patients;
using KneeSpine.Web.Assessments.Forms;

namespace KneeSpine.Web.Clinic;

/// <summary>
/// What a new assessment form can fill in from the record: today's date, the age from the date of
/// birth, and the surgery and patient details of the latest assessment. Red flags and symptoms are
/// never carried over: they must be asked afresh every time.
/// </summary>
public static class FormDefaults
{
    private static readonly string[] CarriedSections = ["patient", "surgery"];

    public static AssessmentFormData For(Patient patient, RecordedInput? latest, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var form = latest is null ? AssessmentFormData.Empty : Carried(AssessmentFormData.FromRecorded(latest));
        form = form.With("assessedOn", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var age = today.Year - patient.BirthDate.Year - (today < patient.BirthDate.AddYears(today.Year - patient.BirthDate.Year) ? 1 : 0);
        form = form.With("patient.ageYears", age.ToString(CultureInfo.InvariantCulture));
        if (form.Value("patient.sex").Length == 0)
        {
            form = form.With("patient.sex", Code<Sex>.ToCode(patient.Sex));
        }

        if (form.Value("surgery.date").Length == 0 && patient.SurgeryDate is { } surgery)
        {
            form = form.With("surgery.date", surgery.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return form;
    }

    private static AssessmentFormData Carried(AssessmentFormData previous) =>
        new(InputFields.All
            .Where(f => CarriedSections.Contains(f.Section, StringComparer.Ordinal) && f.Path != "patient.ageYears")
            .Select(f => new KeyValuePair<string, string[]>(f.Path, [.. previous.Values(f.Path)])));
}
