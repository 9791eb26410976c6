using BenchmarkDotNet.Attributes;
using FedChain.Learning.Quantisation;

namespace FedChain.Bench;

/// <summary>Stochastic rounding of a 1M-parameter update to fixed point, and summing ten quantised updates mod 2^32.</summary>
[MemoryDiagnoser]
public class QuantiseBenchmarks
{
    private readonly QuantisationSettings _settings = new(FixedPointBits: 16, MaxMembers: 64);
    private float[] _update = [];
    private uint[][] _quantised = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _update = [.. Enumerable.Range(0, 1 << 20).Select(_ => (float)(random.NextDouble() - 0.5))];
        _quantised = [.. Enumerable.Range(0, 10).Select(i => UpdateQuantiser.Quantise(_update, _settings, new Random(i), out _))];
    }

    [Benchmark]
    public uint[] Quantise() => UpdateQuantiser.Quantise(_update, _settings, new Random(2), out _);

    [Benchmark]
    public uint[] SumTen()
    {
        var sum = new uint[_update.Length];
        foreach (var q in _quantised) UpdateQuantiser.AddInto(sum, q);
        return sum;
    }
}
