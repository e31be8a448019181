using Microsoft.Extensions.Options;

namespace KneeSpine.Web.FollowUps;

/// <summary>A schedule that cannot be read one way (unordered, repeated or non-positive days) stops the start rather than reminding patients at odd times.</summary>
internal sealed class FollowUpOptionsValidation : IValidateOptions<FollowUpOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Days.Count == 0)
        {
            failures.Add($"{FollowUpOptions.Section}:Days needs at least one day after surgery.");
        }

        if (options.Days.Any(d => d <= 0))
        {
            failures.Add($"{FollowUpOptions.Section}:Days must all be positive (days after surgery); got {string.Join(", ", options.Days)}.");
        }

        if (options.Days.Zip(options.Days.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            failures.Add($"{FollowUpOptions.Section}:Days must be distinct and in ascending order; got {string.Join(", ", options.Days)}.");
        }

        if (options.RemindAgainAfterDays <= 0)
        {
            failures.Add($"{FollowUpOptions.Section}:RemindAgainAfterDays must be positive; got {options.RemindAgainAfterDays}.");
        }

        if (options.CheckEvery <= TimeSpan.Zero)
        {
            failures.Add($"{FollowUpOptions.Section}:CheckEvery must be a positive time span (e.g. 01:00:00); got {options.CheckEvery}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
