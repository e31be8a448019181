namespace KneeSpine.Web.Tests.Security;

public enum Reach
{
    Yes,
    No,

    /// <summary>Refused or hidden (403 or 404): another patient's record.</summary>
    NotOthersRecord,
}
