namespace FedChain.Learning.Asynchronous;

/// <summary>
/// Buffered asynchronous aggregation (Nguyen et al. 2022, "Federated Learning with Buffered
/// Asynchronous Aggregation", FedBuff): members commit when their training is done, the chain takes
/// the commits in order, and every <see cref="BufferSize"/> of them close one aggregation step (an
/// arrival window). An update trained from an older model than the window's counts for less
/// (<see cref="StalenessWeight"/>). A plan without this section runs synchronous rounds.
/// </summary>
/// <param name="BufferSize">K: commits per aggregation step, 1..the plan's members (the chain refuses more than it invited).</param>
/// <param name="MaxStaleness">The most windows an update may lag the window it lands in; an older one is not committed (and excluded if it is).</param>
public sealed record AsynchronousSettings(int BufferSize = 2, int MaxStaleness = 32)
{
    public AsynchronousSettings Validate(int maxMembers)
    {
        if (BufferSize < 1 || BufferSize > Math.Min(maxMembers, 255)) throw new ArgumentException($"asynchronous bufferSize must be 1..{Math.Min(maxMembers, 255)} (the plan's quantisation maxMembers), got {BufferSize}");
        if (MaxStaleness is < 0 or > 1024) throw new ArgumentException($"asynchronous maxStaleness must be 0..1024, got {MaxStaleness}");
        return this;
    }
}
