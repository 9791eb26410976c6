namespace FedChain.Node.ShardedAggregation;

/// <summary>
/// How an update vector of <see cref="Length"/> elements is cut into <see cref="Count"/> contiguous
/// shards, one per participant: shard s covers [s·L/N, (s+1)·L/N), so sizes differ by at most one.
/// </summary>
public readonly record struct ShardLayout(int Length, int Count)
{
    public int Start(int shard) => (int)((long)shard * Length / Count);

    public int SizeOf(int shard) => Start(shard + 1) - Start(shard);

    public Range RangeOf(int shard) => new(Start(shard), Start(shard + 1));
}
