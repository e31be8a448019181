using System.Linq.Expressions;
using KneeSpine.Web.FollowUps;

namespace KneeSpine.Web.Patients;

/// <summary>
/// <see cref="FollowUpSchedule.Next"/> as an expression the database evaluates, so the list can sort and filter by the
/// next check-in without loading every patient: for the configured days d1 &lt; d2 &lt; ..., CASE WHEN the latest
/// assessment is before surgery + d1 - 3 THEN surgery + d1 WHEN ... ELSE NULL. A test holds it equal to the C# rule.
/// </summary>
internal static class NextCheckInExpression
{
    private static readonly System.Reflection.MethodInfo AddDays = typeof(DateOnly).GetMethod(nameof(DateOnly.AddDays), [typeof(int)])!;

    /// <summary>The due date of the earliest check-in not done; null without a surgery date or when all are done.</summary>
    public static Expression<Func<PatientListRow, DateOnly?>> DueOn(IEnumerable<int> days)
    {
        var row = Expression.Parameter(typeof(PatientListRow), "row");
        return Expression.Lambda<Func<PatientListRow, DateOnly?>>(Body(row, days), row);
    }

    /// <summary>Whether the next check-in is due before <paramref name="today"/> (FollowUpSchedule's "overdue").</summary>
    public static Expression<Func<PatientListRow, bool>> Overdue(IEnumerable<int> days, DateOnly today)
    {
        var row = Expression.Parameter(typeof(PatientListRow), "row");
        return Expression.Lambda<Func<PatientListRow, bool>>(Expression.LessThan(Body(row, days), Expression.Constant(today, typeof(DateOnly?))), row);
    }

    /// <summary>0 when a check-in is pending, 1 when none is: sorts patients without one last.</summary>
    public static Expression<Func<PatientListRow, int>> NonePending(IEnumerable<int> days)
    {
        var row = Expression.Parameter(typeof(PatientListRow), "row");
        var none = Expression.Equal(Body(row, days), Expression.Constant(null, typeof(DateOnly?)));
        return Expression.Lambda<Func<PatientListRow, int>>(Expression.Condition(none, Expression.Constant(1), Expression.Constant(0)), row);
    }

    private static Expression Body(ParameterExpression row, IEnumerable<int> days)
    {
        var surgery = Expression.Property(row, nameof(PatientListRow.SurgeryDate));
        var surgeryDay = Expression.Property(surgery, nameof(Nullable<DateOnly>.Value));
        var latest = Expression.Property(row, nameof(PatientListRow.LastAssessed));
        var none = Expression.Constant(null, typeof(DateOnly?));
        Expression result = none;
        foreach (var day in days.OrderDescending())
        {
            var opensOn = Expression.Convert(Expression.Call(surgeryDay, AddDays, Expression.Constant(day - CheckIn.EarlyDays)), typeof(DateOnly?));
            var notDone = Expression.OrElse(Expression.Equal(latest, none), Expression.LessThan(latest, opensOn));
            var dueOn = Expression.Convert(Expression.Call(surgeryDay, AddDays, Expression.Constant(day)), typeof(DateOnly?));
            result = Expression.Condition(notDone, dueOn, result);
        }

        return Expression.Condition(Expression.Equal(surgery, none), none, result);
    }
}
