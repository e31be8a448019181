using KneeSpine.Engine.Knowledge;
using KneeSpine.Web.Assessments.Forms;
using KneeSpine.Web.Assessments.Results;
using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Handouts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Check;

/// <summary>
/// The public questionnaire, in four short steps: anyone can answer it and see the result and plan. Nothing is
/// stored: the answers live only in the posted form (hidden fields carry the other steps' answers).
/// </summary>
/// <remarks>The antiforgery check is made in the handler, so an expired token keeps the answers (see <see cref="FormToken"/>).</remarks>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class IndexModel(AssessmentEvaluation evaluation, ClinicProfile clinic, TimeProvider time) : PageModel
{
    public AssessmentFormView Form { get; private set; } = SteppedForm.Start(AssessmentFormData.Empty);

    public ResultView? View { get; private set; }

    public void OnGet() =>
        Form = SteppedForm.Start(AssessmentFormData.Empty.With("assessedOn", ClinicToday.Of(clinic, time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    public async Task<IActionResult> OnPostAsync()
    {
        var form = AssessmentFormData.FromForm(Request.Form);
        // The answers are health details even before a result: never kept by the browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        if (!await FormToken.IsValidAsync(HttpContext).ConfigureAwait(false))
        {
            Form = SteppedForm.Show(form, FormSteps.Parse(Request.Form["step"]), []) with { Notice = FormToken.ExpiredMessage };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = AssessmentFormReader.Read(form, ClinicToday.Of(clinic, time));
        if (SteppedForm.Next(form, outcome, Request.Form["step"], Request.Form["go"]) is { } next)
        {
            Form = next;
            return Page();
        }

        var evaluated = evaluation.Evaluate(outcome.Input!);
        View = new ResultView(evaluated.Result!, KnowledgeBase.Default, ForPatient: true, HandoutUrl: null) { SignLists = HandoutSigns.For(evaluated.Input) };
        return Page();
    }
}
