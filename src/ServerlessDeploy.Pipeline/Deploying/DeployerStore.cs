using ServerlessDeploy.State;

namespace ServerlessDeploy.Pipeline.Deploying;

/// <summary>
/// The ports of the state store the deployer uses: the app's status and history (read and written), its lease, and the
/// marks that recognise a redelivered request. Neither delivery failures nor the image catalog (the image updater's).
/// </summary>
public sealed record DeployerStore(IStateReads Reads, IStateWrites Writes, ILeases Leases, IIdempotencyMarks Marks)
{
    /// <summary>All four ports from one store.</summary>
    public static DeployerStore Of<TStore>(TStore store)
        where TStore : IStateReads, IStateWrites, ILeases, IIdempotencyMarks =>
        new(store, store, store, store);
}
