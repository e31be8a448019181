namespace KneeSpine.Web.Assessments.Results;

/// <summary>Who recorded the answers behind a result, as a patient is told it.</summary>
public enum ResultAuthor
{
    /// <summary>Not stored (the public check): the answers were just given on this device.</summary>
    JustNow,

    /// <summary>The patient answered the questions themselves.</summary>
    Patient,

    /// <summary>A clinician (or an import) recorded the answers.</summary>
    CareTeam,
}
