using System.CommandLine;

namespace FedChain.Node.Cli;

/// <summary>An absolute http(s) URL option (System.CommandLine has no parser of its own for Uri).</summary>
internal static class UriOption
{
    public static Option<Uri?> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
            result.AddError($"{name}: '{text}' is not an http(s) URL");
            return null;
        },
    };
}
