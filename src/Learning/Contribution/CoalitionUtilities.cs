namespace FedChain.Learning.Contribution;

/// <summary>The combined utility U(S) of every scheduled subset of a round, in <see cref="ScoreUnits"/> units.</summary>
public sealed class CoalitionUtilities(IReadOnlyDictionary<Coalition, long> values)
{
    public long this[Coalition coalition] => values.TryGetValue(coalition, out var value)
        ? value
        : throw new KeyNotFoundException($"subset {coalition} was not scheduled, so no utility exists for it");

    public IReadOnlyDictionary<Coalition, long> Values => values;
}
