using System.Globalization;
using KneeSpine.Web.Handouts;
using Microsoft.AspNetCore.Mvc;

namespace KneeSpine.Web.Clinic;

/// <summary>The PDF handout of a stored assessment as a download.</summary>
public static class HandoutDownload
{
    /// <summary>A file result: application/pdf, as an attachment named after the assessment date.</summary>
    public static FileContentResult For(PatientRecord record, StoredAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(assessment);
        var handout = HandoutFactory.Create(record.Patient.Name, assessment.Input.AssessedOn, assessment.Result, record.PainHistory, assessment.Input.ToCurrentInput());
        return new FileContentResult(HandoutPdf.Create(handout), "application/pdf")
        {
            FileDownloadName = $"kneespine-handout-{assessment.Input.AssessedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf",
        };
    }
}
