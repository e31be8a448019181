using System.Buffers.Text;
using KneeSpine.Store.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace KneeSpine.Web.Accounts;

/// <summary>
/// The code in a password reset link: the same recipe as Identity's <c>DataProtectorTokenProvider</c> (made and
/// signed with ASP.NET Core data protection, bound to the account, the purpose and the security stamp, so it stops
/// working once any password is set), but it tells the time with the app's <see cref="TimeProvider"/>. Identity's
/// provider reads the system clock, so a link's expiry could not be tested, nor follow the clock the rest of the app
/// uses (ADR-140).
/// </summary>
internal sealed class ResetLinkTokenProvider(IDataProtectionProvider dataProtection, TimeProvider time)
    : IUserTwoFactorTokenProvider<KneeSpineUser>
{
    public const string Name = "KneeSpineResetLink";

    private readonly IDataProtector protector = dataProtection.CreateProtector("KneeSpine.Accounts.ResetLink");

    public async Task<string> GenerateAsync(string purpose, UserManager<KneeSpineUser> manager, KneeSpineUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(time.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user).ConfigureAwait(false));
            writer.Write(purpose ?? "");
            writer.Write(await StampAsync(manager, user).ConfigureAwait(false));
        }

        return Base64Url.EncodeToString(protector.Protect(buffer.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<KneeSpineUser> manager, KneeSpineUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        byte[] payload;
        try
        {
            payload = protector.Unprotect(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        using var reader = new BinaryReader(new MemoryStream(payload));
        var madeAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        return madeAt + AccountsRegistration.PasswordResetLifetime >= time.GetUtcNow()
            && reader.ReadString() == await manager.GetUserIdAsync(user).ConfigureAwait(false)
            && reader.ReadString() == (purpose ?? "")
            && reader.ReadString() == await StampAsync(manager, user).ConfigureAwait(false);
    }

    /// <summary>Never offered as a second sign-in factor: it only makes reset links.</summary>
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<KneeSpineUser> manager, KneeSpineUser user) => Task.FromResult(false);

    private static async Task<string> StampAsync(UserManager<KneeSpineUser> manager, KneeSpineUser user) =>
        manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user).ConfigureAwait(false) ?? "" : "";
}
