using FedChain.Learning.SecureAggregation.Crypto;
using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.SecureAggregation;

/// <summary>
/// One member's side of a secure-aggregation round (Bonawitz et al. 2017, Fig. 4, semi-honest
/// version; SecAgg+ graph optional), as a state machine over message records. It holds no socket:
/// the node carries the messages over gossip and the chain decides the sets U1, U2 and U3 passed in.
/// Rounds: <see cref="AdvertiseKeys"/>, <see cref="ShareKeys"/>, <see cref="MaskInput"/>, <see cref="Unmask"/>.
/// </summary>
public sealed partial class SecAggMember : IDisposable
{
    private readonly SecAggParameters _parameters;
    private readonly MaskingGraph _graph;
    private readonly SecAggKeyPair _encryptionKeys = SecAggKeyPair.Generate();
    private readonly SecAggKeyPair _maskKeys = SecAggKeyPair.Generate();
    private HashSet<int>? _answered;

    /// <param name="slot">This member's slot, 1..n.</param>
    public SecAggMember(SecAggParameters parameters, int slot, MaskingGraph? graph = null)
    {
        _parameters = parameters.Validate();
        if (slot < 1 || slot > parameters.MemberCount)
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"slot must lie in 1..{parameters.MemberCount}");
        Slot = slot;
        _graph = graph ?? new MaskingGraph(parameters);
    }

    public int Slot { get; }

    public SecAggPhase Phase { get; private set; } = SecAggPhase.Created;

    /// <summary>Round 0: this member's two fresh public keys.</summary>
    public KeyAdvertisement AdvertiseKeys()
    {
        Expect(SecAggPhase.Created, nameof(AdvertiseKeys));
        Phase = SecAggPhase.KeysAdvertised;
        return Advertisement;
    }

    public void Dispose()
    {
        _encryptionKeys.Dispose();
        _maskKeys.Dispose();
    }

    private KeyAdvertisement Advertisement => new(Slot, _encryptionKeys.PublicKey, _maskKeys.PublicKey);

    private void Expect(SecAggPhase phase, string step)
    {
        if (Phase != phase)
            throw new InvalidOperationException($"slot {Slot}: {step} needs phase {phase}, but the member is in phase {Phase}");
    }
}
