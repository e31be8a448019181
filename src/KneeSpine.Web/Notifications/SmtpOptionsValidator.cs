using Microsoft.Extensions.Options;
using MimeKit;

namespace KneeSpine.Web.Notifications;

/// <summary>What data annotations cannot say: a configured server needs a valid sender, and a user needs a password.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out _))
        {
            errors.Add($"{SmtpOptions.Section}:From must be the sender's email address (e.g. kneespine@clinic.example.org) when {SmtpOptions.Section}:Host is set.");
        }

        if (!string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.Password))
        {
            errors.Add($"{SmtpOptions.Section}:Password is required when {SmtpOptions.Section}:User is set.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
