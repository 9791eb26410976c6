namespace FedChain.Learning.Pipeline;

/// <summary>
/// A round's aggregate input as every node holds it: the modular sum of the participants'
/// fixed-point updates (unmasked under secure aggregation), their committed sample counts and how many they are.
/// </summary>
public sealed record RoundSum(uint[] Sum, long Samples, int Participants)
{
    /// <summary>The sum of <paramref name="updates"/> mod 2^32, in any order (the same bits).</summary>
    public static RoundSum Of(IReadOnlyList<Contribution.MemberUpdate> updates, int length)
    {
        var sum = new uint[length];
        long samples = 0;
        foreach (var update in updates)
        {
            Quantisation.UpdateQuantiser.AddInto(sum, update.Quantised);
            samples += update.SampleCount;
        }

        return new RoundSum(sum, samples, updates.Count);
    }
}
