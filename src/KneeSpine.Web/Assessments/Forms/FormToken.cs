using Microsoft.AspNetCore.Antiforgery;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>
/// The antiforgery check for forms that must not lose their answers. Pages that use it opt out of the automatic
/// check ([IgnoreAntiforgeryToken]) and call this first in every POST handler: a form left open until its token
/// expired is shown again with every answer and <see cref="ExpiredMessage"/>, with status 400, and nothing is stored.
/// </summary>
public static class FormToken
{
    /// <summary>What the person is told when the token did not pass.</summary>
    public const string ExpiredMessage =
        "We could not accept the form, because it was open for a long time or it came from another tab. Your answers are still here. Check them and send the form again.";

    /// <summary>Whether the request's antiforgery token is valid.</summary>
    public static Task<bool> IsValidAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }
}
