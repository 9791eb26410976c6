using FedChain.Learning.Aggregation;
using FedChain.Learning.Models;

namespace FedChain.Node.Rounds;

public sealed partial class AggregateTrack
{
    /// <summary>
    /// Round r >= 1 of a secure-aggregation plan: applies the unmasked sum of the survivors' updates
    /// (<c>MaskedSum</c>), weighted by their committed sample counts. A null sum (the round could not be
    /// unmasked: fewer than t survivors or answers) leaves the model as it was, as a round with no update does.
    /// </summary>
    public byte[] ApplyUnmaskedSum(int round, uint[]? sum, IReadOnlyList<AcceptedBlob> survivors)
    {
        Expect(round);
        if (sum is not null && survivors.Count > 0)
        {
            var samples = survivors.Sum(a => (long)a.Envelope.SampleCount);
            (Global, Server) = RoundAggregation.ApplyQuantisedSum(Plan, Global, Server, sum, samples, survivors.Count, members);
        }

        Hash = Convert.FromHexString(ModelHash.Of(Global));
        Round = round;
        return Hash;
    }
}
