using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;

namespace KneeSpine.Fhir.Assessments;

/// <summary>
/// Names the resources generated for one assessment: deterministic ids, and how entries refer to each other.
/// </summary>
/// <remarks>
/// Ids are name-based UUIDs (RFC 9562 version 8, from SHA-256 of the seed and the resource's role), so the
/// same assessment always maps to the same resources: golden files stay stable and a re-export overwrites
/// rather than duplicates. Unstored results (<c>$assess</c>) use <c>urn:uuid:</c> full URLs; stored ones
/// (<c>$everything</c>) use the server's base URL and relative references.
/// </remarks>
internal sealed class ResourceIdentity
{
    private readonly string seed;
    private readonly Uri? serverBase;

    private ResourceIdentity(string seed, Uri? serverBase)
    {
        this.seed = seed;
        this.serverBase = serverBase;
    }

    /// <summary>Resources that exist only inside the bundle.</summary>
    public static ResourceIdentity Transient(string seed) => new(seed, null);

    /// <summary>Resources stored on the server at <paramref name="serverBase"/>.</summary>
    public static ResourceIdentity Stored(string seed, Uri serverBase) => new(seed, serverBase);

    /// <summary>The id of the resource playing <paramref name="role"/> for this assessment.</summary>
    public string IdFor(string role) => NameBasedUuid(seed + "\n" + role);

    /// <summary>The Bundle.entry.fullUrl of <paramref name="resource"/>.</summary>
    public string FullUrl(Resource resource) => serverBase is null
        ? TransientUrl(resource)
        : $"{serverBase.AbsoluteUri.TrimEnd('/')}/{resource.TypeName}/{resource.Id}";

    /// <summary>A reference from another entry to <paramref name="resource"/>.</summary>
    public ResourceReference ReferenceTo(Resource resource) =>
        new(serverBase is null ? TransientUrl(resource) : $"{resource.TypeName}/{resource.Id}");

    // A resource that came with a server id (a posted response) keeps it; urn:uuid full URLs may differ from ids.
    private string TransientUrl(Resource resource) =>
        "urn:uuid:" + (Guid.TryParse(resource.Id, out _) ? resource.Id : IdFor(resource.TypeName + "/" + resource.Id));

    internal static string NameBasedUuid(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
