using BenchmarkDotNet.Attributes;
using FedChain.Learning.SecureAggregation.Crypto;

namespace FedChain.Bench;

/// <summary>Pairwise mask expansion (Bonawitz et al. 2017): one seed to a 4 MiB mask, written and added.</summary>
[MemoryDiagnoser]
public class MaskBenchmarks
{
    private readonly byte[] _seed = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private readonly uint[] _vector = new uint[1 << 20];

    [Benchmark]
    public void Fill() => MaskStream.Fill(_seed, _vector);

    [Benchmark]
    public void Add() => MaskStream.Add(_seed, _vector);
}
