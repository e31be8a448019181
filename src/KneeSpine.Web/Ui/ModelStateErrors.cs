using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KneeSpine.Web.Ui;

/// <summary>Turns model-state errors into error-summary lines that link to the fields.</summary>
public static class ModelStateErrors
{
    /// <summary>One line per error; a key such as <c>Input.Email</c> links to the control id <c>Input_Email</c>.</summary>
    /// <param name="modelState">The page's model state.</param>
    /// <param name="fallbackAnchor">Where errors about the whole form link to.</param>
    /// <param name="fieldOrder">
    /// The form's fields in the order they appear: the summary follows it (model state keeps its own order, which put
    /// "New password" before "Current password"). Errors about the whole form come first, unlisted fields last.
    /// </param>
    public static IReadOnlyList<ErrorSummaryItem> Summary(ModelStateDictionary modelState, string fallbackAnchor, params string[] fieldOrder)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(fieldOrder);
        return [.. modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => e.Key.Length == 0 ? -1 : Array.IndexOf(fieldOrder, e.Key) is var i and >= 0 ? i : fieldOrder.Length)
            .SelectMany(e => e.Value!.Errors.Select(error => new ErrorSummaryItem(
                e.Key.Length == 0 ? fallbackAnchor : e.Key.Replace('.', '_'),
                error.ErrorMessage)))];
    }
}
