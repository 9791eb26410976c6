using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace FedChain.Contracts.Client;

public sealed partial class ChainClient
{
    /// <summary>Calls a view function returning one value.</summary>
    public Task<TOut> CallAsync<TFunction, TOut>(string contract, TFunction message, BlockParameter? block = null, CancellationToken ct = default)
        where TFunction : FunctionMessage, new() =>
        RunAsync($"{OperationName<TFunction>()} on {contract}",
            () => Web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TOut>(contract, message, block), ct);

    /// <summary>Calls a view function whose outputs map onto a [FunctionOutput] DTO.</summary>
    public Task<TOut> CallDtoAsync<TFunction, TOut>(string contract, TFunction message, BlockParameter? block = null, CancellationToken ct = default)
        where TFunction : FunctionMessage, new()
        where TOut : IFunctionOutputDTO, new() =>
        RunAsync($"{OperationName<TFunction>()} on {contract}",
            () => Web3.Eth.GetContractQueryHandler<TFunction>().QueryDeserializingToObjectAsync<TOut>(message, contract, block), ct);
}
