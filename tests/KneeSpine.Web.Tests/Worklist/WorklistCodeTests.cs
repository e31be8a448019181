using KneeSpine.Engine.Codes;
using KneeSpine.Fhir.Worklist;
using KneeSpine.Store.Worklist;
using KneeSpine.Web.Worklist;

namespace KneeSpine.Web.Tests.Worklist;

public sealed class WorklistCodeTests
{
    [Fact]
    public void The_stored_actions_and_the_fhir_code_system_have_the_same_codes()
    {
        Assert.Equal(Code<WorklistAction>.All, WorklistTaskActions.All.Select(a => a.Code));
    }

    [Theory]
    [InlineData(0, 12, "12 min")]
    [InlineData(3, 20, "3 h 20 min")]
    [InlineData(4, 0, "4 h")]
    [InlineData(26, 0, "1 day 2 h")]
    [InlineData(72, 0, "3 days")]
    public void Durations_read_at_a_glance(int hours, int minutes, string text)
    {
        Assert.Equal(text, WorklistDisplay.Duration(new TimeSpan(hours, minutes, 0)));
    }
}
