using System.Numerics;
using Nethereum.ABI;
using Nethereum.Util;

namespace FedChain.Contracts.Ledger;

/// <summary>
/// A round's contribution scores (micro units, may be negative) for a list of members, and the hash
/// members vote on: keccak256(abi.encode(uint256 planId, uint32 round, address[] members, int64[] scores)),
/// the same as TrainingLedger.scoresHash.
/// </summary>
public sealed record ScoreVector(BigInteger PlanId, uint Round, IReadOnlyList<string> Members, IReadOnlyList<long> Scores)
{
    public byte[] Hash()
    {
        if (Members.Count != Scores.Count) throw new InvalidOperationException($"score vector for plan {PlanId} round {Round}: {Members.Count} members but {Scores.Count} scores");
        var encoded = new ABIEncode().GetABIEncoded(
            new ABIValue("uint256", PlanId),
            new ABIValue("uint32", Round),
            new ABIValue("address[]", Members.ToArray()),
            new ABIValue("int64[]", Scores.ToArray()));
        return Sha3Keccack.Current.CalculateHash(encoded);
    }
}
