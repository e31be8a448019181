using Microsoft.Extensions.Options;

namespace KneeSpine.Web.CdsHooks;

/// <summary>Refuses to start with a client that could never be checked.</summary>
internal sealed class CdsHooksOptionsValidation : IValidateOptions<CdsHooksOptions>
{
    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options)
    {
        var errors = new List<string>();
        if (options.ClockSkewSeconds is < 0 or > 300)
        {
            errors.Add($"{CdsHooksOptions.Section}:ClockSkewSeconds must be between 0 and 300.");
        }

        for (var i = 0; i < options.Clients.Count; i++)
        {
            var client = options.Clients[i];
            var key = $"{CdsHooksOptions.Section}:Clients:{i}";
            if (string.IsNullOrWhiteSpace(client.Issuer))
            {
                errors.Add($"{key}:Issuer is required.");
            }

            if ((client.JwksPath is null) == (client.JwksUrl is null))
            {
                errors.Add($"{key}: set exactly one of JwksPath and JwksUrl.");
            }
            else if (client.JwksPath is { } path && !File.Exists(path))
            {
                errors.Add($"{key}:JwksPath '{path}' does not exist.");
            }
            else if (client.JwksUrl is { } url && url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)
            {
                errors.Add($"{key}:JwksUrl must be https.");
            }
        }

        if (options.Clients.GroupBy(c => c.Issuer, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            errors.Add($"{CdsHooksOptions.Section}:Clients lists issuer '{duplicate.Key}' twice.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
