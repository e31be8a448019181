using KneeSpine.Store.Accounts;

namespace KneeSpine.Web.Accounts;

/// <summary>The outcome of an account operation: the user, or every reason it failed.</summary>
public sealed record AccountResult(KneeSpineUser? User, IReadOnlyList<string> Errors)
{
    public bool Succeeded => User is not null;

    public static AccountResult Failed(params string[] errors) => new(null, errors);
}
