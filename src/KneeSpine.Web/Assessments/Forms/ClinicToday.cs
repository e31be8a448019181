using KneeSpine.Web.ClinicIdentity;

namespace KneeSpine.Web.Assessments.Forms;

/// <summary>Today's date where the clinic is, the "today" of a form (a surgery after it is in the future).</summary>
public static class ClinicToday
{
    /// <summary>The clinic's date now.</summary>
    public static DateOnly Of(ClinicProfile clinic, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(clinic);
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(clinic.Local(time.GetUtcNow()).DateTime);
    }
}
