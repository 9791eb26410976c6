using BenchmarkDotNet.Running;

namespace FedChain.Bench;

/// <summary>Micro-benchmarks: dotnet run -c Release --project bench -- --filter '*'</summary>
internal static class BenchMain
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchMain).Assembly).Run(args);
}
