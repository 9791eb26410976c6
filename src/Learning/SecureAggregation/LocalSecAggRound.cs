using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.SecureAggregation;

/// <summary>
/// A whole round with every member inside one process and messages handed over directly: what tests,
/// benchmarks and simulations need. Members leave out of a step by not being passed to it; the sets
/// U1, U2 and U3 are whoever sent in the step before, as the chain would record them. Every step's
/// compute time and encoded bytes are kept in <see cref="Costs"/>.
/// </summary>
public sealed class LocalSecAggRound : IDisposable
{
    private readonly SecAggParameters _parameters;
    private readonly TimeProvider _time;
    private readonly MaskingGraph _graph;
    private readonly Dictionary<int, SecAggMember> _members = [];
    private readonly List<SecAggStepCost> _costs = [];
    private List<KeyAdvertisement> _u1 = [];
    private List<EncryptedShare> _shares = [];
    private List<MaskedInput> _masked = [];
    private List<UnmaskingShares> _responses = [];

    public LocalSecAggRound(SecAggParameters parameters, TimeProvider? time = null)
    {
        _parameters = parameters.Validate();
        _time = time ?? TimeProvider.System;
        _graph = new MaskingGraph(parameters);
        for (var slot = 1; slot <= parameters.MemberCount; slot++) _members[slot] = new SecAggMember(parameters, slot, _graph);
    }

    public IReadOnlyDictionary<int, SecAggMember> Members => _members;

    public MaskingGraph Graph => _graph;

    public IReadOnlyList<SecAggStepCost> Costs => _costs;

    public IReadOnlyList<KeyAdvertisement> U1 => _u1;

    public IReadOnlyList<int> U2 => [.. _shares.Select(s => s.From).Distinct().Order()];

    public IReadOnlyList<MaskedInput> MaskedInputs => _masked;

    public IReadOnlyList<UnmaskingShares> Responses => _responses;

    /// <summary>Round 0 for <paramref name="slots"/> (all members when null).</summary>
    public void AdvertiseKeys(IEnumerable<int>? slots = null) =>
        _u1 = Each(slots ?? _members.Keys, "advertise-keys", m => m.AdvertiseKeys());

    /// <summary>Round 1 for <paramref name="slots"/> (all of U1 when null).</summary>
    public void ShareKeys(IEnumerable<int>? slots = null) =>
        _shares = [.. Each(slots ?? _u1.Select(a => a.Slot), "share-keys", m => m.ShareKeys(_u1)).SelectMany(s => s)];

    /// <summary>Round 2: the members in <paramref name="inputs"/> mask their update; U2 is everyone who shared.</summary>
    public void MaskInputs(IReadOnlyDictionary<int, uint[]> inputs)
    {
        var u2 = U2;
        _masked = Each(inputs.Keys, "mask-input", m => m.MaskInput(inputs[m.Slot], u2, [.. _shares.Where(s => s.To == m.Slot)]));
    }

    /// <summary>Round 3 for <paramref name="slots"/> (all of U3 when null); U3 is everyone who sent a masked input.</summary>
    public void Unmask(IEnumerable<int>? slots = null)
    {
        var u3 = _masked.Select(m => m.Slot).ToArray();
        _responses = Each(slots ?? u3, "unmask", m => m.Unmask(u3));
    }

    /// <summary>The unmasked sum, as any node would compute it from the public messages; its cost is kept under slot 0.</summary>
    public uint[] Sum()
    {
        var start = _time.GetTimestamp();
        var sum = SecureSum.Compute(_parameters, _u1, U2, _masked, _responses, _graph);
        _costs.Add(new SecAggStepCost(0, "unmask-sum", _time.GetElapsedTime(start), 0));
        return sum;
    }

    public void Dispose()
    {
        foreach (var member in _members.Values) member.Dispose();
    }

    // Runs one step for each given member, timing it and counting the encoded bytes it sends.
    private List<T> Each<T>(IEnumerable<int> slots, string step, Func<SecAggMember, T> run)
        where T : notnull
    {
        var results = new List<T>();
        foreach (var slot in slots.Order())
        {
            var start = _time.GetTimestamp();
            var message = run(_members[slot]);
            var elapsed = _time.GetElapsedTime(start);
            var bytes = message is IEnumerable<EncryptedShare> many ? many.Sum(m => (long)SecAggCodec.Encode(m).Length) : SecAggCodec.Encode(message).Length;
            _costs.Add(new SecAggStepCost(slot, step, elapsed, bytes));
            results.Add(message);
        }
        return results;
    }
}
