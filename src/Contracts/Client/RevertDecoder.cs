using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;

namespace FedChain.Contracts.Client;

/// <summary>Decodes revert data against every FedChain contract's custom errors, plus Solidity's
/// <c>Error(string)</c> and <c>Panic(uint256)</c> (Solidity docs, "Error handling").</summary>
public sealed class RevertDecoder
{
    private const string ErrorSelector = "08c379a0";
    private const string PanicSelector = "4e487b71";

    private readonly Dictionary<string, ErrorABI> _bySelector = new(StringComparer.Ordinal);

    private RevertDecoder(IEnumerable<ContractArtifact> artifacts)
    {
        foreach (var artifact in artifacts)
        {
            foreach (var error in ABIDeserialiserFactory.DeserialiseContractABI(artifact.Abi).Errors)
            {
                _bySelector.TryAdd(Selector(error.Sha3Signature), error);
            }
        }
    }

    /// <summary>A decoder for all contracts this assembly embeds.</summary>
    public static RevertDecoder Default { get; } = new(ContractNames.All.Select(ContractArtifact.Load));

    /// <summary>Decodes hex revert data; unknown or empty data gives an <c>Unknown</c> revert holding it.</summary>
    public DecodedRevert Decode(string? data)
    {
        var hex = (data ?? "").Trim().Replace("0x", "", StringComparison.OrdinalIgnoreCase).ToLowerInvariant();
        if (hex.Length < 8) return new DecodedRevert("Unknown", [], hex.Length == 0 ? "" : "0x" + hex);

        var selector = hex[..8];
        var body = hex[8..];
        var parameters = selector switch
        {
            ErrorSelector => [new Parameter("string", "reason")],
            PanicSelector => [new Parameter("uint256", "code")],
            _ => _bySelector.TryGetValue(selector, out var abi) ? abi.InputParameters : null,
        };
        var name = selector switch
        {
            ErrorSelector => "Error",
            PanicSelector => "Panic",
            _ => parameters is null ? "Unknown" : _bySelector[selector].Name,
        };
        if (parameters is null) return new DecodedRevert(name, [], "0x" + hex);

        var values = new ParameterDecoder().DecodeDefaultData(body, parameters);
        return new DecodedRevert(
            name,
            values.Select(v => new KeyValuePair<string, object?>(v.Parameter.Name, v.Result)).ToList(),
            "0x" + hex);
    }

    private static string Selector(string signature) =>
        signature.Replace("0x", "", StringComparison.OrdinalIgnoreCase).ToLowerInvariant()[..8];
}
