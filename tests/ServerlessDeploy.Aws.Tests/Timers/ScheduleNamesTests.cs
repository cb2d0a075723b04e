using ServerlessDeploy.Aws.Timers;
using ServerlessDeploy.Pipeline.Timers;

namespace ServerlessDeploy.Aws.Tests.Timers;

public sealed class ScheduleNamesTests
{
    [Theory]
    [InlineData("guestbook")]
    [InlineData("team/app with spaces+and:colons")]
    [InlineData("a-very-long-application-name-that-goes-on-and-on-well-past-sixty-four-characters-of-scheduler")]
    public void A_name_is_at_most_64_characters_scheduler_accepts(string app)
    {
        var name = ScheduleNames.For(new WakeUp(app, "cursor-1", 0, 1));

        Assert.Matches("^[0-9a-zA-Z_.-]{1,64}$", name);
        Assert.StartsWith("wake-", name, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_part_of_the_key_changes_the_name_and_the_same_key_keeps_it()
    {
        var wakeUp = new WakeUp("guestbook", "cursor-1", 3, 7);
        var names = new[]
        {
            ScheduleNames.For(wakeUp),
            ScheduleNames.For(wakeUp with { App = "guestbook2" }),
            ScheduleNames.For(wakeUp with { CursorId = "cursor-2" }),
            ScheduleNames.For(wakeUp with { StepIndex = 4 }),
            ScheduleNames.For(wakeUp with { CursorVersion = 8 }),
        };

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(names[0], ScheduleNames.For(new WakeUp("guestbook", "cursor-1", 3, 7)));
    }
}
