using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Smart;

/// <summary>Refuses to start with an EHR entry that could never complete a launch.</summary>
internal sealed class SmartOptionsValidation : IValidateOptions<SmartOptions>
{
    public ValidateOptionsResult Validate(string? name, SmartOptions options)
    {
        var errors = new List<string>();
        if (options.LaunchLifetimeMinutes is < 1 or > 60)
        {
            errors.Add($"{SmartOptions.Section}:LaunchLifetimeMinutes must be between 1 and 60.");
        }

        if (options.TimeoutSeconds is < 1 or > 60)
        {
            errors.Add($"{SmartOptions.Section}:TimeoutSeconds must be between 1 and 60.");
        }

        if (options.ClockSkewSeconds is < 0 or > 300)
        {
            errors.Add($"{SmartOptions.Section}:ClockSkewSeconds must be between 0 and 300.");
        }

        if (options.PublicBaseUrl is { } publicBase && (!publicBase.IsAbsoluteUri || !IsHttpsOrLoopback(publicBase)))
        {
            errors.Add($"{SmartOptions.Section}:PublicBaseUrl must be an absolute https URL.");
        }

        for (var i = 0; i < options.Ehrs.Count; i++)
        {
            errors.AddRange(Problems(options.Ehrs[i], $"{SmartOptions.Section}:Ehrs:{i}"));
        }

        var issuers = options.Ehrs.Where(e => e.Issuer is not null).Select(e => e.Issuer!.AbsoluteUri.TrimEnd('/'));
        if (issuers.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            errors.Add($"{SmartOptions.Section}:Ehrs lists issuer '{duplicate.Key}' twice.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Problems(SmartEhrOptions ehr, string key)
    {
        if (ehr.Issuer is not { IsAbsoluteUri: true } issuer || !IsHttpsOrLoopback(issuer) || issuer.Query.Length > 0 || issuer.Fragment.Length > 0)
        {
            yield return $"{key}:Issuer must be the EHR's FHIR base URL (https; plain http only on loopback).";
        }

        if (string.IsNullOrWhiteSpace(ehr.ClientId))
        {
            yield return $"{key}:ClientId is required.";
        }

        if (string.IsNullOrEmpty(ehr.ClientSecret) == string.IsNullOrEmpty(ehr.PrivateKeyPath))
        {
            yield return $"{key}: set exactly one of ClientSecret and PrivateKeyPath.";
        }
        else if (ehr.PrivateKeyPath is { Length: > 0 } path && ClientAssertion.LoadProblem(path) is { } problem)
        {
            yield return $"{key}:PrivateKeyPath {problem}";
        }

        var mapping = ehr.UserMapping;
        if (string.IsNullOrWhiteSpace(mapping.ResourceType) || !mapping.ResourceType.All(char.IsAsciiLetter))
        {
            yield return $"{key}:UserMapping:ResourceType must be a FHIR resource type such as Practitioner.";
        }

        if (!mapping.Template.Contains(SmartUserMapping.IdPlaceholder, StringComparison.Ordinal))
        {
            yield return $"{key}:UserMapping:Template must contain {SmartUserMapping.IdPlaceholder}.";
        }

        if (!Enum.IsDefined(mapping.Account))
        {
            yield return $"{key}:UserMapping:Account must be Email or UserName.";
        }
    }

    // Plain http only to this machine (a test EHR, a local sidecar): nothing leaves it unencrypted.
    private static bool IsHttpsOrLoopback(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback);
}
