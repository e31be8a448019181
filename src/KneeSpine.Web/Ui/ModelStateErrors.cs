using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KneeSpine.Web.Ui;

/// <summary>Turns model-state errors into error-summary lines that link to the fields.</summary>
public static class ModelStateErrors
{
    /// <summary>One line per error; a key such as <c>Input.Email</c> links to the control id <c>Input_Email</c>.</summary>
    /// <param name="modelState">The page's model state.</param>
    /// <param name="fallbackAnchor">Where errors about the whole form link to.</param>
    public static IReadOnlyList<ErrorSummaryItem> Summary(ModelStateDictionary modelState, string fallbackAnchor)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return [.. modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(error => new ErrorSummaryItem(
                e.Key.Length == 0 ? fallbackAnchor : e.Key.Replace('.', '_'),
                error.ErrorMessage)))];
    }
}
