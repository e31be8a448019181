namespace KneeSpine.Web.FollowUps;

/// <summary>
/// The follow-up calculation, pure: check-ins fall on surgery date + each of <see cref="FollowUpOptions.Days"/>, and a
/// check-in is done by any assessment dated from <see cref="CheckIn.EarlyDays"/> days before it onwards.
/// </summary>
/// <remarks>
/// One assessment can do several check-ins: an assessment on day 90 after a missed day 42 does both, because the
/// patient has been seen since day 42 and a second questionnaire the same day would tell the clinic nothing new. So
/// whether a check-in is done depends only on the latest assessment date, which is why every method can take just that.
/// </remarks>
public static class FollowUpSchedule
{
    /// <summary>Every check-in for a surgery on <paramref name="surgeryDate"/>, in order.</summary>
    public static IReadOnlyList<CheckIn> CheckIns(DateOnly surgeryDate, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.Days.Select(day => new CheckIn(day, surgeryDate.AddDays(day)))];
    }

    /// <summary>
    /// The earliest check-in not done as of <paramref name="asOf"/>, or null when there is no surgery date or every
    /// check-in is done. <paramref name="latestAssessedOn"/> is the date of the patient's latest assessment, if any.
    /// </summary>
    public static NextFollowUp? Next(DateOnly? surgeryDate, DateOnly? latestAssessedOn, DateOnly asOf, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (surgeryDate is not { } surgery)
        {
            return null;
        }

        var pending = CheckIns(surgery, options).FirstOrDefault(c => latestAssessedOn is not { } latest || !c.IsDoneBy(latest));
        return pending is null ? null : new NextFollowUp(pending, asOf);
    }

    /// <summary>As <see cref="Next"/>, from all the patient's assessment dates.</summary>
    public static NextFollowUp? NextFromDates(DateOnly? surgeryDate, IEnumerable<DateOnly> assessedOn, DateOnly asOf, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(assessedOn);
        var latest = assessedOn.Select(d => (DateOnly?)d).Max();
        return Next(surgeryDate, latest, asOf, options);
    }

    /// <summary>
    /// The check-in a reminder is about as of <paramref name="asOf"/>: the latest one already due (due date on or before
    /// <paramref name="asOf"/>) and not done, or null. When several are missed only the latest is reminded, since one
    /// assessment now does them all; earlier ones stop being reminded once a later one falls due.
    /// </summary>
    public static CheckIn? ToRemind(DateOnly? surgeryDate, DateOnly? latestAssessedOn, DateOnly asOf, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (surgeryDate is not { } surgery)
        {
            return null;
        }

        return CheckIns(surgery, options)
            .Where(c => c.DueOn <= asOf)
            .LastOrDefault(c => latestAssessedOn is not { } latest || !c.IsDoneBy(latest));
    }
}
