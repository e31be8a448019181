using KneeSpine.Web.FollowUps;

namespace KneeSpine.Web.Tests.FollowUps;

/// <summary>The pure schedule: check-ins at surgery + 14, 42, 90 days, done from 3 days before onwards, overdue after the due day.</summary>
public sealed class FollowUpScheduleTests
{
    private static readonly DateOnly Surgery = new(2026, 3, 1);
    private static readonly FollowUpOptions Defaults = new();

    private static DateOnly Day(int n) => Surgery.AddDays(n);

    [Fact]
    public void Check_ins_fall_on_surgery_date_plus_each_configured_day()
    {
        var checkIns = FollowUpSchedule.CheckIns(Surgery, Defaults);

        Assert.Equal([new CheckIn(14, new(2026, 3, 15)), new CheckIn(42, new(2026, 4, 12)), new CheckIn(90, new(2026, 5, 30))], checkIns);
    }

    [Fact]
    public void Without_a_surgery_date_there_is_no_follow_up()
    {
        Assert.Null(FollowUpSchedule.Next(null, null, Day(20), Defaults));
        Assert.Null(FollowUpSchedule.ToRemind(null, null, Day(20), Defaults));
    }

    [Fact]
    public void With_no_assessment_the_first_check_in_is_next()
    {
        var next = FollowUpSchedule.Next(Surgery, null, Day(5), Defaults);

        Assert.NotNull(next);
        Assert.Equal(14, next.Day);
        Assert.Equal(Day(14), next.DueOn);
        Assert.False(next.Overdue);
    }

    [Fact]
    public void On_the_due_day_the_check_in_is_due_but_not_overdue()
    {
        var next = FollowUpSchedule.Next(Surgery, null, Day(14), Defaults)!;

        Assert.False(next.Overdue);
        Assert.Equal(0, next.DaysOverdue);
    }

    [Fact]
    public void The_day_after_the_due_day_the_check_in_is_overdue_by_one_day()
    {
        var next = FollowUpSchedule.Next(Surgery, null, Day(15), Defaults)!;

        Assert.Equal(14, next.Day);
        Assert.True(next.Overdue);
        Assert.Equal(1, next.DaysOverdue);
    }

    [Theory]
    [InlineData(11, 42)] // exactly 3 days early: done
    [InlineData(14, 42)]
    [InlineData(20, 42)]
    [InlineData(10, 14)] // 4 days early: not done
    public void An_assessment_from_three_days_before_a_check_in_does_it(int assessedOnDay, int expectedNextDay)
    {
        var next = FollowUpSchedule.Next(Surgery, Day(assessedOnDay), Day(assessedOnDay), Defaults)!;

        Assert.Equal(expectedNextDay, next.Day);
    }

    [Fact]
    public void A_late_assessment_does_every_missed_check_in_before_it()
    {
        // Day 42 missed; the assessment on day 90 does 42 and 90 alike, so nothing is left.
        var next = FollowUpSchedule.NextFromDates(Surgery, [Day(13), Day(90)], Day(95), Defaults);

        Assert.Null(next);
    }

    [Fact]
    public void A_missed_check_in_stays_next_and_overdue_until_an_assessment_does_it()
    {
        var next = FollowUpSchedule.NextFromDates(Surgery, [Day(13)], Day(60), Defaults)!;

        Assert.Equal(42, next.Day);
        Assert.True(next.Overdue);
        Assert.Equal(18, next.DaysOverdue);
    }

    [Fact]
    public void The_order_of_assessment_dates_does_not_matter()
    {
        var next = FollowUpSchedule.NextFromDates(Surgery, [Day(40), Day(2), Day(13)], Day(41), Defaults)!;

        Assert.Equal(90, next.Day);
    }

    [Fact]
    public void Configured_days_replace_the_defaults()
    {
        var options = new FollowUpOptions { Days = [7, 30] };

        Assert.Equal(7, FollowUpSchedule.Next(Surgery, null, Day(1), options)!.Day);
        Assert.Null(FollowUpSchedule.Next(Surgery, Day(27), Day(28), options));
    }

    [Fact]
    public void Nothing_is_reminded_before_the_first_due_day()
    {
        Assert.Null(FollowUpSchedule.ToRemind(Surgery, null, Day(13), Defaults));
        Assert.Equal(14, FollowUpSchedule.ToRemind(Surgery, null, Day(14), Defaults)!.Day);
    }

    [Fact]
    public void Reminders_are_about_the_latest_missed_check_in()
    {
        Assert.Equal(42, FollowUpSchedule.ToRemind(Surgery, null, Day(42), Defaults)!.Day);
        Assert.Equal(14, FollowUpSchedule.ToRemind(Surgery, null, Day(41), Defaults)!.Day);
    }

    [Fact]
    public void A_done_check_in_is_not_reminded()
    {
        Assert.Null(FollowUpSchedule.ToRemind(Surgery, Day(12), Day(20), Defaults));
        Assert.Null(FollowUpSchedule.ToRemind(Surgery, Day(95), Day(400), Defaults));
    }

    [Theory]
    [InlineData(new[] { 14, 42, 90 }, true)]
    [InlineData(new[] { 1 }, true)]
    [InlineData(new int[0], false)]
    [InlineData(new[] { 0, 14 }, false)]
    [InlineData(new[] { -3, 14 }, false)]
    [InlineData(new[] { 42, 14 }, false)]
    [InlineData(new[] { 14, 14, 90 }, false)]
    public void Days_must_be_positive_ascending_and_distinct(int[] days, bool valid)
    {
        var result = new FollowUpOptionsValidation().Validate(null, new FollowUpOptions { Days = days });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("KneeSpine:FollowUp:Days", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Remind_again_and_check_every_must_be_positive()
    {
        var result = new FollowUpOptionsValidation().Validate(null, new FollowUpOptions { RemindAgainAfterDays = 0, CheckEvery = TimeSpan.Zero });

        Assert.False(result.Succeeded);
        Assert.Contains("KneeSpine:FollowUp:RemindAgainAfterDays", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("KneeSpine:FollowUp:CheckEvery", result.FailureMessage, StringComparison.Ordinal);
    }
}
