using KneeSpine.Engine.Knowledge;
using KneeSpine.Web.Assessments.Forms;
using KneeSpine.Web.Assessments.Results;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Handouts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KneeSpine.Web.Pages.Check;

/// <summary>
/// The public questionnaire: anyone can answer it and see the result and plan. Nothing is stored:
/// the answers live only in this request.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(AssessmentEvaluation evaluation, TimeProvider time) : PageModel
{
    public AssessmentFormView Form { get; private set; } = new(AssessmentFormData.Empty, [], ForPatient: true);

    public ResultView? View { get; private set; }

    public void OnGet()
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        Form = new AssessmentFormView(AssessmentFormData.Empty.With("assessedOn", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), [], ForPatient: true);
    }

    public IActionResult OnPost()
    {
        var form = new AssessmentFormData(Request.Form.Select(p => new KeyValuePair<string, string[]>(p.Key, [.. p.Value.OfType<string>()])));
        var outcome = AssessmentFormReader.Read(form);
        if (outcome.Input is null)
        {
            Form = new AssessmentFormView(form, outcome.Errors, ForPatient: true);
            return Page();
        }

        var evaluated = evaluation.Evaluate(outcome.Input);
        View = new ResultView(evaluated.Result!, KnowledgeBase.Default, ForPatient: true, HandoutUrl: null) { SignLists = HandoutSigns.For(evaluated.Input) };
        // A result with health details: never stored by the browser or a proxy.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
