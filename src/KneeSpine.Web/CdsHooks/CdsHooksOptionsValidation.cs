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

        if (options.FhirServerTimeoutSeconds is < 1 or > 30)
        {
            errors.Add($"{CdsHooksOptions.Section}:FhirServerTimeoutSeconds must be between 1 and 30.");
        }

        if (options.PurgeEveryMinutes is < 1 or > 1440)
        {
            errors.Add($"{CdsHooksOptions.Section}:PurgeEveryMinutes must be between 1 and 1440.");
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
            else if (client.JwksUrl is { } url && !IsHttpsOrLoopback(url))
            {
                errors.Add($"{key}:JwksUrl must be https.");
            }

            for (var j = 0; j < client.FhirServers.Count; j++)
            {
                var server = client.FhirServers[j];
                if (!server.IsAbsoluteUri || !IsHttpsOrLoopback(server) || server.UserInfo.Length > 0 || server.Query.Length > 0 || server.Fragment.Length > 0)
                {
                    errors.Add($"{key}:FhirServers:{j} must be an https base URL without credentials, query or fragment (plain http only on loopback).");
                }
            }
        }

        if (options.Clients.GroupBy(c => c.Issuer, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            errors.Add($"{CdsHooksOptions.Section}:Clients lists issuer '{duplicate.Key}' twice.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Plain http only to this machine (a test EHR or a local sidecar): nothing leaves it unencrypted.
    private static bool IsHttpsOrLoopback(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
}
