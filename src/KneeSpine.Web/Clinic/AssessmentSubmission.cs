using KneeSpine.Web.Assessments;
using KneeSpine.Web.Assessments.Forms;

namespace KneeSpine.Web.Clinic;

/// <summary>
/// Checks a submitted assessment form and stores it through the web core's <see cref="AssessmentService"/>
/// (new assessment, or the next version of an existing one). Nothing is stored unless every answer is valid.
/// </summary>
public sealed class AssessmentSubmission(AssessmentService assessments, ClinicIdentity.ClinicProfile clinic, TimeProvider time)
{
    /// <summary>The stored assessment's id, or the problems to show.</summary>
    public sealed record Outcome(Guid? StoredId, IReadOnlyList<FormError> Errors);

    /// <summary>Checks the answers without storing them (for a step of the patient's questionnaire).</summary>
    public AssessmentFormOutcome Check(AssessmentFormData form) => AssessmentFormReader.Read(form, ClinicToday.Of(clinic, time));

    public Task<Outcome> SubmitAsync(Guid patientId, Guid? revises, AssessmentFormData form, string createdBy, CancellationToken cancellationToken) =>
        SubmitAsync(patientId, revises, form, createdBy, editReason: null, cancellationToken);

    /// <summary>As above; a revision stores <paramref name="editReason"/> with the new version.</summary>
    public async Task<Outcome> SubmitAsync(Guid patientId, Guid? revises, AssessmentFormData form, string createdBy, string? editReason, CancellationToken cancellationToken)
    {
        var checkedForm = Check(form);
        if (checkedForm.Errors.Count > 0)
        {
            return new Outcome(null, checkedForm.Errors);
        }

        var json = AssessmentFormReader.ToJson(form);
        var recorded = revises is { } previous
            ? await assessments.ReviseAsync(patientId, previous, json, createdBy, editReason, cancellationToken).ConfigureAwait(false)
            : await assessments.RecordAsync(patientId, json, createdBy, cancellationToken).ConfigureAwait(false);
        if (recorded is null)
        {
            return new Outcome(null, [new FormError("$", null, "This assessment no longer exists.")]);
        }

        if (recorded.Conflict is { } conflict)
        {
            return new Outcome(null, [new FormError("$", null, conflict)]);
        }

        if (recorded.Assessment is null)
        {
            // The store's own checks (an assessment date in the future) speak plainly and name no path.
            return new Outcome(null, [.. recorded.Errors.Select(e => new FormError(e.Path, FormFieldIds.FieldOf(e.Path), e.Message))]);
        }

        return new Outcome(recorded.Assessment.Id, []);
    }
}
