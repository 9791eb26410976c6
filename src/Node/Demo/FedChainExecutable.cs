using System.Diagnostics;

namespace FedChain.Node.Demo;

/// <summary>How to start another `fedchain` process: the apphost next to this assembly, or `dotnet fedchain.dll`.</summary>
public static class FedChainExecutable
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var folder = Path.GetDirectoryName(typeof(FedChainExecutable).Assembly.Location)!;
        var appHost = Path.Combine(folder, "fedchain");
        var info = File.Exists(appHost) ? new ProcessStartInfo(appHost) : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(folder, "fedchain.dll") } };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return info;
    }
}
