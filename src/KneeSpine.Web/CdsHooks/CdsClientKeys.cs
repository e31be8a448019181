using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace KneeSpine.Web.CdsHooks;

/// <summary>The signing keys of each configured EHR, read from its JWKS file or URL and cached for a few minutes.</summary>
internal sealed class CdsClientKeys(IOptions<CdsHooksOptions> options, IHttpClientFactory http, IMemoryCache cache)
{
    public const string HttpClientName = "cds-hooks-jwks";

    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    public CdsClientOptions? Find(string issuer) => options.Value.Clients.FirstOrDefault(c => c.Issuer == issuer);

    public async Task<IList<SecurityKey>> KeysAsync(CdsClientOptions client, CancellationToken cancellationToken)
    {
        if (client.JwksPath is { } path)
        {
            // Files are re-read when they change, so keys can be rotated without a restart.
            var stamp = File.GetLastWriteTimeUtc(path).Ticks;
            return await cache.GetOrCreateAsync(("jwks-file", path, stamp), async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = CacheFor;
                return Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
            }).ConfigureAwait(false) ?? [];
        }

        var url = client.JwksUrl!;
        return await cache.GetOrCreateAsync(("jwks-url", url), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            using var response = await http.CreateClient(HttpClientName).GetAsync(url, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            return Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }).ConfigureAwait(false) ?? [];
    }

    private static IList<SecurityKey> Parse(string json) => new JsonWebKeySet(json).GetSigningKeys();
}
