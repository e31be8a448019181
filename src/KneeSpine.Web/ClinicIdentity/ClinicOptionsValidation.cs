using Microsoft.Extensions.Options;

namespace KneeSpine.Web.ClinicIdentity;

/// <summary>A mistyped time zone or phone number fails at start, naming the setting, not on the first page view.</summary>
internal sealed class ClinicOptionsValidation : IValidateOptions<ClinicOptions>
{
    public ValidateOptionsResult Validate(string? name, ClinicOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
            failures.Add($"KneeSpine:Clinic:TimeZone '{options.TimeZone}' is not a known time zone id (for example Europe/London).");
        if (!IsDialable(options.Phone))
            failures.Add("KneeSpine:Clinic:Phone may hold only digits, spaces, '+', '-', '(' and ')'.");
        if (!IsDialable(options.EmergencyNumber))
            failures.Add("KneeSpine:Clinic:EmergencyNumber may hold only digits, spaces, '+', '-', '(' and ')'.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsDialable(string? number) =>
        string.IsNullOrWhiteSpace(number) || (number.Any(char.IsAsciiDigit) && number.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')'));
}
