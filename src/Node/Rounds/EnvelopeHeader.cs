namespace FedChain.Node.Rounds;

/// <summary>A <see cref="BlobEnvelope"/>'s header as <see cref="BlobEnvelope.PeekHeader"/> reads it: unverified until the envelope is opened.</summary>
public sealed record EnvelopeHeader(EnvelopeKind Kind, byte[] PlanHash, uint Round, ulong SampleCount)
{
    public bool IsFor(EnvelopeKind kind, ReadOnlySpan<byte> planHash) => Kind == kind && PlanHash.AsSpan().SequenceEqual(planHash);
}
