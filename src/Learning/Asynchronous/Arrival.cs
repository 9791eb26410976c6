namespace FedChain.Learning.Asynchronous;

/// <summary>One commit in an arrival window: the site, and the round it trained for (from the model after round <c>TrainedRound - 1</c>).</summary>
public sealed record Arrival(string Site, int TrainedRound)
{
    /// <summary>How many windows the update lags <paramref name="window"/>: 0 when it trained from the model just before it.</summary>
    public int Staleness(int window) => window - TrainedRound;
}
