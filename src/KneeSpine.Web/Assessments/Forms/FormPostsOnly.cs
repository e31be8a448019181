using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>
/// A page POST that is not a form (no body, JSON, ...) is a bad request before any handler runs. Pages that check
/// their antiforgery token themselves (<see cref="FormToken"/>) read <c>Request.Form</c> to keep the answers, and
/// reading it from a request that is not a form throws; the automatic antiforgery check used to refuse such requests first.
/// </summary>
internal sealed class FormPostsOnly : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsPost(request.Method) && !request.HasFormContentType)
        {
            context.Result = new BadRequestResult();
            return Task.CompletedTask;
        }

        return next();
    }
}
