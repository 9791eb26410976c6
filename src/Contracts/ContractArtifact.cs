using System.Reflection;
using System.Text.Json;

namespace FedChain.Contracts;

/// <summary>A compiled contract: ABI and creation bytecode, embedded from Generated/ at build time.</summary>
public sealed record ContractArtifact(string Name, string Abi, string Bytecode)
{
    /// <summary>Loads the artifact that contracts-sol/scripts/compile.mjs wrote for <paramref name="name"/>.</summary>
    public static ContractArtifact Load(string name)
    {
        var resource = $"FedChain.Contracts.Generated.{name}.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"no compiled contract named {name} (missing resource {resource})", nameof(name));
        using var doc = JsonDocument.Parse(stream);
        return new ContractArtifact(name, doc.RootElement.GetProperty("abi").GetRawText(), doc.RootElement.GetProperty("bytecode").GetString()!);
    }
}
