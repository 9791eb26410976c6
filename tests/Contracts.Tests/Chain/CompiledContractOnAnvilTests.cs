using System.Numerics;
using FedChain.Contracts.Chain;
using FedChain.TestSupport;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace FedChain.Contracts.Tests.Chain;

/// <summary>A contract compiled by the build deploys on a fixture-started anvil and answers calls.</summary>
public sealed class CompiledContractOnAnvilTests(AnvilFixture chain) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task MembershipRegistry_DeployedAndBootstrapped_ReportsItsMembers()
    {
        var deployer = new Account(chain.Anvil.DevPrivateKeys[0], AnvilProcess.ChainId);
        var web3 = new Web3(deployer, chain.Anvil.RpcUrl.ToString());
        var artifact = ContractArtifact.Load("MembershipRegistry");

        var receipt = await web3.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(
            artifact.Abi, artifact.Bytecode, deployer.Address, new Nethereum.Hex.HexTypes.HexBigInteger(3_000_000));
        Assert.Equal(BigInteger.One, receipt.Status.Value);

        var contract = web3.Eth.GetContract(artifact.Abi, receipt.ContractAddress);
        var member = new Account(chain.Anvil.DevPrivateKeys[1]).Address;
        var bootstrap = await contract.GetFunction("bootstrap").SendTransactionAndWaitForReceiptAsync(
            deployer.Address, new Nethereum.Hex.HexTypes.HexBigInteger(500_000), null, null,
            new[] { member }, new[] { (byte)1 }, new[] { "Cleveland" }, new[] { "127.0.0.1:7001" });
        Assert.Equal(BigInteger.One, bootstrap.Status.Value);

        Assert.Equal(BigInteger.One, await contract.GetFunction("memberCount").CallAsync<BigInteger>());
        Assert.True(await contract.GetFunction("isMember").CallAsync<bool>(member));
        Assert.False(await contract.GetFunction("isMember").CallAsync<bool>(deployer.Address));
    }
}
