using FedChain.Contracts;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.Hex.HexTypes;

namespace FedChain.Node.Demo;

/// <summary>Lists every transaction mined since a block, named by contract and function from the embedded ABIs.</summary>
public static class ChainTransactions
{
    public static async Task<IReadOnlyList<ChainTransaction>> ReadAsync(ChainClient chain, ConsortiumAddresses addresses, ulong fromBlock, CancellationToken ct = default)
    {
        var contracts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [addresses.MembershipRegistry] = ContractNames.MembershipRegistry,
            [addresses.Governor] = ContractNames.ConsortiumGovernor,
            [addresses.TrainingLedger] = ContractNames.TrainingLedger,
            [addresses.RewardToken] = ContractNames.RewardToken,
        };
        var functions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in ContractNames.All)
        {
            foreach (var f in ABIDeserialiserFactory.DeserialiseContractABI(ContractArtifact.Load(name).Abi).Functions)
                functions.TryAdd(f.Sha3Signature[..8].ToLowerInvariant(), f.Name);
        }

        var latest = await chain.BlockNumberAsync(ct);
        var list = new List<ChainTransaction>();
        for (var n = fromBlock; n <= latest; n++)
        {
            var block = await chain.Web3.Eth.Blocks.GetBlockWithTransactionsByNumber.SendRequestAsync(new HexBigInteger(n));
            foreach (var tx in block.Transactions)
            {
                var receipt = await chain.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(tx.TransactionHash);
                var input = (tx.Input ?? "").Replace("0x", "", StringComparison.Ordinal);
                var contract = tx.To is null ? "(deployment)" : contracts.GetValueOrDefault(tx.To, "(transfer)");
                var function = tx.To is null ? "deploy" : input.Length >= 8 ? functions.GetValueOrDefault(input[..8].ToLowerInvariant(), input[..8]) : "transfer";
                list.Add(new ChainTransaction(n, tx.TransactionHash, tx.From, contract, function, (long)receipt.GasUsed.Value));
            }
        }

        return list;
    }
}
