using System.Security.Claims;
using KneeSpine.Store.Assessments;

namespace KneeSpine.Web.Assessments.Results;

/// <summary>Tells a patient whether a stored result came from their own answers or was recorded by their care team.</summary>
public static class ResultAuthors
{
    /// <summary>
    /// <see cref="ResultAuthor.Patient"/> when the stored version was written by the signed-in patient's own account
    /// (its <c>CreatedBy</c> is the account's name); anything else (a clinician, an import) is the care team.
    /// </summary>
    public static ResultAuthor Of(Assessment row, ClaimsPrincipal reader)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Identity?.Name is { } name && string.Equals(row.CreatedBy, name, StringComparison.Ordinal)
            ? ResultAuthor.Patient
            : ResultAuthor.CareTeam;
    }
}
