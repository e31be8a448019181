using Microsoft.Extensions.Options;
using MimeKit;

namespace KneeSpine.Web.Notifications;

/// <summary>Every address must be one, and an email that links to the worklist needs the app's public address.</summary>
internal sealed class CareTeamOptionsValidator : IValidateOptions<CareTeamOptions>
{
    public ValidateOptionsResult Validate(string? name, CareTeamOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Emails.Count; i++)
        {
            var email = options.Emails[i];
            if (!string.IsNullOrWhiteSpace(email) && !(MailboxAddress.TryParse(email.Trim(), out var address) && address.Address.Contains('@', StringComparison.Ordinal)))
            {
                errors.Add($"{CareTeamOptions.Section}:Emails:{i} is not an email address.");
            }
        }

        if (options.Recipients.Any() && !IsWebAddress(options.PublicBaseUrl))
        {
            errors.Add($"{CareTeamOptions.PublicBaseUrlKey} must be the app's public address (e.g. https://kneespine.clinic.example.org) when care-team emails are set, so the email can link to the worklist.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
