using System.Numerics;
using System.Text;
using Nethereum.ABI;
using Nethereum.Util;

namespace FedChain.Contracts.Governance;

/// <summary>A governance proposal: the calls it executes and its description. Its id is the
/// Governor's <c>hashProposal</c>: keccak256(abi.encode(targets, values, calldatas, keccak256(description))).</summary>
public sealed record Proposal(IReadOnlyList<string> Targets, IReadOnlyList<BigInteger> Values, IReadOnlyList<byte[]> Calldatas, string Description)
{
    public byte[] DescriptionHash => Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(Description));

    /// <summary>The proposal id the governor gives it (known before it is proposed).</summary>
    public BigInteger Id => new(Sha3Keccack.Current.CalculateHash(new ABIEncode().GetABIEncoded(
        new ABIValue("address[]", Targets.ToArray()),
        new ABIValue("uint256[]", Values.ToArray()),
        new ABIValue("bytes[]", Calldatas.ToArray()),
        new ABIValue("bytes32", DescriptionHash))), isUnsigned: true, isBigEndian: true);

    /// <summary>The salt GovernorTimelockControl schedules it under: bytes20(governor) XOR the description hash.</summary>
    public byte[] TimelockSalt(string governor)
    {
        var salt = DescriptionHash;
        var address = Convert.FromHexString(governor[2..]);
        for (var i = 0; i < address.Length; i++) salt[i] ^= address[i];
        return salt;
    }
}
