namespace KneeSpine.Web.Smart;

/// <summary>The EHR could not be reached, did not answer in time, or answered with a server error: the launch answers 503.</summary>
public sealed class SmartEhrUnavailableException : Exception
{
    public SmartEhrUnavailableException()
    {
    }

    public SmartEhrUnavailableException(string message)
        : base(message)
    {
    }

    public SmartEhrUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
