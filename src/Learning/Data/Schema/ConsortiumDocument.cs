using System.Text.Json;
using FedChain.Learning.Json;

namespace FedChain.Learning.Data.Schema;

/// <summary>Reads the JSON documents a consortium or a site writes (schemas, mappings, manifests), naming the document in every error.</summary>
internal static class ConsortiumDocument
{
    /// <param name="what">The kind of document, first word of every error ("schema", "mapping").</param>
    public static T Read<T>(string path, string what) where T : class
    {
        if (!File.Exists(path)) throw new SchemaException($"{what} file '{path}' does not exist");
        return Parse<T>(File.ReadAllText(path), path, what);
    }

    public static T Parse<T>(string json, string source, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, CanonicalJson.Options) ?? throw new SchemaException($"{what} '{source}' is empty");
        }
        catch (JsonException e)
        {
            throw new SchemaException($"{what} '{source}': {e.Message}", e);
        }
    }
}
