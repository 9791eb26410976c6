using BenchmarkDotNet.Attributes;
using FedChain.Node.ShardedAggregation;

namespace FedChain.Bench;

/// <summary>
/// One aggregator's arithmetic in sharded aggregation (N = 10, 4 MiB updates: one 400 KiB shard from each
/// member) and one member's sum-check work: the challenge coefficients, its answer, the check of a shard sum.
/// </summary>
[MemoryDiagnoser]
public class AggregationBenchmarks
{
    private const int Members = 10;
    private const int ShardLength = (1 << 20) / Members;
    private readonly byte[] _seed = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private uint[][] _shards = [];
    private ShardSum _sum = null!;
    private SumChallenge _challenge = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _shards = [.. Enumerable.Range(0, Members).Select(_ => Enumerable.Range(0, ShardLength).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray())];
        _sum = ShardSum.Of(_shards, ShardLength);
        _challenge = SumChallenge.From(_seed, ShardLength);
    }

    [Benchmark]
    public ShardSum SumShard() => ShardSum.Of(_shards, ShardLength);

    [Benchmark]
    public SumChallenge Challenge() => SumChallenge.From(_seed, ShardLength);

    [Benchmark]
    public ulong Answer() => _challenge.Answer(_shards[0]);

    [Benchmark]
    public ulong CheckSum() => _challenge.Evaluate(_sum);

    [Benchmark]
    public byte[] EncodeSum() => _sum.Encode();
}
