using System.CommandLine;
using System.Text.Json;
using FedChain.Learning.Json;

namespace FedChain.Node.Cli;

/// <summary>Command-line options whose values are an enum's kebab-case names, as in plan files (per-site, fed-adam...).</summary>
internal static class KebabEnum
{
    public static string[] Names<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => JsonSerializer.Serialize(v, CanonicalJson.Options).Trim('"'))];

    public static Option<T?> Option<T>(string name, string description) where T : struct, Enum
    {
        var option = new Option<T?>(name)
        {
            Description = $"{description} ({string.Join(", ", Names<T>())})",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                try
                {
                    return JsonSerializer.Deserialize<T>($"\"{text}\"", CanonicalJson.Options);
                }
                catch (JsonException)
                {
                    result.AddError($"{name}: '{text}' is not one of {string.Join(", ", Names<T>())}");
                    return null;
                }
            },
        };
        return option;
    }
}
