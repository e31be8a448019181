namespace KneeSpine.Web.Smart;

/// <summary>Which field of a KneeSpine account a <see cref="SmartUserMapping"/> fills in.</summary>
public enum SmartAccountField
{
    Email,
    UserName,
}
