namespace KneeSpine.Web.Smart;

/// <summary>
/// A launch KneeSpine will not complete. <see cref="Exception.Message"/> is shown to the clinician (plain, what to do
/// next); <see cref="Reason"/> goes to the audit trail; <see cref="StatusCode"/> is the page's status.
/// </summary>
public sealed class SmartLaunchRefusedException : Exception
{
    public SmartLaunchRefusedException()
    {
    }

    public SmartLaunchRefusedException(string message)
        : this(message, message)
    {
    }

    public SmartLaunchRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public SmartLaunchRefusedException(string message, string reason, int statusCode = StatusCodes.Status400BadRequest)
        : base(message)
    {
        Reason = reason;
        StatusCode = statusCode;
    }

    public string Reason { get; } = "";

    public int StatusCode { get; } = StatusCodes.Status400BadRequest;
}
