namespace FedChain.Node.Audit;

/// <summary>A committed blob the chain voted out of its round as unavailable, and the ballots that did it.</summary>
/// <param name="Blob">The committed blob's SHA-256 (hex).</param>
/// <param name="Ballots">Exclusion ballots that named it; <paramref name="Needed"/> is the plan's quorum.</param>
public sealed record AuditExclusion(string Plan, int Round, string Member, string Blob, int Ballots, int Needed)
{
    public override string ToString() =>
        $"plan {Plan} round {Round} member {Member}: committed blob {Blob[..12]} voted out as unavailable by {Ballots} ballots (quorum {Needed}); the aggregate leaves it out";
}
