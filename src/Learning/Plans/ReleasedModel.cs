namespace FedChain.Learning.Plans;

/// <summary>
/// Transfer: the plan starts from the model an earlier plan released on-chain instead of the seed's
/// initial parameters. The release names it (the earlier plan's id and the released model hash), so
/// every member and the auditor start from the same bits; a node reads them from its own state or
/// fetches them as a blob (a model's hash is the blob id of its bytes).
/// </summary>
/// <param name="PlanId">The on-chain id of the plan that released the model.</param>
/// <param name="ModelHash">The released model hash, lower-case hex (SHA-256 of the little-endian float32 bytes).</param>
public sealed record ReleasedModel(string PlanId, string ModelHash)
{
    public ReleasedModel Validate()
    {
        if (!System.Numerics.BigInteger.TryParse(PlanId, out var id) || id < 0) throw new ArgumentException($"plan startFrom planId must be a plan number, got '{PlanId}'");
        if (ModelHash.Length != 64 || !ModelHash.All(Uri.IsHexDigit) || ModelHash != ModelHash.ToLowerInvariant())
            throw new ArgumentException($"plan startFrom modelHash must be 64 lower-case hex digits, got '{ModelHash}'");
        return this;
    }
}
