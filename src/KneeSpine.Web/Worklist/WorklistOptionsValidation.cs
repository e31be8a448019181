using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Worklist;

/// <summary>A less severe level may not be due sooner than a more severe one: the worklist's order would then lie.</summary>
internal sealed class WorklistOptionsValidation : IValidateOptions<WorklistOptions>
{
    public ValidateOptionsResult Validate(string? name, WorklistOptions options) =>
        options.SoonWithin < options.UrgentWithin
            ? ValidateOptionsResult.Fail("KneeSpine:Worklist:SoonWithin must not be shorter than KneeSpine:Worklist:UrgentWithin.")
            : ValidateOptionsResult.Success;
}
