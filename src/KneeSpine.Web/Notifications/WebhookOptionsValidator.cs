using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Notifications;

/// <summary>A webhook is https, signed with a long enough secret, links to the app, and any certificate it trusts can be read.</summary>
internal sealed class WebhookOptionsValidator(IOptions<CareTeamOptions> careTeam) : IValidateOptions<WebhookOptions>
{
    public const int ShortestSecret = 32;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!options.Url!.IsAbsoluteUri || options.Url.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{WebhookOptions.Section}:Url must be an https address: the message goes over the network to the paging system.");
        }

        if (string.IsNullOrEmpty(options.Secret) || options.Secret.Length < ShortestSecret)
        {
            errors.Add($"{WebhookOptions.Section}:Secret must be at least {ShortestSecret} characters, so the receiver can check each message came from KneeSpine.");
        }

        if (!Uri.TryCreate(careTeam.Value.PublicBaseUrl, UriKind.Absolute, out _))
        {
            errors.Add($"{CareTeamOptions.PublicBaseUrlKey} must be the app's public address when {WebhookOptions.Section}:Url is set, so the message can link to the worklist.");
        }

        if (options.TrustedCertificatePath is { } path && !File.Exists(path))
        {
            errors.Add($"{WebhookOptions.Section}:TrustedCertificatePath: no file at {path}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
