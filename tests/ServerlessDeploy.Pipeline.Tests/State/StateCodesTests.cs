using ServerlessDeploy.Core.Engine;
using ServerlessDeploy.Core.Health;
using ServerlessDeploy.Core.Sync;
using ServerlessDeploy.Pipeline.Notifications;
using ServerlessDeploy.Pipeline.State;
using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Tests.State;

/// <summary>The State project's enums copy the engine's: every engine member maps to the member of the same name, so stored texts stay the same.</summary>
public class StateCodesTests
{
    [Fact]
    public void Every_health_maps_to_the_code_of_the_same_name() =>
        Assert.All(Enum.GetValues<HealthStatus>(), health => Assert.Equal(health.ToString(), health.ToState().ToString()));

    [Fact]
    public void Every_sync_phase_maps_to_the_code_of_the_same_name() =>
        Assert.All(Enum.GetValues<SyncPhase>(), phase => Assert.Equal(phase.ToString(), phase.ToState().ToString()));

    [Fact]
    public void Every_notification_kind_maps_to_the_notice_of_the_same_name() =>
        Assert.All(Enum.GetValues<NotificationKind>(), kind => Assert.Equal(kind.ToString(), kind.ToState().ToString()));

    [Fact]
    public void Every_resource_action_maps_to_the_code_of_the_same_name_and_wire_text()
    {
        Assert.All(Enum.GetValues<ResourceAction>(), action =>
        {
            Assert.Equal(action.ToString(), action.ToState().ToString());
            Assert.Equal(action.Text(), action.ToState().Text());
        });
        Assert.Equal(Enum.GetValues<ResourceAction>().Length, Enum.GetValues<ResourceResultCode>().Length);
    }

    [Fact]
    public void Every_health_code_has_an_engine_health() =>
        Assert.Equal(Enum.GetNames<HealthStatus>().Order(), Enum.GetNames<HealthCode>().Order());
}
