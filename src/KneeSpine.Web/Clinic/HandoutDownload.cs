using System.Globalization;
using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.Handouts;
using Microsoft.AspNetCore.Mvc;

namespace KneeSpine.Web.Clinic;

/// <summary>The PDF handout of a stored assessment as a download.</summary>
public static class HandoutDownload
{
    /// <summary>A file result: application/pdf, as an attachment named after the assessment date.</summary>
    public static FileContentResult For(PatientRecord record, StoredAssessment assessment, ClinicProfile clinic)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(clinic);
        var handout = HandoutFactory.Create(record.Patient.Name, assessment.Input.AssessedOn, assessment.Result, record.PainHistory, assessment.Input.ToCurrentInput())
            with { Clinic = new HandoutClinic(clinic.Name, clinic.Phone, clinic.EmergencyNumber) };
        return new FileContentResult(HandoutPdf.Create(handout), "application/pdf")
        {
            FileDownloadName = $"kneespine-handout-{assessment.Input.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf",
        };
    }
}
