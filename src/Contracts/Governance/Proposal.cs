using System.Numerics;
using System.Text;
using Nethereum.Util;

namespace FedChain.Contracts.Governance;

/// <summary>A governance proposal: the calls it executes and its description. Its id is the
/// Governor's <c>hashProposal</c>: keccak256(abi.encode(targets, values, calldatas, keccak256(description))).</summary>
public sealed record Proposal(IReadOnlyList<string> Targets, IReadOnlyList<BigInteger> Values, IReadOnlyList<byte[]> Calldatas, string Description)
{
    public byte[] DescriptionHash => Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes(Description));
}
