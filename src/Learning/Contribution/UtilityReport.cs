using System.Security.Cryptography;

namespace FedChain.Learning.Contribution;

/// <summary>
/// What one member publishes after a round: the utility it measured, on its own validation rows,
/// for every scheduled subset model. Scalars only, never data. The node signs
/// <see cref="CanonicalBytes"/>; scores are a deterministic function of the set of these reports.
/// </summary>
/// <param name="PlanHash">The plan's SHA-256, lower-case hex.</param>
/// <param name="Round">1-based round.</param>
/// <param name="Member">The reporting member (its address in the network, the site name in a simulation).</param>
/// <param name="ValidationRows">Rows the member evaluated on: its weight in the combination.</param>
/// <param name="Utilities">One per scheduled subset, ascending by mask.</param>
public sealed record UtilityReport(string PlanHash, int Round, string Member, long ValidationRows, IReadOnlyList<SubsetUtility> Utilities)
{
    /// <summary>The bytes to hash and sign (<see cref="UtilityReportCodec"/>).</summary>
    public byte[] CanonicalBytes() => UtilityReportCodec.Encode(this);

    /// <summary>SHA-256 of <see cref="CanonicalBytes"/>, lower-case hex.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes()));
}
